package com.vpssnap.provider.core;

/**
 * One rejected input. {@code property} is the canonical name; each protocol renders it in its
 * own spelling. {@code reason} already quotes the value and says what is allowed.
 */
public record ValidationFailure(String property, String reason) {
}
