package com.vpssnap.provider.core;

import com.vpssnap.emulator.EmulatorOptions;
import com.vpssnap.provider.cloud.wait.Cancellation;
import com.vpssnap.provider.cloud.wait.ProgressListener;
import com.vpssnap.provider.core.locaweb.LocawebCloud;
import com.vpssnap.provider.core.vpsorg.VpsorgCloud;
import com.vpssnap.provider.testsupport.EmulatorFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;
import java.util.Map;


/**
 * What the core's lifecycle tests share: the real emulator in this JVM over loopback HTTP, the
 * two clouds' differences, and a provider configured for both. No plugin process, no engine.
 */
abstract class LifecycleTestBase {
    static EmulatorFixture emulator;

    /** What differs between the clouds; the scenarios are the same. */
    enum Cloud {
        LOCAWEB("vpssnap:locaweb:Snapshot", "done", "server", "cpro0299", "/v1/cloud/servers/cpro0299/snapshots",
                "/v1/cloud/servers/cpro0299/snapshots/\\d+/actions") {
            @Override
            int held() {
                return emulator.locawebSnapshots("cpro0299").size();
            }

            /** Its follow-up lists the snapshot's actions, which hold the revert whatever its state: a short one does. */
            @Override
            void holdReverts() {
                emulator.timing("{\"revertMs\": 300}");
            }

            @Override
            void releaseRevert() {
            }
        },
        VPSORG("vpssnap:vpsorg:Snapshot", "completed", "serverId", 12345L, "/api/v1/snapshots/",
                "/api/v1/snapshots/\\d+/restore/") {
            @Override
            int held() {
                return emulator.vpsorgSnapshots(12345).size();
            }

            /** Its follow-up asks whether the server is restoring: held until released, so the answer is yes. */
            @Override
            void holdReverts() {
                emulator.timing("{\"restoreMs\": 600000}");
            }

            @Override
            void releaseRevert() {
                emulator.patch("/vpsorg/servers/12345", "{\"status\": \"active\"}");
            }
        };

        final String token;
        final String readyStatus;
        final String serverKey;
        final Object server;
        final String createPath;
        final String revertPath;

        Cloud(String token, String readyStatus, String serverKey, Object server, String createPath, String revertPath) {
            this.token = token;
            this.readyStatus = readyStatus;
            this.serverKey = serverKey;
            this.server = server;
            this.createPath = createPath;
            this.revertPath = revertPath;
        }

        abstract int held();

        /** Keeps a revert running until {@link #releaseRevert}, where its follow-up depends on it running. */
        abstract void holdReverts();

        abstract void releaseRevert();

        Props inputs(String name, String trigger) {
            Props.Builder inputs = Props.builder().put(serverKey, server).put("name", name);
            return trigger == null ? inputs.build() : inputs.put("revertTrigger", trigger).build();
        }
    }

    @BeforeAll
    static void startEmulator() {
        emulator = EmulatorFixture.start(EmulatorOptions.defaults().port(0).createMs(50).deleteMs(50).revertMs(50).restoreMs(50));
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @BeforeEach
    void reset() {
        emulator.reset();
        emulator.clearRequests();
    }

    static VpssnapProvider provider(Map<ConfigKey, String> settings) {
        return VpssnapProvider.configure(ProviderConfig.resolve(settings, Map.of(), ConfigSpelling.PULUMI), new Cancellation());
    }

    static SnapshotResource resource(Cloud cloud) {
        VpssnapProvider provider = provider(Map.of(
                LocawebCloud.ENDPOINT, emulator.locawebEndpoint(), LocawebCloud.TOKEN, EmulatorFixture.LOCAWEB_TOKEN,
                VpsorgCloud.ENDPOINT, emulator.vpsorgEndpoint(), VpsorgCloud.TOKEN, EmulatorFixture.VPSORG_TOKEN));
        return provider.resource(cloud.token).orElseThrow();
    }

    static Operation operation() {
        return Operation.within(Duration.ofSeconds(30), new Cancellation(), ProgressListener.NONE);
    }
}
