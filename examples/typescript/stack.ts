import * as pulumi from "@pulumi/pulumi";
import * as vpssnap from "@vpssnap/vpssnap";

/**
 * Takes a rollback point on each cloud before risky changes. To roll both servers back in place,
 * set the stack's `rollbackTo` config to a new label and run `pulumi up` again.
 */
export function rollbackPoints() {
    const config = new pulumi.Config();
    const rollbackTo = config.get("rollbackTo") ?? "";

    const web = new vpssnap.locaweb.Snapshot("web-before-upgrade", {
        server: "cpro0299",
        name: "before-nginx-upgrade",
        description: "Taken before the nginx upgrade",
        revertTrigger: rollbackTo,
    });

    const db = new vpssnap.vpsorg.Snapshot("db-before-migration", {
        serverId: 12345,
        name: "before-schema-migration",
        description: "Taken before the schema migration",
        revertTrigger: rollbackTo,
    });

    // The invoke waits for the snapshot, so the list includes it.
    const listed = vpssnap.locaweb.getSnapshotsOutput({ server: web.server });

    return {
        webSnapshot: web.id,
        webSnapshotStatus: web.status,
        dbSnapshot: db.id,
        dbSnapshotSize: db.sizeMb,
        snapshotsOnWebServer: listed.snapshots.apply(s => s.length),
    };
}
