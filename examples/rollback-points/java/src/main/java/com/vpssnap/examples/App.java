package com.vpssnap.examples;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.vpssnap.RollbackPoints;
import com.vpssnap.RollbackPointsArgs;

import java.util.Arrays;
import java.util.List;

/**
 * Rollback points for a web server on Locaweb and a database server on VPS.org, one per risky change:
 * <pre>
 * pulumi config set checkpoints before-nginx-1.26            &amp;&amp; pulumi up
 * pulumi config set checkpoints before-nginx-1.26,before-php-8.3 &amp;&amp; pulumi up
 * pulumi config set rollbackTo before-php-8.3                 &amp;&amp; pulumi up   # reverts both servers
 * </pre>
 */
public final class App {
    public static void main(String[] args) {
        Pulumi.run(App::stack);
    }

    private static void stack(Context ctx) {
        var config = ctx.config();
        List<String> checkpoints = Arrays.stream(config.require("checkpoints").split(","))
                .map(String::strip).toList();
        int keep = config.getInteger("keep").orElse(3);
        String rollbackTo = config.get("rollbackTo").orElse("");

        var web = new RollbackPoints("web", RollbackPointsArgs.builder()
                .locawebServer("cpro0299")
                .checkpoints(checkpoints).keep(keep).rollbackTo(rollbackTo)
                .build());
        var db = new RollbackPoints("db", RollbackPointsArgs.builder()
                .vpsorgServerId(12345)
                .checkpoints(checkpoints).keep(keep).rollbackTo(rollbackTo)
                .build());

        ctx.export("webSnapshotIds", web.snapshotIds());
        ctx.export("dbSnapshotIds", db.snapshotIds());
        ctx.export("latest", web.latest());
    }
}
