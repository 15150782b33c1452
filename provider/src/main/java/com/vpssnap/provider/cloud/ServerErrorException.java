package com.vpssnap.provider.cloud;

import java.util.Map;

/** 5xx: the API failed; a create may or may not have happened. */
public class ServerErrorException extends ApiException implements RetryAfter {
    private final long retryAfterSeconds;

    public ServerErrorException(int status, String method, String path, String apiMessage, long retryAfterSeconds) {
        super(status, method, path, apiMessage, Map.of(), null);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
