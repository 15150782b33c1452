package com.vpssnap.provider.cloud.vpsorg;

import java.time.Instant;

/** A VPS.org snapshot. {@code sizeMb} is null until it is completed; {@code description} may be empty. */
public record VpsorgSnapshot(long id, long serverId, String serverName, String name, String status, Long sizeMb,
                             Instant createdAt, String description) {
    public static final String IN_PROGRESS = "in_progress";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
}
