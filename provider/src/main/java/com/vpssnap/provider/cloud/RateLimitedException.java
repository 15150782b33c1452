package com.vpssnap.provider.cloud;

import java.util.Map;

/** 429: too many requests; {@link #retryAfterSeconds()} is the API's Retry-After, or -1. */
public class RateLimitedException extends ApiException implements RetryAfter {
    private final long retryAfterSeconds;

    public RateLimitedException(String method, String path, String apiMessage, long retryAfterSeconds) {
        super(429, method, path, apiMessage, Map.of(), null);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
