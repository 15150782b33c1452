package com.vpssnap.provider.pulumi;

import com.vpssnap.provider.core.FailureKind;
import io.grpc.Status;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Turns failures into gRPC statuses whose description is the user-facing message. */
final class PulumiErrors {
    private static final Logger LOG = Logger.getLogger(PulumiErrors.class.getName());

    private PulumiErrors() {
    }

    static RuntimeException toStatus(RuntimeException e) {
        Status status = switch (FailureKind.of(e)) {
            case PROVIDER, CLOUD -> Status.UNKNOWN.withDescription(e.getMessage());
            case CANCELLED -> Status.CANCELLED.withDescription(e.getMessage());
            case INVALID_REQUEST -> Status.INVALID_ARGUMENT.withDescription(e.getMessage());
            case BUG -> {
                // Not a cloud answer: keep the trace on stderr for the report.
                LOG.log(Level.WARNING, "unexpected failure", e);
                yield Status.INTERNAL.withDescription("vpssnap internal error: " + e);
            }
        };
        return status.asRuntimeException();
    }
}
