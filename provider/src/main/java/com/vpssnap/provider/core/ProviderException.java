package com.vpssnap.provider.core;

/** A failure whose message is written for the user; the front doors show it as it is. */
public class ProviderException extends RuntimeException {
    public ProviderException(String message) {
        super(message);
    }

    public ProviderException(String message, Throwable cause) {
        super(message, cause);
    }
}
