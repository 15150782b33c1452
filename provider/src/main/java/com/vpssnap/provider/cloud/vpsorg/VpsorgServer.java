package com.vpssnap.provider.cloud.vpsorg;

/** A VPS.org server: {@code status} is {@code restoring} during a restore, else e.g. {@code active}. */
public record VpsorgServer(long id, String name, String status) {
    public static final String RESTORING = "restoring";
}
