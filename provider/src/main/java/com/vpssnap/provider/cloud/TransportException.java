package com.vpssnap.provider.cloud;

import java.util.Map;

/**
 * No HTTP answer: the connection was refused, reset, or timed out. For a POST the request may
 * still have been performed, so callers must not assume nothing happened.
 */
public class TransportException extends ApiException {
    public TransportException(String method, String path, Throwable cause) {
        super(0, method, path, "no answer from the API (" + describe(cause) + ")", Map.of(), cause);
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
