package com.vpssnap.provider.pulumi;

import com.vpssnap.provider.cloud.wait.ProgressListener;

import java.time.Duration;
import java.util.function.BiConsumer;

/** Sends at most one status line per interval, so a fast poll does not flood the engine's display. */
final class StatusThrottle implements ProgressListener {
    private static final long INTERVAL_NANOS = Duration.ofSeconds(1).toNanos();
    private final String urn;
    private final BiConsumer<String, String> sink;
    private long lastSent = System.nanoTime() - INTERVAL_NANOS;
    private String lastMessage = "";

    StatusThrottle(String urn, BiConsumer<String, String> sink) {
        this.urn = urn;
        this.sink = sink;
    }

    @Override
    public synchronized void onProgress(String subject, String status, Duration elapsed) {
        String message = subject + ": " + status + " (" + elapsed.toSeconds() + "s)";
        long now = System.nanoTime();
        if (now - lastSent >= INTERVAL_NANOS && !message.equals(lastMessage)) {
            lastSent = now;
            lastMessage = message;
            sink.accept(urn, message);
        }
    }
}
