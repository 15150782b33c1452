package com.vpssnap.emulator.locaweb;

import com.vpssnap.emulator.http.Reply;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders Locaweb's JSON:API documents in the published examples' shapes. */
final class LocawebJson {
    static final String CONTENT_TYPE = "application/vnd.api+json";
    /** Locaweb reports Brazilian local time with its offset (the examples show -02:00 in summer). */
    private static final ZoneOffset BRAZIL = ZoneOffset.ofHours(-3);

    private LocawebJson() {
    }

    static Map<String, Object> snapshot(LocawebSnapshotRecord s, String status) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("name", s.name);
        attributes.put("description", s.description);
        attributes.put("uuid", s.uuid);
        attributes.put("taken_at", OffsetDateTime.ofInstant(Instant.ofEpochMilli(s.takenAt).truncatedTo(ChronoUnit.SECONDS),
                BRAZIL).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        attributes.put("status", status);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("type", "snapshots");
        data.put("id", s.id);
        data.put("attributes", attributes);
        return data;
    }

    /** One snapshot as GET and POST answer it: with relationships, its link, and the actions it allows. */
    static Map<String, Object> snapshotDocument(LocawebSnapshotRecord s, String status, String serverUrl) {
        Map<String, Object> data = snapshot(s, status);
        data.put("relationships", Map.of(
                "scheduled_snapshot", Map.of("links", Map.of("related", serverUrl + "/scheduled_snapshots")),
                "server", Map.of("links", Map.of("related", serverUrl),
                        "data", Map.of("type", "servers", "id", s.server))));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("data", data);
        doc.put("links", Map.of("self", serverUrl + "/snapshots/" + s.id));
        doc.put("meta", Map.of("actions", List.of("revert")));
        return doc;
    }

    static Map<String, Object> action(LocawebActionRecord a, String status, String snapshotUrl) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("resource_type", "snapshots");
        attributes.put("resource_id", Long.toString(a.snapshotId));
        attributes.put("action", "revert");
        attributes.put("status", status);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("type", "actions");
        data.put("id", a.id);
        data.put("attributes", attributes);
        data.put("links", Map.of("self", snapshotUrl + "/actions/" + a.id));
        return data;
    }

    static Reply document(int status, Object document) {
        return Reply.of(status, document, CONTENT_TYPE);
    }

    /** A JSON:API error; {@code pointer} names the offending field, or is null. */
    static Reply error(int status, String title, String detail, String pointer) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("status", Integer.toString(status));
        error.put("title", title);
        error.put("detail", detail);
        if (pointer != null) {
            error.put("source", Map.of("pointer", pointer));
        }
        return Reply.of(status, Map.of("errors", List.of(error)), CONTENT_TYPE);
    }
}
