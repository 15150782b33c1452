package com.vpssnap.provider.testsupport;

import com.vpssnap.emulator.clouds.EmulatedCloud;
import com.vpssnap.provider.core.ConfigKey;
import com.vpssnap.provider.core.Props;
import com.vpssnap.provider.core.spec.ResourceSpec;

import java.util.Map;
import java.util.Optional;

/**
 * One cloud's values for the core's lifecycle scenarios (core.LifecycleTestBase): what differs
 * between clouds, so the scenarios are written once. Each registered cloud has one, found by
 * {@link LifecycleCases} beside its module ({@code XCloud} → {@code XLifecycleCase}, same package,
 * in the test tree); a cloud without one fails the matrix by name.
 *
 * <p>A scenario that needs more than a cloud offers asks one of the capability methods, and runs
 * only for the clouds that have it: a cloud in the matrix never skips an assertion.
 */
public interface LifecycleCase {
    /** Its snapshot resource's spec; the server and its value come from it (first input, its example). */
    ResourceSpec spec();

    /** Its endpoint and token settings, pointed at the emulator. */
    Map<ConfigKey, String> settings(EmulatorFixture emulator);

    /** Its emulation, when it is not one of the emulator's built-in clouds. */
    default Optional<EmulatedCloud> emulation() {
        return Optional.empty();
    }

    /** The output that holds a snapshot's state, and its value once ready. */
    String statusOutput();

    String readyStatus();

    /** How many snapshots the emulator holds on the example server. */
    int held(EmulatorFixture emulator);

    /** The request that starts a snapshot on the example server (a regex, and a fault's glob: no wildcard). */
    String createPath();

    /** The request that reverts the example server (a regex with {@code \d+} for the snapshot). */
    String revertPath();

    /** Whether a create can answer before the snapshot is ready, so the core waits (the emulator's createMs). */
    default boolean becomesReadyLater() {
        return false;
    }

    /** Whether a create whose answer is lost or spoiled adopts what it made (core.LostAnswerRecovery). */
    default boolean recoversLostCreates() {
        return false;
    }

    /** Keeps a revert running until {@link #releaseRevert}, where its follow-up of a lost answer depends on it; empty when it follows none. */
    default Optional<RevertHold> revertHold() {
        return Optional.empty();
    }

    /** How a cloud that follows a lost revert answer holds its revert running, and lets it end. */
    interface RevertHold {
        void hold(EmulatorFixture emulator);

        void release(EmulatorFixture emulator);
    }

    /** The example server's name or id (a whole number as a Long, as the cloud's answers give it). */
    default Object server() {
        Object example = spec().inputs().get(0).example();
        return example instanceof Integer id ? Long.valueOf(id) : example;
    }

    /** Resource inputs on the example server; {@code trigger} null leaves the revert trigger out. */
    default Props inputs(String name, String trigger) {
        Props.Builder inputs = Props.builder().put(spec().serverInput(), server()).put("name", name);
        return trigger == null ? inputs.build() : inputs.put("revertTrigger", trigger).build();
    }
}
