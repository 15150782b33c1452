package com.vpssnap.provider;

/**
 * The environment does not allow a session (not started by an engine, a protocol we do not
 * speak). Its message is for the user: a cold plugin prints it and exits 1.
 */
public final class SessionRefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    public SessionRefusedException(String message) {
        super(message);
    }
}
