package com.vpssnap.provider.core;

/**
 * A value not known yet: during a preview or plan an input may depend on another resource's
 * output. Both wire protocols have their own marker; the core sees only this one.
 */
public enum Unknown {
    VALUE;

    @Override
    public String toString() {
        return "<unknown>";
    }
}
