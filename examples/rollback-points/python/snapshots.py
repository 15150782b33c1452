"""The snapshot resources themselves: one per cloud, each with a revert trigger from config.

    pulumi config set rollbackTo rollback-1   reverts both servers in place
"""
import pulumi
import pulumi_vpssnap as vpssnap


def snapshots() -> None:
    rollback_to = pulumi.Config().get("rollbackTo") or ""
    web = vpssnap.locaweb.Snapshot("web-before-upgrade", server="cpro0299", name="before-nginx-upgrade",
                                   description="Taken before the nginx upgrade", revert_trigger=rollback_to)
    db = vpssnap.vpsorg.Snapshot("db-before-migration", server_id=12345, name="before-schema-migration",
                                 description="Taken before the schema migration", revert_trigger=rollback_to)
    pulumi.export("webSnapshot", web.id)
    pulumi.export("dbSnapshot", db.id)
