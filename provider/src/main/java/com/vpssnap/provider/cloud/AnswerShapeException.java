package com.vpssnap.provider.cloud;

/**
 * A field of a JSON answer that is missing or of the wrong type, named by its JSON pointer. The
 * clients throw it while reading; ApiHttp turns it into a {@link MalformedAnswerException} that
 * names the call.
 */
public class AnswerShapeException extends RuntimeException {
    public AnswerShapeException(String message) {
        super(message);
    }
}
