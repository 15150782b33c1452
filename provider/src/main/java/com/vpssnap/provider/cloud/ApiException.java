package com.vpssnap.provider.cloud;

import java.util.List;
import java.util.Map;

/**
 * A call the API refused or that did not complete. It carries the request line and the API's
 * own words, never a header: the token cannot reach a message through it.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final String method;
    private final String path;
    private final String apiMessage;
    private final Map<String, List<String>> fieldErrors;

    public ApiException(int status, String method, String path, String apiMessage,
                        Map<String, List<String>> fieldErrors, Throwable cause) {
        super(method + " " + path + " failed: " + (status > 0 ? "HTTP " + status + ": " : "") + apiMessage, cause);
        this.status = status;
        this.method = method;
        this.path = path;
        this.apiMessage = apiMessage;
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    /** Picks the subclass that names the kind of failure. */
    public static ApiException of(int status, String method, String path, String apiMessage,
                                  Map<String, List<String>> fieldErrors, long retryAfterSeconds) {
        return switch (status) {
            case 400, 422 -> new BadRequestException(status, method, path, apiMessage, fieldErrors);
            case 401, 403 -> new UnauthorizedException(status, method, path, apiMessage);
            case 404 -> new NotFoundException(method, path, apiMessage);
            case 409 -> new ConflictException(method, path, apiMessage);
            case 429 -> new RateLimitedException(method, path, apiMessage, retryAfterSeconds);
            default -> status >= 500
                    ? new ServerErrorException(status, method, path, apiMessage, retryAfterSeconds)
                    : new ApiException(status, method, path, apiMessage, fieldErrors, null);
        };
    }

    public int status() {
        return status;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public String apiMessage() {
        return apiMessage;
    }

    public Map<String, List<String>> fieldErrors() {
        return fieldErrors;
    }
}
