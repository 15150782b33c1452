package com.vpssnap.provider.cloud;

import java.util.List;
import java.util.Map;

/** 400 or 422: the request's content was refused; fieldErrors says which field. */
public class BadRequestException extends ApiException {
    public BadRequestException(int status, String method, String path, String apiMessage, Map<String, List<String>> fieldErrors) {
        super(status, method, path, apiMessage, fieldErrors, null);
    }
}
