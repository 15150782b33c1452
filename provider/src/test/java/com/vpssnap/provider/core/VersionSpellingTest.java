package com.vpssnap.provider.core;

import com.vpssnap.provider.testsupport.TestEnvironment;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The version is written once, in the root pom.xml; PackageInfo.VERSION, the Makefile, the schema
 * and the SDKs read it from there. The files whose format needs it spelled out (child poms'
 * parent references, the generated manifests, the examples that pin a release) are read here and
 * compared with it, so that a release bump cannot miss one.
 */
class VersionSpellingTest {
    /** Our artifacts' versions, as a pom names them; ${project.version} follows the pom itself. */
    private static final Pattern OWN_ARTIFACT = Pattern.compile("<artifactId>vpssnap(?:-parent|-provider|-emulator|-component)?"
            + "</artifactId>\\s*<version>([^<$]+)</version>");
    private static final Map<String, Pattern> SPELLINGS = Map.ofEntries(
            Map.entry("pom.xml", OWN_ARTIFACT),
            Map.entry("provider/pom.xml", OWN_ARTIFACT),
            Map.entry("emulator/pom.xml", OWN_ARTIFACT),
            Map.entry("component/pom.xml", OWN_ARTIFACT),
            Map.entry("sdk/java/pom.xml", OWN_ARTIFACT),
            Map.entry("examples/java/pom.xml", OWN_ARTIFACT),
            Map.entry("examples/rollback-points/java/pom.xml", OWN_ARTIFACT),
            Map.entry("examples/install/java/pom.xml", OWN_ARTIFACT),
            Map.entry("schema.json", Pattern.compile("(?m)^  \"version\": \"([^\"]+)\"")),
            Map.entry("sdk/nodejs/package.json", Pattern.compile("\"version\": \"([^\"]+)\"")),
            Map.entry("sdk/java/src/main/resources/com/vpssnap/plugin.json", Pattern.compile("\"version\": \"([^\"]+)\"")),
            Map.entry("examples/install/yaml/Pulumi.yaml", Pattern.compile("version: (\\S+)|/download/v(\\S+)")),
            Map.entry("examples/install/terraform/main.tf", Pattern.compile("version = \"([^\"]+)\"")));

    @Test
    void everyFileThatPinsTheVersionSpellsPackageInfosVersion() throws IOException {
        Path root = TestEnvironment.repositoryRoot();
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Pattern> file : SPELLINGS.entrySet()) {
            Matcher m = file.getValue().matcher(Files.readString(root.resolve(file.getKey())));
            int found = 0;
            while (m.find()) {
                String version = m.group(1) != null ? m.group(1) : m.group(2);
                found++;
                if (!PackageInfo.VERSION.equals(version)) {
                    wrong.add(file.getKey() + " says " + version);
                }
            }
            assertTrue(found > 0, file.getKey() + " no longer spells the version where this test looks: update the test");
        }
        assertEquals(List.of(), wrong, "PackageInfo.VERSION is " + PackageInfo.VERSION);
    }
}
