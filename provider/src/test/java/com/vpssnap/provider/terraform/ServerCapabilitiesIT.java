package com.vpssnap.provider.terraform;

import com.vpssnap.provider.testsupport.CloudCase;
import com.vpssnap.provider.testsupport.EmulatorTest;
import com.vpssnap.provider.testsupport.TofuCli;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The capability the provider announces is honoured by every engine: with
 * get_provider_schema_optional, a plan starts the plugin several times but asks its schema once
 * (TerraformCatalog.CAPABILITIES has the decision for each capability).
 */
class ServerCapabilitiesIT extends EmulatorTest {
    private static final Pattern STARTED = Pattern.compile("starting plugin: path=\\S*terraform-provider-vpssnap");
    private static final Pattern SCHEMA_ANSWERED = Pattern.compile("TerraformProviderService: GetProviderSchema");

    @ParameterizedTest(name = "{0}")
    @FieldSource("com.vpssnap.provider.testsupport.TofuCli#ENGINES")
    void aPlanAsksTheSchemaOnceHoweverOftenItStartsThePlugin(String engine, @TempDir Path dir) throws Exception {
        CloudCase cloud = CloudCase.VPSORG;
        TofuCli cli = TofuCli.engine(engine, dir);
        Path log = dir.resolve("engine.log");
        cli.env("TF_LOG", "DEBUG").env("TF_LOG_PATH", log.toString()).env("VPSSNAP_LOG", "debug").env("VPSSNAP_SERVER", "off");
        cli.writeConfig(cloud.hclProvider(emulator) + cloud.hclResource("one", cloud.hclServer, "one", ""));
        cli.ok("plan");
        String said = Files.readString(log);
        long starts = STARTED.matcher(said).results().count();
        assertTrue(starts >= 2, "a plan starts the plugin more than once (validate, plan): " + starts);
        assertEquals(1, SCHEMA_ANSWERED.matcher(said).results().count(),
                "only the first of " + starts + " plugin starts is asked for the schema");
    }
}
