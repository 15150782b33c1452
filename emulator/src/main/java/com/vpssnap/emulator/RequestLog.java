package com.vpssnap.emulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the APIs were asked, newest last. Headers are never recorded, so a token cannot leak here. */
public final class RequestLog {
    private static final int CAPACITY = 20_000;
    private final Deque<Map<String, Object>> entries = new ArrayDeque<>();
    private long seq;

    public synchronized void record(String method, String path, String query, int status, Long faultId) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("seq", ++seq);
        e.put("method", method);
        e.put("path", path);
        e.put("query", query);
        e.put("status", status);
        e.put("fault", faultId);
        entries.addLast(e);
        if (entries.size() > CAPACITY) {
            entries.removeFirst();
        }
    }

    public synchronized List<Map<String, Object>> entries() {
        return new ArrayList<>(entries);
    }

    public synchronized void clear() {
        entries.clear();
    }
}
