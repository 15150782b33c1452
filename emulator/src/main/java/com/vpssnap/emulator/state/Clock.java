package com.vpssnap.emulator.state;

/** Milliseconds since the epoch; one seam so the state machines read one clock. */
@FunctionalInterface
public interface Clock {
    Clock SYSTEM = System::currentTimeMillis;

    long now();
}
