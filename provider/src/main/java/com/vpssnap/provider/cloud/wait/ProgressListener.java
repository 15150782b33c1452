package com.vpssnap.provider.cloud.wait;

import java.time.Duration;

/** Receives "still waiting" news during long operations; the Pulumi layer shows it as ephemeral status. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (subject, status, elapsed) -> { };

    void onProgress(String subject, String status, Duration elapsed);
}
