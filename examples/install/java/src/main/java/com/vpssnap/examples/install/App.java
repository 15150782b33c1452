package com.vpssnap.examples.install;

import com.pulumi.Pulumi;
import com.vpssnap.RollbackPoints;
import com.vpssnap.RollbackPointsArgs;
import com.vpssnap.vpsorg.Snapshot;
import com.vpssnap.vpsorg.SnapshotArgs;

import java.util.List;

/** A snapshot and rollback points (a component the plugin constructs) from the SDK in the Maven repository. */
public class App {
    public static void main(String[] args) {
        Pulumi.run(ctx -> {
            var db = new Snapshot("db", SnapshotArgs.builder()
                    .serverId(12345)
                    .name("installed-from-maven")
                    .build());
            var web = new RollbackPoints("web", RollbackPointsArgs.builder()
                    .locawebServer("cpro0300")
                    .checkpoints(List.of("installed-from-maven"))
                    .keep(1)
                    .build());
            ctx.export("db", db.id());
            ctx.export("webPoints", web.snapshotIds());
        });
    }
}
