package com.vpssnap.provider.terraform;

import com.vpssnap.provider.core.FailureKind;
import com.vpssnap.provider.core.InvalidInputException;
import com.vpssnap.provider.terraform.proto.Tfplugin6.Diagnostic;
import io.grpc.stub.StreamObserver;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/** How every RPC answers: one response, and a failure as error diagnostics in that response. */
final class Replies {
    private static final Logger LOG = Logger.getLogger(Replies.class.getName());

    private Replies() {
    }

    static <T> void reply(StreamObserver<T> out, T value) {
        out.onNext(value);
        out.onCompleted();
    }

    /** Runs a call; a failure becomes error diagnostics in the call's own response. */
    static <T> void guard(StreamObserver<T> out, Supplier<T> call, Function<List<Diagnostic>, T> failed) {
        T response;
        try {
            response = call.get();
        } catch (RuntimeException e) {
            response = failed.apply(diagnostics(e));
        }
        reply(out, response);
    }

    /** A failure as diagnostics: refused inputs name their attributes, everything else says what failed. */
    static List<Diagnostic> diagnostics(RuntimeException e) {
        if (e instanceof InvalidInputException invalid) {
            return Diagnostics.of(invalid.failures());
        }
        return List.of(switch (FailureKind.of(e)) {
            case PROVIDER, INVALID_REQUEST -> Diagnostics.error("vpssnap error", e.getMessage());
            case CLOUD -> Diagnostics.error("Cloud API error", e.getMessage());
            case CANCELLED -> Diagnostics.error("Cancelled", e.getMessage());
            case BUG -> {
                LOG.log(Level.WARNING, "unexpected failure", e);
                yield Diagnostics.error("vpssnap internal error", e.toString());
            }
        });
    }
}
