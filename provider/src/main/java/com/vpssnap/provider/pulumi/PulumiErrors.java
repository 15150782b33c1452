package com.vpssnap.provider.pulumi;

import com.vpssnap.provider.core.ProviderException;
import io.grpc.Status;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Turns failures into gRPC statuses whose description is the user-facing message. */
final class PulumiErrors {
    private static final Logger LOG = Logger.getLogger(PulumiErrors.class.getName());

    private PulumiErrors() {
    }

    static RuntimeException toStatus(RuntimeException e) {
        if (e instanceof ProviderException || e instanceof com.vpssnap.provider.cloud.ApiException) {
            return Status.UNKNOWN.withDescription(e.getMessage()).asRuntimeException();
        }
        if (e instanceof com.vpssnap.provider.cloud.wait.CancelledException) {
            return Status.CANCELLED.withDescription(e.getMessage()).asRuntimeException();
        }
        if (e instanceof IllegalArgumentException) {
            return Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException();
        }
        // A bug, not a cloud answer: keep the trace on stderr for the report.
        LOG.log(Level.WARNING, "unexpected failure", e);
        return Status.INTERNAL.withDescription("vpssnap internal error: " + e).asRuntimeException();
    }
}
