package com.vpssnap.provider.cloud;

import java.util.Map;

/** 404: no such server, snapshot or action. */
public class NotFoundException extends ApiException {
    public NotFoundException(String method, String path, String apiMessage) {
        super(404, method, path, apiMessage, Map.of(), null);
    }
}
