package com.vpssnap.emulator.http;

/**
 * Thrown out of a handler before any answer is written: the JDK server then closes the TCP
 * connection, so the client sees the connection end with no status line (a dropped connection).
 */
public final class DropConnection extends RuntimeException {
    public DropConnection() {
        super("connection dropped by a fault rule", null, false, false);
    }
}
