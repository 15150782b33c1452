package com.vpssnap.provider.cloud.wait;

/** One look at something awaited: finished with a value, or still pending with a status to show. */
public record Poll<T>(boolean done, T value, String status) {
    public static <T> Poll<T> done(T value) {
        return new Poll<>(true, value, "done");
    }

    public static <T> Poll<T> pending(String status) {
        return new Poll<>(false, null, status);
    }
}
