package com.vpssnap.provider.core;

/**
 * The snapshot exists but did not become ready (it failed, or the wait timed out). The front
 * doors keep it in state, tainted, so it is neither lost nor created twice.
 */
public class PartialCreateException extends ProviderException {
    private final String id;
    private final Props state;

    public PartialCreateException(String id, Props state, String message, Throwable cause) {
        super(message, cause);
        this.id = id;
        this.state = state;
    }

    public String id() {
        return id;
    }

    public Props state() {
        return state;
    }
}
