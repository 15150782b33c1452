package com.vpssnap.provider.cloud.locaweb;

import java.time.OffsetDateTime;

/** A Locaweb Cloud snapshot. {@code description} is null when none was given. */
public record LocawebSnapshot(long id, String name, String description, String uuid, OffsetDateTime takenAt,
                              String status) {
    public static final String CREATING = "creating";
    public static final String DONE = "done";
    public static final String ERROR = "error";
    public static final String REVERTING = "reverting";
    public static final String WAITING_DELETION = "waiting_deletion";
    public static final String REMOVING = "removing";
}
