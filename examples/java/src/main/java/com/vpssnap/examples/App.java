package com.vpssnap.examples;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.core.Output;
import com.vpssnap.locaweb.LocawebFunctions;
import com.vpssnap.locaweb.inputs.GetSnapshotsArgs;
import com.vpssnap.vpsorg.Snapshot;
import com.vpssnap.vpsorg.SnapshotArgs;

/**
 * Takes a rollback point on each cloud before risky changes. To roll both servers back in place:
 * {@code pulumi config set rollbackTo rollback-1 && pulumi up}.
 */
public final class App {
    public static void main(String[] args) {
        Pulumi.run(App::stack);
    }

    private static void stack(Context ctx) {
        String rollbackTo = ctx.config().get("rollbackTo").orElse("");

        var web = new com.vpssnap.locaweb.Snapshot("web-before-upgrade",
                com.vpssnap.locaweb.SnapshotArgs.builder()
                        .server("cpro0299")
                        .name("before-nginx-upgrade")
                        .description("Taken before the nginx upgrade")
                        .revertTrigger(rollbackTo)
                        .build());

        var db = new Snapshot("db-before-migration", SnapshotArgs.builder()
                .serverId(12345)
                .name("before-schema-migration")
                .description("Taken before the schema migration")
                .revertTrigger(rollbackTo)
                .build());

        // The invoke waits for the snapshot, so the list includes it.
        var listed = LocawebFunctions.getSnapshots(GetSnapshotsArgs.builder()
                .server(web.server())
                .build());

        ctx.export("webSnapshot", web.id());
        ctx.export("webSnapshotStatus", web.status());
        ctx.export("dbSnapshot", db.id());
        ctx.export("dbSnapshotSize", db.sizeMb());
        ctx.export("snapshotsOnWebServer", listed.applyValue(result -> result.snapshots().size()));
        ctx.export("rollbackTo", Output.of(rollbackTo));
    }
}
