package com.vpssnap.emulator;

/** How long each state machine takes, in milliseconds. */
public record Timing(long createMs, long deleteMs, long revertMs, long restoreMs) {
}
