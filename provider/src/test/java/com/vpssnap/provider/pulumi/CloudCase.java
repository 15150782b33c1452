package com.vpssnap.provider.pulumi;

import com.fasterxml.jackson.databind.JsonNode;
import com.vpssnap.provider.testsupport.EmulatorFixture;

import java.util.List;

/** What differs between the two clouds in the end-to-end scenarios; the scenarios themselves are shared. */
enum CloudCase {
    LOCAWEB("vpssnap:locaweb:Snapshot", "server: cpro0299", "locawebEndpoint", "locawebToken",
            "VPSSNAP_LOCAWEB_TOKEN", "/v1/cloud/servers/cpro0299/snapshots/\\d+/actions") {
        @Override
        List<JsonNode> snapshots(EmulatorFixture emulator) {
            return emulator.locawebSnapshots("cpro0299");
        }

        @Override
        String endpoint(EmulatorFixture emulator) {
            return emulator.locawebEndpoint();
        }

        @Override
        void deleteBehindProvider(EmulatorFixture emulator, long snapshotId) {
            emulator.deleteBehindProvider("/locaweb/servers/cpro0299/snapshots/" + snapshotId);
        }

        @Override
        String importId(long snapshotId) {
            return "cpro0299/" + snapshotId;
        }
    },
    VPSORG("vpssnap:vpsorg:Snapshot", "serverId: 12345", "vpsorgEndpoint", "vpsorgToken",
            "VPSSNAP_VPSORG_TOKEN", "/api/v1/snapshots/\\d+/restore/") {
        @Override
        List<JsonNode> snapshots(EmulatorFixture emulator) {
            return emulator.vpsorgSnapshots(12345);
        }

        @Override
        String endpoint(EmulatorFixture emulator) {
            return emulator.vpsorgEndpoint();
        }

        @Override
        void deleteBehindProvider(EmulatorFixture emulator, long snapshotId) {
            emulator.deleteBehindProvider("/vpsorg/snapshots/" + snapshotId);
        }

        @Override
        String importId(long snapshotId) {
            return Long.toString(snapshotId);
        }
    };

    final String type;
    final String serverLine;
    final String endpointKey;
    final String tokenKey;
    final String tokenVariable;
    /** The request that performs a revert (Locaweb action) or restore (VPS.org). */
    final String revertPathRegex;

    CloudCase(String type, String serverLine, String endpointKey, String tokenKey, String tokenVariable,
              String revertPathRegex) {
        this.type = type;
        this.serverLine = serverLine;
        this.endpointKey = endpointKey;
        this.tokenKey = tokenKey;
        this.tokenVariable = tokenVariable;
        this.revertPathRegex = revertPathRegex;
    }

    abstract List<JsonNode> snapshots(EmulatorFixture emulator);

    abstract String endpoint(EmulatorFixture emulator);

    abstract void deleteBehindProvider(EmulatorFixture emulator, long snapshotId);

    abstract String importId(long snapshotId);

    String token() {
        return this == LOCAWEB ? EmulatorFixture.LOCAWEB_TOKEN : EmulatorFixture.VPSORG_TOKEN;
    }

    /** A YAML resource block of this cloud's Snapshot type. */
    String resource(String logicalName, String name, String description, String revertTrigger) {
        StringBuilder yaml = new StringBuilder()
                .append("  ").append(logicalName).append(":\n")
                .append("    type: ").append(type).append('\n')
                .append("    properties:\n")
                .append("      ").append(serverLine).append('\n')
                .append("      name: ").append(name).append('\n');
        if (description != null) {
            yaml.append("      description: ").append(description).append('\n');
        }
        if (revertTrigger != null) {
            yaml.append("      revertTrigger: ").append(revertTrigger).append('\n');
        }
        return yaml.toString();
    }
}
