package com.vpssnap.provider.core;

import com.vpssnap.provider.cloud.ApiException;
import com.vpssnap.provider.cloud.wait.CancelledException;

/**
 * What kind of failure an exception is, decided once for both front doors: each maps a kind to
 * its own form (a gRPC status for Pulumi, a diagnostic's summary for Terraform).
 */
public enum FailureKind {
    /** Our message for the user: a missing setting, a bad input, a snapshot that did not become ready. */
    PROVIDER,
    /** The cloud said no, or could not be reached; the message names the call. */
    CLOUD,
    /** The engine asked us to stop (Pulumi Cancel, Terraform StopProvider). */
    CANCELLED,
    /** The request itself was malformed (a value the engine should not have sent). */
    INVALID_REQUEST,
    /** A bug of ours: the message is not written for the user, so the trace goes to the log. */
    BUG;

    public static FailureKind of(RuntimeException e) {
        if (e instanceof ProviderException) {
            return PROVIDER;
        }
        if (e instanceof ApiException) {
            return CLOUD;
        }
        if (e instanceof CancelledException) {
            return CANCELLED;
        }
        if (e instanceof IllegalArgumentException) {
            return INVALID_REQUEST;
        }
        return BUG;
    }
}
