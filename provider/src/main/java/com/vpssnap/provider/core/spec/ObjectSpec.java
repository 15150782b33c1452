package com.vpssnap.provider.core.spec;

import java.util.List;

/** A named object shape (e.g. one snapshot in a function's result). */
public record ObjectSpec(String token, String description, List<PropertySpec> properties) {
}
