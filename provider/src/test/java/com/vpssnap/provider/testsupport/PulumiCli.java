package com.vpssnap.provider.testsupport;

import com.vpssnap.provider.core.PackageInfo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real pulumi CLI in an isolated workspace: a local file backend, a passphrase, its own
 * PULUMI_HOME, automatic plugin download off, and the vpssnap launcher first on PATH.
 */
public final class PulumiCli {
    public static final String PASSPHRASE = "vpssnap-e2e-passphrase";
    private final Path projectDir;
    private final Map<String, String> env = new HashMap<>();

    /** A workspace with the plugin installed. */
    public PulumiCli(Path workspace) throws IOException {
        this(workspace, true);
    }

    public PulumiCli(Path workspace, boolean installPlugin) throws IOException {
        this.projectDir = Files.createDirectories(workspace.resolve("project"));
        Path home = Files.createDirectories(workspace.resolve("pulumi-home"));
        Path state = Files.createDirectories(workspace.resolve("state"));
        Path pulumi = TestEnvironment.pulumi();
        // The plugin comes from its tarball, installed as users install it, not from PATH.
        env.put("PATH", pulumi.getParent() + ":" + System.getenv("PATH"));
        env.put("PULUMI_HOME", home.toString());
        env.put("PULUMI_BACKEND_URL", "file://" + state);
        env.put("PULUMI_CONFIG_PASSPHRASE", PASSPHRASE);
        env.put("PULUMI_SKIP_UPDATE_CHECK", "true");
        env.put("PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION", "true");
        env.put("PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK", "true");
        env.put("PULUMI_SKIP_CONFIRMATIONS", "true");
        // No class-data archive training in a PULUMI_HOME that is deleted right after the test.
        env.put("VPSSNAP_CDS_TRAINING", "off");
        env.put("NO_COLOR", "1");
        // The provider must get its settings from stack config in these tests, not the caller's shell.
        for (String name : List.of("VPSSNAP_LOCAWEB_ENDPOINT", "VPSSNAP_LOCAWEB_TOKEN",
                "VPSSNAP_VPSORG_ENDPOINT", "VPSSNAP_VPSORG_TOKEN")) {
            env.put(name, "");
        }
        if (installPlugin) {
            installPlugin();
        }
    }

    /** Installs the vpssnap plugin tarball that `make install` built into this workspace's PULUMI_HOME. */
    public PulumiCli installPlugin() {
        ok("plugin", "install", "resource", "vpssnap", PackageInfo.VERSION, "--file",
                TestEnvironment.pluginTarball().toString());
        return this;
    }

    public Path projectDir() {
        return projectDir;
    }

    public PulumiCli env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public void writeProgram(String yaml) throws IOException {
        Files.writeString(projectDir.resolve("Pulumi.yaml"), yaml);
    }

    /** Runs pulumi with the given arguments; never interactive, never colored. */
    public ProcessResult run(String... args) {
        List<String> command = new ArrayList<>();
        command.add(TestEnvironment.pulumi().toString());
        command.addAll(List.of(args));
        command.add("--non-interactive");
        command.add("--color=never");
        return Commands.run(command, projectDir, env, Duration.ofMinutes(4));
    }

    /** Runs another program (e.g. node with an Automation API script) in the project with pulumi's environment. */
    public ProcessResult exec(List<String> command) {
        return exec(command, Map.of());
    }

    public ProcessResult exec(List<String> command, Map<String, String> extraEnv) {
        Map<String, String> all = new HashMap<>(env);
        all.putAll(extraEnv);
        return Commands.run(command, projectDir, all, Duration.ofMinutes(4));
    }

    /** Starts the CLI without waiting (for interrupt tests); its output goes to {@code log}. */
    public Process start(java.nio.file.Path log, String... args) throws java.io.IOException {
        List<String> command = new ArrayList<>();
        command.add(TestEnvironment.pulumi().toString());
        command.addAll(List.of(args));
        command.add("--non-interactive");
        command.add("--color=never");
        ProcessBuilder builder = new ProcessBuilder(command).directory(projectDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(env);
        return builder.start();
    }

    /** Like {@link #run} but fails the test, with the output, unless pulumi exits 0. */
    public ProcessResult ok(String... args) {
        ProcessResult result = run(args);
        if (result.exitCode() != 0) {
            throw new AssertionError("pulumi " + String.join(" ", args) + " failed: " + result);
        }
        return result;
    }

    /** The stack's outputs as JSON text ({@code pulumi stack output --json}). */
    public String outputs() {
        return ok("stack", "output", "--json").stdout();
    }

    /** The stack's state, as exported: secrets stay encrypted, as on disk. */
    public String exportedState() {
        return ok("stack", "export").stdout();
    }

    /** The ids of the stack's snapshots (every type ending in :Snapshot), as its state holds them. */
    public java.util.Set<String> snapshotIds() throws IOException {
        java.util.Set<String> ids = new java.util.TreeSet<>();
        for (com.fasterxml.jackson.databind.JsonNode resource : new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(exportedState()).path("deployment").path("resources")) {
            if (resource.path("type").asText().endsWith(":Snapshot")) {
                ids.add(resource.path("id").asText());
            }
        }
        return ids;
    }
}
