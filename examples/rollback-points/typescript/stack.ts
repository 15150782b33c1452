import * as pulumi from "@pulumi/pulumi";
import * as vpssnap from "@vpssnap/vpssnap";

/**
 * Rollback points for a web server on Locaweb and a database server on VPS.org, one per risky change:
 *   pulumi config set checkpoints before-nginx,before-php   (the newest last), then up
 *   pulumi config set rollbackTo before-php                  reverts both servers in place
 */
export function rollbackPoints() {
    const config = new pulumi.Config();
    const checkpoints = config.require("checkpoints").split(",").map(label => label.trim());
    const keep = config.getNumber("keep") ?? 3;
    const rollbackTo = config.get("rollbackTo") ?? "";

    const web = new vpssnap.RollbackPoints("web", { locawebServer: "cpro0299", checkpoints, keep, rollbackTo });
    const db = new vpssnap.RollbackPoints("db", { vpsorgServerId: 12345, checkpoints, keep, rollbackTo });

    return {
        webSnapshotIds: web.snapshotIds,
        dbSnapshotIds: db.snapshotIds,
        latest: web.latest,
    };
}
