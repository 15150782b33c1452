"""Rollback points for a web server on Locaweb and a database server on VPS.org, one per risky change.

    pulumi config set checkpoints before-nginx,before-php    (the newest last), then up
    pulumi config set rollbackTo before-php                   reverts both servers in place
"""
import pulumi
import pulumi_vpssnap as vpssnap


def rollback_points() -> None:
    config = pulumi.Config()
    checkpoints = [label.strip() for label in config.require("checkpoints").split(",")]
    keep = config.get_int("keep") or 3
    rollback_to = config.get("rollbackTo") or ""

    web = vpssnap.RollbackPoints("web", locaweb_server="cpro0299",
                                 checkpoints=checkpoints, keep=keep, rollback_to=rollback_to)
    db = vpssnap.RollbackPoints("db", vpsorg_server_id=12345,
                                checkpoints=checkpoints, keep=keep, rollback_to=rollback_to)

    pulumi.export("webSnapshotIds", web.snapshot_ids)
    pulumi.export("dbSnapshotIds", db.snapshot_ids)
    pulumi.export("latest", web.latest)
