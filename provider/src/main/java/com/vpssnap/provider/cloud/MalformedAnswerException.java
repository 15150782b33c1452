package com.vpssnap.provider.cloud;

import java.util.Map;

/**
 * An answer that is not what the API documents: not JSON (a proxy's HTML page), cut short, empty,
 * too large, or JSON of the wrong shape. The message names the call and what was wrong and quotes
 * at most a short prefix of the body, never a header. For a POST the request may have been
 * performed, so callers treat it as they treat a lost answer.
 */
public class MalformedAnswerException extends ApiException {
    private final boolean transientFault;

    /**
     * @param transientFault true for what a proxy or a cut connection causes (HTML, truncated,
     *                       empty, too large): a retry may get the real answer; false for JSON of
     *                       the wrong shape, which the same call will answer again
     */
    public MalformedAnswerException(int status, String method, String path, String problem, boolean transientFault,
                                    Throwable cause) {
        super(status, method, path, problem, Map.of(), cause);
        this.transientFault = transientFault;
    }

    public boolean isTransient() {
        return transientFault;
    }
}
