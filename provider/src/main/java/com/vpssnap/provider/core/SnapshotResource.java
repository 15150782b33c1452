package com.vpssnap.provider.core;

import com.vpssnap.provider.core.spec.ResourceSpec;

import java.util.List;
import java.util.Optional;

/**
 * The lifecycle of one snapshot resource, free of any wire protocol. The Pulumi and Terraform
 * servers translate their requests into these calls and the results back.
 */
public interface SnapshotResource {
    ResourceSpec spec();

    /** Validates inputs without calling the cloud; unknown values pass. */
    CheckResult check(Props inputs);

    /** Compares the state with new inputs, without calling the cloud. */
    DiffResult diff(String id, Props oldState, Props newInputs);

    /**
     * Whether a replacement must delete the old snapshot before it creates the new one. May ask
     * the cloud, so only an engine that lets the provider choose the order asks (Pulumi);
     * Terraform's order is the configuration's {@code create_before_destroy}.
     */
    default boolean deleteBeforeReplace(Props oldState, Props newInputs) {
        return false;
    }

    /** The state a preview shows: the inputs, with every computed output unknown. */
    Props preview(Props inputs);

    /** The state a preview of an in-place update shows: the new inputs over the old outputs. */
    default Props previewUpdate(Props oldState, Props newInputs) {
        Props.Builder state = oldState.toBuilder();
        for (var input : spec().inputs()) {
            state.put(input.name(), newInputs.get(input.name()));
        }
        return state.build();
    }

    /** Takes the snapshot and waits until it is ready. A started but unfinished one raises {@link PartialCreateException}. */
    Created create(Props inputs, Operation operation);

    /** The snapshot as the cloud has it, or empty when it is gone. {@code oldState} may be empty (import). */
    Optional<ReadResult> read(String id, Props oldState, Operation operation);

    /** Applies an in-place change: only {@code revertTrigger} can change in place. Returns the new state. */
    Props update(String id, Props oldState, Props newInputs, Operation operation);

    /** Deletes the snapshot and waits until it is gone; one already gone counts as deleted. */
    void delete(String id, Props oldState, Operation operation);

    /*
     * Capabilities a resource offers only when its spec opts in: identity (the next three, and
     * revertTo) when it is ResourceSpec#identifiable(), revertTo when it is also revertible(), and
     * listing (the last two) when it is listable(). The adapters ask only then.
     */

    /** The identity of a snapshot ({@link ResourceSpec#identity()}), from its state. */
    Props identity(Props state);

    /** Validates an identity without calling the cloud. */
    CheckResult checkIdentity(Props identity);

    /**
     * The snapshot an identity names, or empty when the cloud has none; a snapshot that belongs
     * to another server than the identity's is refused ({@link InvalidInputException}).
     */
    Optional<ReadResult> readByIdentity(Props identity, Operation operation);

    /**
     * Reverts the server to the snapshot an identity names, now, and waits until it is done; a
     * snapshot of another server, or none, is refused before anything is sent.
     */
    void revertTo(Props identity, Operation operation);

    /** Validates a listing's query without calling the cloud. */
    CheckResult checkListQuery(Props query);

    /** Every snapshot of the query's server whose name starts with its prefix, oldest first, as {@link #read} gives it. */
    List<ReadResult> list(Props query, Operation operation);
}
