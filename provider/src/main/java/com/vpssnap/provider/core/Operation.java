package com.vpssnap.provider.core;

import com.vpssnap.provider.cloud.wait.Cancellation;
import com.vpssnap.provider.cloud.wait.ProgressListener;

import java.time.Duration;
import java.time.Instant;

/** What every long call carries: when to give up, how to be stopped, and whom to tell about progress. */
public record Operation(Instant deadline, Cancellation cancellation, ProgressListener progress) {

    public static Operation within(Duration timeout, Cancellation cancellation, ProgressListener progress) {
        return new Operation(Instant.now().plus(timeout), cancellation, progress);
    }
}
