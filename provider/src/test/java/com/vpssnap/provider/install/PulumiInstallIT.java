package com.vpssnap.provider.install;

import com.vpssnap.provider.testsupport.Commands;
import com.vpssnap.provider.testsupport.EmulatorFixture;
import com.vpssnap.provider.testsupport.ProcessResult;
import com.vpssnap.provider.testsupport.TestEnvironment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pulumi stacks on the released artifacts only, in a new user's environment: nothing installed
 * beforehand and automatic plugin acquisition on. The engine downloads the plugin from the URL the
 * schema and the SDKs carry; the test serves dist/pulumi on loopback in the release's layout and
 * points the published URL at it with PULUMI_PLUGIN_DOWNLOAD_URL_OVERRIDES (what a company mirror
 * does), so the download works only if the SDK or program names the published URL.
 */
class PulumiInstallIT {
    private static final String TARBALL_PATH = "/v" + Release.VERSION + "/pulumi-resource-vpssnap-v" + Release.VERSION
            + "-linux-amd64.tar.gz";
    private EmulatorFixture emulator;
    private StaticFileServer releases;

    @BeforeEach
    void start(@TempDir Path releaseSite) throws Exception {
        emulator = EmulatorFixture.start();
        Files.createDirectories(releaseSite.resolve("v" + Release.VERSION));
        Files.copy(Release.pluginTarball(), releaseSite.resolve(TARBALL_PATH.substring(1)));
        releases = StaticFileServer.http(releaseSite);
    }

    @AfterEach
    void stop() {
        releases.close();
        emulator.close();
    }

    @Test
    void aYamlProgramGetsThePluginByItsUrl(@TempDir Path root) throws Exception {
        NewUser user = pulumiUser(root, false);
        Path project = Release.copyExample("yaml", root.resolve("project"));
        pulumi(user, project, "stack", "init", "dev");
        configure(user, project);
        pulumi(user, project, "up", "--yes", "--skip-preview");
        assertDownloadedOnce(user);
        assertEquals(1, emulator.locawebSnapshots("cpro0299").size());
        assertEquals(1, emulator.vpsorgSnapshots(12345).size());
        pulumi(user, project, "destroy", "--yes", "--skip-preview");
        assertEquals(0, emulator.locawebSnapshots("cpro0299").size() + emulator.vpsorgSnapshots(12345).size());
    }

    @Test
    void aJavaStackResolvesTheSdkFromTheReleasesMavenRepository(@TempDir Path root) throws Exception {
        // A Java stack needs a JDK for Maven; the plugin still runs on its own runtime.
        NewUser user = pulumiUser(root, true);
        Path project = Release.copyExample("java", root.resolve("project"));
        Path localRepository = root.resolve("m2");
        Files.createDirectories(project.resolve(".mvn"));
        Files.writeString(project.resolve(".mvn/maven.config"), "-B\n-ntp\n-Dmaven.repo.local=" + localRepository
                + "\n-Dvpssnap.repository=" + Release.mavenRepository().toUri() + "\n");
        pulumi(user, project, "stack", "init", "dev");
        configure(user, project);
        pulumi(user, project, "up", "--yes", "--skip-preview");
        assertDownloadedOnce(user);
        for (String artifact : List.of("vpssnap")) {
            String jar = "com/vpssnap/" + artifact + "/" + Release.VERSION + "/" + artifact + "-" + Release.VERSION + ".jar";
            assertArrayEquals(Files.readAllBytes(Release.mavenRepository().resolve(jar)), Files.readAllBytes(localRepository.resolve(jar)),
                    jar + " came from the release's Maven repository (the local repository was empty)");
        }
        assertEquals(1, emulator.vpsorgSnapshots(12345).size());
        assertEquals(1, emulator.locawebSnapshots("cpro0300").size());
        pulumi(user, project, "destroy", "--yes", "--skip-preview");
        assertEquals(0, emulator.vpsorgSnapshots(12345).size() + emulator.locawebSnapshots("cpro0300").size());
    }

    @Test
    void aTypeScriptStackInstallsTheNpmTarball(@TempDir Path root) throws Exception {
        NewUser user = pulumiUser(root, false);
        Path project = Release.copyExample("typescript", root.resolve("project"));
        Path tarball = project.resolve(Release.npmTarball().getFileName());
        Files.copy(Release.npmTarball(), tarball);
        user.ok(project, List.of("npm", "install", "--no-audit", "--no-fund", "--loglevel=error", "./" + tarball.getFileName()));
        assertTrue(Files.isDirectory(project.resolve("node_modules/@vpssnap/vpssnap")), "the SDK is installed as a package");
        assertTrue(!Files.exists(project.resolve("node_modules/@vpssnap/vpssnap/node_modules/@pulumi")),
                "the SDK uses the stack's @pulumi/pulumi, its peer dependency, not a copy of its own");
        user.ok(project, List.of("npx", "tsc"));
        Map<String, String> env = cloudEnvironment();
        user.ok(project, List.of("node", "bin/index.js", "up"), env);
        assertDownloadedOnce(user);
        assertEquals(1, emulator.locawebSnapshots("cpro0301").size());
        assertEquals(1, emulator.vpsorgSnapshots(12347).size());
        user.ok(project, List.of("node", "bin/index.js", "destroy"), env);
        assertEquals(0, emulator.locawebSnapshots("cpro0301").size() + emulator.vpsorgSnapshots(12347).size());
    }

    @Test
    void aPythonStackInstallsTheWheel(@TempDir Path root) throws Exception {
        NewUser user = pulumiUser(root, false);
        Path project = Release.copyExample("python", root.resolve("project"));
        Path wheel = Files.copy(Release.pythonWheel(), project.resolve(Release.pythonWheel().getFileName()));
        user.ok(project, List.of("python3", "-m", "venv", "venv"));
        // pulumi from the package index, at the version requirements.txt pins; the SDK from the wheel only.
        user.ok(project, List.of("venv/bin/pip", "install", "--quiet", "--disable-pip-version-check", "-r",
                "requirements.txt", "./" + wheel.getFileName()));
        String installed = user.ok(project, List.of("venv/bin/python", "-c",
                "import importlib.metadata as m, pulumi_vpssnap; print(m.version('pulumi_vpssnap'), pulumi_vpssnap.__file__)")).stdout();
        assertTrue(installed.startsWith(Release.VERSION + " " + project.resolve("venv")), "the SDK is the wheel's, in the venv: " + installed);
        user.ok(project, List.of("venv/bin/python", "stack.py", "up"), cloudEnvironment());
        assertDownloadedOnce(user);
        assertEquals(1, emulator.locawebSnapshots("cpro0301").size());
        assertEquals(1, emulator.vpsorgSnapshots(12347).size());
        user.ok(project, List.of("venv/bin/python", "stack.py", "destroy"), cloudEnvironment());
        assertEquals(0, emulator.locawebSnapshots("cpro0301").size() + emulator.vpsorgSnapshots(12347).size());
    }

    /**
     * go get resolves github.com/vpssnap/vpssnap/sdk/go from the release's proxy tree, and pulumi's
     * own modules from this machine's module cache or else the usual proxy, as a user trying a
     * release before its tag would. Only our module skips the checksum database: it is not public yet.
     */
    @Test
    void aGoStackGetsTheModuleFromTheReleasesProxyTree(@TempDir Path root) throws Exception {
        NewUser user = pulumiUser(root, false);
        Path project = Release.copyExample("go", root.resolve("project"));
        Path moduleCache = root.resolve("gomodcache");
        String proxies = String.join(",", fileUrl(Release.goProxy()), fileUrl(Path.of(machineGo("GOMODCACHE"), "cache", "download")),
                machineGo("GOPROXY"));
        Map<String, String> go = Map.of("GOPROXY", proxies, "GONOSUMDB", Release.GO_MODULE, "GOMODCACHE", moduleCache.toString(),
                "GOCACHE", machineGo("GOCACHE"), "GOFLAGS", "", "GOTOOLCHAIN", "local");
        user.ok(project, List.of("go", "get", Release.GO_MODULE + "@v" + Release.VERSION), go);
        user.ok(project, List.of("go", "build", "-trimpath", "-o", "stack", "."), go);
        assertArrayEquals(Files.readAllBytes(Release.goModuleZip()),
                Files.readAllBytes(moduleCache.resolve("cache/download/" + Release.GO_MODULE + "/@v/v" + Release.VERSION + ".zip")),
                "the module came from the release's proxy tree");
        assertTrue(Files.readString(project.resolve("go.sum")).contains(Release.GO_MODULE + " v" + Release.VERSION + " h1:"),
                "go get recorded the module's hash in go.sum");
        user.ok(project, List.of("./stack", "up"), cloudEnvironment());
        assertDownloadedOnce(user);
        assertEquals(1, emulator.locawebSnapshots("cpro0301").size());
        assertEquals(1, emulator.vpsorgSnapshots(12347).size());
        user.ok(project, List.of("./stack", "destroy"), cloudEnvironment());
        assertEquals(0, emulator.locawebSnapshots("cpro0301").size() + emulator.vpsorgSnapshots(12347).size());
    }

    /** The provider's settings as an Automation API program passes them: from the environment. */
    private Map<String, String> cloudEnvironment() {
        return Map.of(
                "VPSSNAP_LOCAWEB_ENDPOINT", emulator.locawebEndpoint(), "VPSSNAP_LOCAWEB_TOKEN", EmulatorFixture.LOCAWEB_TOKEN,
                "VPSSNAP_VPSORG_ENDPOINT", emulator.vpsorgEndpoint(), "VPSSNAP_VPSORG_TOKEN", EmulatorFixture.VPSORG_TOKEN);
    }

    /** A setting of this machine's go (go env NAME), with the environment the tests run in. */
    private static String machineGo(String name) {
        ProcessResult result = Commands.run(List.of("go", "env", name), Path.of("."), System.getenv(), Duration.ofMinutes(1));
        if (result.exitCode() != 0 || result.stdout().isBlank()) {
            throw new AssertionError("go env " + name + " failed: " + result);
        }
        return result.stdout().strip();
    }

    private static String fileUrl(Path folder) {
        return "file://" + folder.toAbsolutePath();
    }

    /** A new user with pulumi on PATH and automatic plugin acquisition on; a JDK on PATH only for a Java stack. */
    private NewUser pulumiUser(Path root, boolean javaOnPath) throws Exception {
        NewUser user = new NewUser(root).pulumiCli(root);
        if (javaOnPath) {
            user.env("PATH", user.environment().get("PATH") + ":" + System.getenv("PATH"));
        }
        return user.env("PULUMI_PLUGIN_DOWNLOAD_URL_OVERRIDES",
                "^" + Release.PUBLISHED_URL_STEM.replace(".", "\\.") + "=" + releases.url("http") + "v${VERSION}");
    }

    private void configure(NewUser user, Path project) {
        pulumi(user, project, "config", "set", "vpssnap:locawebEndpoint", emulator.locawebEndpoint());
        pulumi(user, project, "config", "set", "--secret", "vpssnap:locawebToken", EmulatorFixture.LOCAWEB_TOKEN);
        pulumi(user, project, "config", "set", "vpssnap:vpsorgEndpoint", emulator.vpsorgEndpoint());
        pulumi(user, project, "config", "set", "--secret", "vpssnap:vpsorgToken", EmulatorFixture.VPSORG_TOKEN);
    }

    private static ProcessResult pulumi(NewUser user, Path project, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(TestEnvironment.pulumi().toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--non-interactive", "--color=never"));
        return user.ok(project, command);
    }

    private void assertDownloadedOnce(NewUser user) {
        assertEquals(List.of("GET " + TARBALL_PATH), releases.requests(), "the engine fetched the plugin from its URL, once");
        Path plugin = Path.of(user.environment().get("PULUMI_HOME"), "plugins", "resource-vpssnap-v" + Release.VERSION);
        assertTrue(Files.isExecutable(plugin.resolve("runtime/bin/java")), "the installed plugin carries its runtime");
    }
}
