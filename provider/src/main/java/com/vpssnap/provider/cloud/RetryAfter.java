package com.vpssnap.provider.cloud;

/** A failure that may say when to try again. */
public interface RetryAfter {
    /** Seconds the API asked us to wait, or -1 when it did not say. */
    long retryAfterSeconds();
}
