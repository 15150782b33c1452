package com.vpssnap.provider.cloud;

import java.util.Map;

/** 409: the resource is not in a state that allows the call (e.g. a revert while creating). */
public class ConflictException extends ApiException {
    public ConflictException(String method, String path, String apiMessage) {
        super(409, method, path, apiMessage, Map.of(), null);
    }
}
