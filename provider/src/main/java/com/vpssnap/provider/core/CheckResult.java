package com.vpssnap.provider.core;

import java.util.List;

/** Validated (and normalised) inputs, or the reasons they were refused. */
public record CheckResult(Props inputs, List<ValidationFailure> failures) {
    public boolean ok() {
        return failures.isEmpty();
    }
}
