package com.vpssnap.component;

import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;

/** Registers one checkpoint's snapshot on the server's cloud, and answers its id. */
final class CheckpointSnapshot {
    private CheckpointSnapshot() {
    }

    static Output<String> create(String resourceName, ServerRef server, String label, String revertTrigger,
                                 CustomResourceOptions options) {
        String description = "Rollback point " + label;
        if (server.isLocaweb()) {
            return new com.vpssnap.locaweb.Snapshot(resourceName, com.vpssnap.locaweb.SnapshotArgs.builder()
                    .server(server.locawebServer())
                    .name(label)
                    .description(description)
                    .revertTrigger(revertTrigger)
                    .build(), options).id();
        }
        return new com.vpssnap.vpsorg.Snapshot(resourceName, com.vpssnap.vpsorg.SnapshotArgs.builder()
                .serverId(server.vpsorgServerId())
                .name(label)
                .description(description)
                .revertTrigger(revertTrigger)
                .build(), options).id();
    }
}
