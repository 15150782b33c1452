package com.vpssnap.provider.cloud;

import java.util.Map;

/** 401 or 403: the token is missing, wrong, or not allowed. */
public class UnauthorizedException extends ApiException {
    public UnauthorizedException(int status, String method, String path, String apiMessage) {
        super(status, method, path, apiMessage, Map.of(), null);
    }
}
