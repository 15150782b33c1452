package com.vpssnap.provider.core;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Inputs refused after the cloud was asked (a snapshot of another server), with the same
 * field-bound failures a check gives, so each front door names the field in its own spelling.
 */
public class InvalidInputException extends ProviderException {
    private final List<ValidationFailure> failures;

    public InvalidInputException(List<ValidationFailure> failures) {
        super(failures.stream().map(f -> f.property() + ": " + f.reason()).collect(Collectors.joining("; ")));
        this.failures = List.copyOf(failures);
    }

    public List<ValidationFailure> failures() {
        return failures;
    }
}
