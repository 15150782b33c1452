package com.vpssnap.emulator.state;

import java.util.function.Supplier;

/**
 * Access to the world: reads and changes run under its monitor, and every change is persisted
 * before the answer goes out.
 */
public final class Store {
    private final World world;
    private final StateFile stateFile;
    private final Clock clock;

    public Store(World world, StateFile stateFile, Clock clock) {
        this.world = world;
        this.stateFile = stateFile;
        this.clock = clock;
    }

    public long now() {
        return clock.now();
    }

    public <T> T read(java.util.function.Function<World, T> query) {
        synchronized (world) {
            return query.apply(world);
        }
    }

    /** Runs a change atomically; persisted only when it says it changed something. */
    public <T> T change(java.util.function.Function<World, Result<T>> change) {
        synchronized (world) {
            Result<T> result = change.apply(world);
            if (result.changed() && stateFile != null) {
                stateFile.save(world);
            }
            return result.value();
        }
    }

    public void changeAll(Runnable change) {
        change(w -> {
            change.run();
            return Result.changed(null);
        });
    }

    public World world() {
        return world;
    }

    /** What a change answers, and whether it changed the world. */
    public record Result<T>(T value, boolean changed) {
        public static <T> Result<T> changed(T value) {
            return new Result<>(value, true);
        }

        public static <T> Result<T> unchanged(T value) {
            return new Result<>(value, false);
        }

        public static <T> Result<T> of(Supplier<T> value) {
            return new Result<>(value.get(), true);
        }
    }
}
