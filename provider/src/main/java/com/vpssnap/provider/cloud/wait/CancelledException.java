package com.vpssnap.provider.cloud.wait;

/** The engine (Pulumi Cancel, Terraform StopProvider) or a signal asked us to stop. */
public class CancelledException extends RuntimeException {
    public CancelledException(String message) {
        super(message);
    }
}
