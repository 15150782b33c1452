package com.vpssnap.provider.cloud.wait;

import java.time.Duration;

/** A wait outlived its deadline; the message says what was awaited and what was last seen. */
public class WaitTimeoutException extends RuntimeException {
    public WaitTimeoutException(String subject, String awaited, String lastStatus, Duration waited) {
        super("gave up waiting for " + subject + " to become " + awaited + " after " + waited.toSeconds()
                + "s (last status: " + lastStatus + "); raise the timeout (Pulumi customTimeouts, Terraform timeouts) "
                + "if the cloud is slow");
    }
}
