package com.vpssnap.provider.testsupport;

import com.vpssnap.emulator.clouds.EmulatedCloud;
import com.vpssnap.provider.core.ConfigKey;
import com.vpssnap.provider.core.Props;
import com.vpssnap.provider.core.spec.ResourceSpec;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One cloud's values for the core's lifecycle scenarios (core.LifecycleTestBase): what differs
 * between clouds, so the scenarios are written once. Each registered cloud has one, found by
 * {@link LifecycleCases} beside its module ({@code XCloud} → {@code XLifecycleCase}, same package,
 * in the test tree); a cloud without one fails the matrix by name.
 *
 * <p>A scenario that needs more than a cloud offers asks {@link #can} or {@link #revertHold}, and
 * runs only for the clouds that have it: a cloud in the matrix never skips an assertion.
 */
public abstract class LifecycleCase {
    private final ResourceSpec spec;
    private final String readyStatus;
    private final String createPath;
    private final String revertPath;
    private final Set<Capability> capabilities;

    /**
     * @param spec its snapshot resource; the server and its value come from it (first input, its example)
     * @param readyStatus the status of a ready snapshot
     * @param createPath the request that starts a snapshot on the example server (a regex, and a fault's glob: no wildcard)
     * @param revertPath the request that reverts the example server (a regex with {@code \d+} for the snapshot)
     */
    protected LifecycleCase(ResourceSpec spec, String readyStatus, String createPath, String revertPath,
                            Capability... capabilities) {
        this.spec = spec;
        this.readyStatus = readyStatus;
        this.createPath = createPath;
        this.revertPath = revertPath;
        this.capabilities = capabilities.length == 0 ? Set.of() : EnumSet.of(capabilities[0], capabilities);
    }

    /** What a cloud does beyond the shared scenarios. */
    public enum Capability {
        /** A create can answer before the snapshot is ready, so the core waits (the emulator's createMs). */
        READY_LATER,
        /** A create whose answer is lost or spoiled adopts what it made (core.LostAnswerRecovery). */
        RECOVERS_LOST_CREATES
    }

    /** Holds a revert running while a lost answer's follow-up looks, and lets it end. */
    public record RevertHold(Consumer<EmulatorFixture> hold, Consumer<EmulatorFixture> release) {
    }

    /** Its endpoint and token settings, pointed at the emulator. */
    public abstract Map<ConfigKey, String> settings(EmulatorFixture emulator);

    /** How many snapshots the emulator holds on the example server. */
    public abstract int held(EmulatorFixture emulator);

    /** Its emulation, when it is not one of the emulator's built-in clouds. */
    public Optional<EmulatedCloud> emulation() {
        return Optional.empty();
    }

    /** The output that holds a snapshot's status. */
    public String statusOutput() {
        return "status";
    }

    /** How it keeps a revert running while a lost answer's follow-up looks; empty when it follows none. */
    public Optional<RevertHold> revertHold() {
        return Optional.empty();
    }

    public final ResourceSpec spec() {
        return spec;
    }

    public final String readyStatus() {
        return readyStatus;
    }

    public final String createPath() {
        return createPath;
    }

    public final String revertPath() {
        return revertPath;
    }

    public final boolean can(Capability capability) {
        return capabilities.contains(capability);
    }

    /** The example server's name or id (a whole number as a Long, as the cloud's answers give it). */
    public final Object server() {
        Object example = spec.inputs().get(0).example();
        return example instanceof Integer id ? Long.valueOf(id) : example;
    }

    /** Resource inputs on the example server; {@code trigger} null leaves the revert trigger out. */
    public final Props inputs(String name, String trigger) {
        Props.Builder inputs = Props.builder().put(spec.serverInput(), server()).put("name", name);
        return trigger == null ? inputs.build() : inputs.put("revertTrigger", trigger).build();
    }

    @Override
    public String toString() {
        return spec.token();
    }
}
