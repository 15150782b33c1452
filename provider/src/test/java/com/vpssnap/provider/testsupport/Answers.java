package com.vpssnap.provider.testsupport;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;

import java.util.ArrayList;
import java.util.List;

/**
 * What one gRPC call answered, for tests that call an adapter's service in-process: its messages,
 * its error, and whether it completed.
 */
public final class Answers<T> implements StreamObserver<T> {
    private final List<T> values = new ArrayList<>();
    private Throwable error;
    private boolean completed;

    @Override
    public void onNext(T value) {
        values.add(value);
    }

    @Override
    public void onError(Throwable t) {
        error = t;
    }

    @Override
    public void onCompleted() {
        completed = true;
    }

    /** The one answer of a unary call that succeeded; a failure fails the test with its status. */
    public T only() {
        if (error != null) {
            throw new AssertionError("the call failed: " + Status.fromThrowable(error), error);
        }
        if (!completed || values.size() != 1) {
            throw new AssertionError("expected one answer and the end of the call, got " + values + ", completed " + completed);
        }
        return values.get(0);
    }

    /** Every message of a streaming call that ended without an error, in order. */
    public List<T> all() {
        if (error != null) {
            throw new AssertionError("the call failed: " + Status.fromThrowable(error), error);
        }
        if (!completed) {
            throw new AssertionError("the stream did not end; got " + values);
        }
        return List.copyOf(values);
    }

    /** The status of a call that failed, with no answer before it. */
    public Status failure() {
        if (error == null || !values.isEmpty()) {
            throw new AssertionError("expected a failure and no answer, got " + values + ", error " + error);
        }
        return Status.fromThrowable(error);
    }
}
