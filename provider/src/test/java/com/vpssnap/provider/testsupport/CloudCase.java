package com.vpssnap.provider.testsupport;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * What differs between the two clouds in the end-to-end scenarios (Pulumi YAML and tofu HCL); the
 * scenarios themselves are shared.
 */
public enum CloudCase {
    LOCAWEB("vpssnap:locaweb:Snapshot", "server: cpro0299", "locawebEndpoint", "locawebToken",
            "VPSSNAP_LOCAWEB_TOKEN", "/v1/cloud/servers/cpro0299/snapshots/\\d+/actions",
            "locaweb", "server = \"cpro0299\"", "server = \"cpro0300\"") {
        @Override
        public List<JsonNode> snapshots(EmulatorFixture emulator) {
            return emulator.locawebSnapshots("cpro0299");
        }

        @Override
        public String endpoint(EmulatorFixture emulator) {
            return emulator.locawebEndpoint();
        }

        @Override
        public String snapshotControlPath(long snapshotId) {
            return "/locaweb/servers/cpro0299/snapshots/" + snapshotId;
        }

        @Override
        public String readyStatus() {
            return "done";
        }

        @Override
        public String importId(long snapshotId) {
            return "cpro0299/" + snapshotId;
        }

        @Override
        public String createByHandOnOtherServer(EmulatorFixture emulator, String name) throws InterruptedException {
            return "cpro0300/" + emulator.createLocawebSnapshot("cpro0300", name);
        }

        @Override
        public long createByHandOnFirstServer(EmulatorFixture emulator, String name) throws InterruptedException {
            return emulator.createLocawebSnapshot("cpro0299", name);
        }

        @Override
        public String createPathRegex() {
            return "/v1/cloud/servers/cpro0299/snapshots";
        }

        @Override
        public String revertVerb() {
            return "revert";
        }

        @Override
        public String revertFaultPath() {
            return "/v1/cloud/servers/cpro0299/snapshots/*/actions";
        }

        @Override
        public String token() {
            return EmulatorFixture.LOCAWEB_TOKEN;
        }

        @Override
        public String wrongShapeReadFault() {
            return "{\"method\":\"GET\",\"path\":\"/v1/cloud/servers/cpro0299/snapshots/*\",\"action\":\"body\",\"status\":200,"
                    + "\"contentType\":\"application/vnd.api+json\",\"body\":\"{\\\"data\\\":{\\\"id\\\":\\\"x\\\",\\\"attributes\\\":{}}}\"}";
        }
    },
    VPSORG("vpssnap:vpsorg:Snapshot", "serverId: 12345", "vpsorgEndpoint", "vpsorgToken",
            "VPSSNAP_VPSORG_TOKEN", "/api/v1/snapshots/\\d+/restore/",
            "vpsorg", "server_id = 12345", "server_id = 12346") {
        @Override
        public List<JsonNode> snapshots(EmulatorFixture emulator) {
            return emulator.vpsorgSnapshots(12345);
        }

        @Override
        public String endpoint(EmulatorFixture emulator) {
            return emulator.vpsorgEndpoint();
        }

        @Override
        public String snapshotControlPath(long snapshotId) {
            return "/vpsorg/snapshots/" + snapshotId;
        }

        @Override
        public String readyStatus() {
            return "completed";
        }

        @Override
        public String importId(long snapshotId) {
            return Long.toString(snapshotId);
        }

        @Override
        public String createByHandOnOtherServer(EmulatorFixture emulator, String name) throws InterruptedException {
            return Long.toString(emulator.createVpsorgSnapshot(12346, name));
        }

        @Override
        public long createByHandOnFirstServer(EmulatorFixture emulator, String name) throws InterruptedException {
            return emulator.createVpsorgSnapshot(12345, name);
        }

        @Override
        public String createPathRegex() {
            return "/api/v1/snapshots/";
        }

        @Override
        public String revertVerb() {
            return "restore";
        }

        @Override
        public String revertFaultPath() {
            return "/api/v1/snapshots/*/restore/";
        }

        @Override
        public String token() {
            return EmulatorFixture.VPSORG_TOKEN;
        }

        @Override
        public String wrongShapeReadFault() {
            return "{\"method\":\"GET\",\"path\":\"/api/v1/snapshots/\",\"action\":\"body\",\"status\":200,"
                    + "\"body\":\"{\\\"results\\\":[{\\\"id\\\":\\\"x\\\",\\\"server\\\":{\\\"id\\\":12345}}]}\"}";
        }
    };

    public final String type;
    public final String serverLine;
    public final String endpointKey;
    public final String tokenKey;
    public final String tokenVariable;
    /** The Terraform module: vpssnap_<module>_snapshot, <module>_endpoint, <module>_token. */
    public final String module;
    /** The HCL line naming the server, and one naming the cloud's second server. */
    public final String hclServer;
    public final String hclOtherServer;
    /** The request that performs a revert (Locaweb action) or restore (VPS.org). */
    public final String revertPathRegex;

    CloudCase(String type, String serverLine, String endpointKey, String tokenKey, String tokenVariable,
              String revertPathRegex, String module, String hclServer, String hclOtherServer) {
        this.type = type;
        this.serverLine = serverLine;
        this.endpointKey = endpointKey;
        this.tokenKey = tokenKey;
        this.tokenVariable = tokenVariable;
        this.revertPathRegex = revertPathRegex;
        this.module = module;
        this.hclServer = hclServer;
        this.hclOtherServer = hclOtherServer;
    }

    public abstract List<JsonNode> snapshots(EmulatorFixture emulator);

    public abstract String endpoint(EmulatorFixture emulator);

    /** A snapshot of the first server in the emulator's control API (PATCH to edit it, DELETE to drop it). */
    public abstract String snapshotControlPath(long snapshotId);

    /** The status of a snapshot that is ready. */
    public abstract String readyStatus();

    /** The snapshot is gone from the cloud, as if deleted in its web panel. */
    public void deleteBehindProvider(EmulatorFixture emulator, long snapshotId) {
        emulator.deleteBehindProvider(snapshotControlPath(snapshotId));
    }

    public abstract String importId(long snapshotId);

    /** A snapshot made outside any stack on the cloud's second server; returns its import id. */
    public abstract String createByHandOnOtherServer(EmulatorFixture emulator, String name) throws InterruptedException;

    /** A snapshot made outside any stack on the cloud's first server, once it is ready; returns its numeric id. */
    public abstract long createByHandOnFirstServer(EmulatorFixture emulator, String name) throws InterruptedException;

    /** The request that starts a snapshot on the first server (a regex, and a fault's path glob: it has no wildcard). */
    public abstract String createPathRegex();

    /** What the cloud calls going back to a snapshot: the second word of its Terraform action. */
    public abstract String revertVerb();

    /** {@link #revertPathRegex} as an emulator fault's path glob. */
    public abstract String revertFaultPath();

    public abstract String token();

    /** A fault rule answering the read a refresh makes with JSON of the wrong shape for this API. */
    public abstract String wrongShapeReadFault();

    /** A YAML resource block of this cloud's Snapshot type. */
    public String resource(String logicalName, String name, String description, String revertTrigger) {
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

    /** The Terraform resource type of this cloud's snapshot. */
    public String terraformType() {
        return "vpssnap_" + module + "_snapshot";
    }

    /** The required_providers and provider blocks for this cloud, pointed at the emulator. */
    public String hclProvider(EmulatorFixture emulator) {
        return "terraform {\n  required_providers {\n    vpssnap = { source = \"" + TofuCli.SOURCE + "\" }\n  }\n}\n"
                + "provider \"vpssnap\" {\n  " + module + "_endpoint = \"" + endpoint(emulator) + "\"\n  "
                + module + "_token = \"" + token() + "\"\n}\n";
    }

    /** An HCL resource block of this cloud's snapshot type; {@code extra} holds further argument lines. */
    public String hclResource(String label, String server, String name, String extra) {
        return "resource \"" + terraformType() + "\" \"" + label + "\" {\n  " + server + "\n  name = \"" + name + "\"\n"
                + extra + "}\n";
    }

    /** This cloud's listing data source on the first server, read after {@code resourceLabel}, with its count as output "listed". */
    public String hclListing(String resourceLabel) {
        String type = "vpssnap_" + module + "_snapshots";
        return "data \"" + type + "\" \"all\" {\n  " + hclServer + "\n  depends_on = [" + terraformType() + "."
                + resourceLabel + "]\n}\noutput \"listed\" { value = length(data." + type + ".all.snapshots) }\n";
    }

    /** A fresh stack whose config points this cloud at the emulator, with the token set as a secret. */
    public PulumiCli pulumiStack(java.nio.file.Path workspace, EmulatorFixture emulator) throws Exception {
        PulumiCli pulumi = new PulumiCli(workspace);
        pulumi.writeProgram(yamlProgram(""));
        pulumi.ok("stack", "init", "dev");
        pulumi.ok("config", "set", "vpssnap:" + endpointKey, endpoint(emulator));
        pulumi.ok("config", "set", "--secret", "vpssnap:" + tokenKey, token());
        return pulumi;
    }

    /** A YAML program whose outputs show the first resource's id and status. */
    public String yamlProgram(String resources) {
        if (resources.isEmpty()) {
            return "name: vpssnap-e2e\nruntime: yaml\n";
        }
        String first = resources.strip().substring(0, resources.strip().indexOf(':'));
        return "name: vpssnap-e2e\nruntime: yaml\nresources:\n" + resources
                + "outputs:\n  snapshotId: ${" + first + ".snapshotId}\n  status: ${" + first + ".status}\n";
    }
}
