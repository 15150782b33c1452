package com.vpssnap.provider.install;

import com.vpssnap.provider.testsupport.ProcessResult;
import com.vpssnap.provider.testsupport.TestEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Broken installs fail with one clear line, shown by the engines, and never with a stack trace:
 * a package whose runtime is gone (and no java on PATH), a VPSSNAP_JAVA that is too old, and a
 * mirror whose zip no longer matches the lock file. No Java older than 17 is installed here, so the
 * too-old ones are Java homes with a `release` file, or a `java` that prints an old version: what
 * the launcher reads.
 */
class BadInstallIT {
    @Test
    void aPackageWithoutItsRuntimeSaysWhatIsMissingThroughPulumi(@TempDir Path root) throws Exception {
        NewUser user = new NewUser(root);
        Path project = yamlProject(root);
        Map<String, String> env = Map.of("PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION", "true");
        user.pulumiCli(root);
        String pulumi = TestEnvironment.pulumi().toString();
        user.ok(project, List.of(pulumi, "plugin", "install", "resource", "vpssnap", Release.VERSION, "--file",
                Release.pluginTarball().toString()), env);
        deleteTree(root.resolve("pulumi-home/plugins/resource-vpssnap-v" + Release.VERSION + "/runtime"));
        user.ok(project, List.of(pulumi, "stack", "init", "dev", "--non-interactive"), env);
        ProcessResult preview = user.run(project, List.of(pulumi, "preview", "--non-interactive", "--color=never"), env);
        assertNotEquals(0, preview.exitCode());
        String shown = preview.combined().replaceAll("\\s+", " ");
        assertTrue(shown.contains("vpssnap: no Java runtime: the bundled runtime (") && shown.contains("is missing and there is no java on PATH")
                && shown.contains("set VPSSNAP_JAVA to a Java 17 or newer"), "pulumi shows what is missing and how to fix it: " + preview);
        assertNoStackTrace(preview);
    }

    @ParameterizedTest(name = "VPSSNAP_JAVA = a Java home whose release says {0}")
    @ValueSource(strings = {"11.0.22", "1.8.0_412"})
    void aTooOldJavaHomeIsRefusedByNameAndVersion(String version, @TempDir Path root) throws Exception {
        Path home = Files.createDirectories(root.resolve("old-jdk/bin"));
        Files.writeString(root.resolve("old-jdk/release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\n");
        Path java = home.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho 'this java must never be run' >&2\nexit 3\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        NewUser user = new NewUser(root);
        UnpackedPlugin plugin = UnpackedPlugin.unpack(root.resolve("plugin"));
        String line = plugin.firstLine(user, Map.of("VPSSNAP_JAVA", root.resolve("old-jdk").toString()));
        assertTrue(line.equals("vpssnap: " + java + " is Java " + version + "; vpssnap needs Java 17 or newer. Unset VPSSNAP_JAVA "
                + "to use the bundled runtime, or point it at a Java 17+ (a java executable or a Java home)"), line);
    }

    @Test
    void aTooOldJavaExecutableIsRefusedThroughTofu(@TempDir Path root) throws Exception {
        Path java = Files.createDirectories(root.resolve("old")).resolve("java");
        Files.writeString(java, "#!/bin/sh\necho 'openjdk version \"11.0.22\" 2024-01-16' >&2\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        NewUser user = new NewUser(root);
        Path workspace = tofuWorkspace(root, user, Release.filesystemMirror());
        user.ok(workspace, List.of(TestEnvironment.tofu().toString(), "init", "-no-color"));
        ProcessResult plan = user.run(workspace, List.of(TestEnvironment.tofu().toString(), "plan", "-no-color"),
                Map.of("VPSSNAP_JAVA", java.toString()));
        assertNotEquals(0, plan.exitCode());
        assertTrue(plan.combined().replaceAll("\\s+", " ").contains("vpssnap: " + java + " is Java 11.0.22; vpssnap needs Java 17 or newer"),
                "tofu shows the refusal: " + plan);
        assertNoStackTrace(plan);
    }

    private static Path yamlProject(Path root) throws Exception {
        Path project = Files.createDirectories(root.resolve("project"));
        Files.writeString(project.resolve("Pulumi.yaml"), "name: broken-install\nruntime: yaml\nresources:\n  web:\n"
                + "    type: vpssnap:locaweb:Snapshot\n    properties:\n      server: cpro0299\n      name: never-made\n");
        return project;
    }

    @ParameterizedTest(name = "{0} refuses a mirror zip that no longer matches the lock file")
    @ValueSource(strings = {"tofu", "terraform"})
    void aTamperedZipIsRefusedByInitsChecksum(String engine, @TempDir Path root) throws Exception {
        Path cli = engine.equals("tofu") ? TestEnvironment.tofu() : TestEnvironment.terraform();
        Path mirror = root.resolve("mirror");
        Path zip = mirror.resolve(Release.SOURCE).resolve(Release.terraformZip().getFileName());
        Files.createDirectories(zip.getParent());
        Files.copy(Release.terraformZip(), zip);
        NewUser user = new NewUser(root);
        Path workspace = tofuWorkspace(root, user, mirror);
        user.ok(workspace, List.of(cli.toString(), "init", "-no-color"));

        rewriteLauncher(zip, root.resolve("tampered.zip"));
        deleteTree(workspace.resolve(".terraform"));
        ProcessResult init = user.run(workspace, List.of(cli.toString(), "init", "-no-color"));
        assertNotEquals(0, init.exitCode());
        assertTrue(init.combined().replaceAll("\\s+", " ").contains("checksums previously recorded in the dependency lock file"),
                engine + " refuses it by its checksum: " + init);
    }

    /** A workspace with examples/install/terraform's configuration, installing from the given filesystem mirror. */
    private static Path tofuWorkspace(Path root, NewUser user, Path mirror) throws Exception {
        Path workspace = Release.copyExample("terraform", root.resolve("stack"));
        user.terraformCli(Release.filesystemMirrorConfig(workspace, mirror, root.resolve("cli.tfrc")));
        return workspace;
    }

    /** The same zip with one line added to the launcher: what a corrupted or tampered download looks like to init. */
    private static void rewriteLauncher(Path zip, Path scratch) throws Exception {
        try (ZipFile in = new ZipFile(zip.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(scratch))) {
            for (Enumeration<? extends ZipEntry> entries = in.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                out.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream body = in.getInputStream(entry)) {
                    body.transferTo(out);
                }
                if (entry.getName().startsWith("terraform-provider-vpssnap_v")) {
                    out.write("# tampered\n".getBytes(StandardCharsets.UTF_8));
                }
                out.closeEntry();
            }
        }
        Files.move(scratch, zip, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static void assertNoStackTrace(ProcessResult result) {
        assertFalse(result.combined().contains("\tat ") || result.combined().contains("Exception in thread"),
                "no Java stack trace reaches the user: " + result);
    }

    private static void deleteTree(Path dir) throws Exception {
        try (var walk = Files.walk(dir)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
