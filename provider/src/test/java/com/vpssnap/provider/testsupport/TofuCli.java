package com.vpssnap.provider.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real tofu CLI (or another engine of the same CLI, {@link #terraformLatest}) in its own
 * directory, loading the installed vpssnap launcher through a dev_overrides CLI config (this
 * machine's TF_CLI_CONFIG_FILE is always replaced).
 */
public final class TofuCli {
    public static final String SOURCE = com.vpssnap.provider.core.PackageInfo.TERRAFORM_SOURCE;
    private final Path dir;
    private final Path binary;
    private final Map<String, String> env = new HashMap<>();

    public TofuCli(Path workspace) throws IOException {
        this(workspace, TestEnvironment.tofu());
    }

    /** Terraform 1.16 or later: actions and their destroy-time events, list resources and terraform query, identity. */
    public static TofuCli terraformLatest(Path workspace) throws IOException {
        return new TofuCli(workspace, TestEnvironment.terraformLatest());
    }

    /** The engines every HCL lifecycle runs on: tofu, the oldest Terraform we keep (1.11) and the newest. */
    public static final List<String> ENGINES = List.of("tofu", "terraform", "terraform-latest");

    /** One of {@link #ENGINES}. */
    public static TofuCli engine(String engine, Path workspace) throws IOException {
        return switch (engine) {
            case "tofu" -> new TofuCli(workspace);
            case "terraform" -> new TofuCli(workspace, TestEnvironment.terraform());
            case "terraform-latest" -> terraformLatest(workspace);
            default -> throw new IllegalArgumentException("no engine " + engine + ": one of " + ENGINES);
        };
    }

    private TofuCli(Path workspace, Path binary) throws IOException {
        this.dir = Files.createDirectories(workspace);
        this.binary = binary;
        Path cliConfig = dir.resolve("cli.tfrc");
        Files.writeString(cliConfig, "provider_installation {\n  dev_overrides {\n    \"" + SOURCE + "\" = \""
                + TestEnvironment.binDir() + "\"\n  }\n  direct {}\n}\n");
        env.put("TF_CLI_CONFIG_FILE", cliConfig.toString());
        env.put("TF_IN_AUTOMATION", "1");
        env.put("TF_INPUT", "0");
        env.put("CHECKPOINT_DISABLE", "1");
        for (String name : List.of("VPSSNAP_LOCAWEB_ENDPOINT", "VPSSNAP_LOCAWEB_TOKEN",
                "VPSSNAP_VPSORG_ENDPOINT", "VPSSNAP_VPSORG_TOKEN")) {
            env.put(name, "");
        }
    }

    /** Loads the provider from {@code folder} instead of build/bin (a dev_overrides entry naming it). */
    public TofuCli pluginsFrom(Path folder) throws IOException {
        Files.writeString(dir.resolve("cli.tfrc"), "provider_installation {\n  dev_overrides {\n    \"" + SOURCE + "\" = \""
                + folder + "\"\n  }\n  direct {}\n}\n");
        return this;
    }

    public TofuCli env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public void writeConfig(String hcl) throws IOException {
        Files.writeString(dir.resolve("main.tf"), hcl);
    }

    /** Writes another file of the configuration (a .tfquery.hcl, a second .tf). */
    public void writeFile(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content);
    }

    public Path dir() {
        return dir;
    }

    public ProcessResult run(String... args) {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(List.of(args));
        command.add("-no-color");
        return Commands.run(command, dir, env, Duration.ofMinutes(4));
    }

    /** Runs another program (e.g. a script that calls tofu) in the configuration's directory with tofu's environment. */
    public ProcessResult exec(List<String> command, Map<String, String> extraEnv) {
        Map<String, String> all = new HashMap<>(env);
        all.putAll(extraEnv);
        return Commands.run(command, dir, all, Duration.ofMinutes(4));
    }

    /** Starts the CLI without waiting (for interrupt tests); its output goes to {@code log}. */
    public Process start(java.nio.file.Path log, String... args) throws java.io.IOException {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(List.of(args));
        command.add("-no-color");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(env);
        return builder.start();
    }

    public ProcessResult ok(String... args) {
        ProcessResult result = run(args);
        if (result.exitCode() != 0) {
            throw new AssertionError(binary.getFileName() + " " + String.join(" ", args) + " failed: " + result);
        }
        return result;
    }

    /** The id of every resource instance in this workspace's local state (terraform.tfstate). */
    public java.util.Set<String> stateIds() throws IOException {
        java.util.Set<String> ids = new java.util.TreeSet<>();
        for (com.fasterxml.jackson.databind.JsonNode resource : new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(Files.readString(dir.resolve("terraform.tfstate"))).path("resources")) {
            resource.path("instances").forEach(instance -> ids.add(instance.path("attributes").path("id").asText()));
        }
        return ids;
    }
}
