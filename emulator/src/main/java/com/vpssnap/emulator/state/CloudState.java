package com.vpssnap.emulator.state;

/**
 * One cloud's part of the world: its servers, snapshots and counters, as plain public fields so
 * the whole world persists as JSON. Changed only under the world's monitor (see Store).
 */
public interface CloudState {
}
