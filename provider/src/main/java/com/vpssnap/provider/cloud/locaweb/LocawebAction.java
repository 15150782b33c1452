package com.vpssnap.provider.cloud.locaweb;

/** An action on a snapshot (only {@code revert} exists); its status runs new → running → done or failed. */
public record LocawebAction(long id, String resourceType, String resourceId, String action, String status) {
    public static final String DONE = "done";
    public static final String FAILED = "failed";
}
