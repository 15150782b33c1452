package com.vpssnap.provider.core;

import com.vpssnap.provider.core.locaweb.LocawebCloud;
import com.vpssnap.provider.core.locaweb.LocawebSpecs;
import com.vpssnap.provider.testsupport.LifecycleCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each registered cloud's snapshot lifecycle through the core alone (LifecycleTestBase): the paths where all goes well. */
class SnapshotLifecycleTest extends LifecycleTestBase {
    @ParameterizedTest
    @MethodSource("clouds")
    void createReadRevertAndDelete(LifecycleCase cloud) {
        SnapshotResource resource = resource(cloud);
        Props inputs = resource.check(cloud.inputs("before-upgrade", "r1")).inputs();
        Created created = resource.create(inputs, operation());
        assertEquals(1, cloud.held(emulator));
        assertEquals(cloud.readyStatus(), created.state().string(cloud.statusOutput()), "create waits until ready: " + created);
        assertEquals(0, emulator.countRequests("POST", cloud.revertPath()), "a trigger set at creation reverts nothing");

        ReadResult read = resource.read(created.id(), created.state(), operation()).orElseThrow();
        assertEquals(created.id(), read.id());
        assertEquals(created.state(), read.state(), "a refresh right after create sees no drift");

        Props reverted = resource.update(created.id(), created.state(), cloud.inputs("before-upgrade", "r2"), operation());
        assertEquals(1, emulator.countRequests("POST", cloud.revertPath()), "one revert for one new trigger");
        assertEquals("r2", reverted.string("revertTrigger"));
        resource.update(created.id(), reverted, cloud.inputs("before-upgrade", null), operation());
        assertEquals(1, emulator.countRequests("POST", cloud.revertPath()), "removing the trigger reverts nothing");

        resource.delete(created.id(), reverted, operation());
        assertEquals(0, cloud.held(emulator));
        assertEquals(Optional.empty(), resource.read(created.id(), reverted, operation()), "gone after delete");
    }

    @ParameterizedTest
    @MethodSource("clouds")
    void importReadsTheInputsFromTheCloud(LifecycleCase cloud) {
        SnapshotResource resource = resource(cloud);
        Created created = resource.create(cloud.inputs("imported", null), operation());
        ReadResult imported = resource.read(created.id(), Props.empty(), operation()).orElseThrow();
        assertEquals(cloud.inputs("imported", null), imported.inputs());
        assertFalse(resource.diff(imported.id(), imported.state(), cloud.inputs("imported", null)).hasChanges());
    }

    @ParameterizedTest
    @MethodSource("clouds")
    void checkDiffAndPreviewCallNothing(LifecycleCase cloud) {
        SnapshotResource resource = resource(cloud);
        CheckResult bad = resource.check(Props.builder().put(cloud.spec().serverInput(), cloud.server()).put("name", "")
                .put("revertTrigger", "x".repeat(1001)).build());
        assertEquals(2, bad.failures().size(), bad.failures().toString());
        assertEquals("name", bad.failures().get(0).property());
        assertEquals("revertTrigger", bad.failures().get(1).property());
        Props state = resource.preview(cloud.inputs("a", null));
        for (var output : resource.spec().outputs()) {
            assertTrue(state.isUnknown(output.name()), output.name() + " is unknown in a preview");
        }
        DiffResult diff = resource.diff("1", state, cloud.inputs("b", null));
        assertEquals(List.of("name"), diff.replaces());
        assertEquals(0, emulator.requests().size(), "no call: " + emulator.requests());
    }

    @Test
    void aMissingTokenNamesTheSettingAndItsVariable() {
        SnapshotResource resource = provider(Map.of(LocawebCloud.ENDPOINT, emulator.locawebEndpoint()))
                .resource(LocawebSpecs.SNAPSHOT.token()).orElseThrow();
        ProviderException missing = assertThrows(ProviderException.class,
                () -> resource.create(Props.builder().put("server", "cpro0299").put("name", "x").build(), operation()));
        assertEquals("vpssnap:locaweb:Snapshot needs the config key vpssnap:locawebToken (pulumi config set --secret "
                + "vpssnap:locawebToken ...), or the environment variable VPSSNAP_LOCAWEB_TOKEN; neither is set", missing.getMessage());
        assertEquals(0, emulator.requests().size());
    }
}
