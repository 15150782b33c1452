package com.vpssnap.provider.cloud;

import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Reading an answer's body without trusting it: bounded in size, checked for JSON, quoted briefly. */
final class BoundedBody {
    /** How much of a body a message may quote. */
    static final int QUOTED = 60;

    private BoundedBody() {
    }

    /** The body as text, or a {@link MalformedAnswerException} once it exceeds {@code limit} bytes (never buffered whole). */
    static String read(ResponseBody body, long limit, String method, String path, int status) throws IOException {
        if (body == null) {
            return "";
        }
        BufferedSource source = body.source();
        Buffer buffer = new Buffer();
        while (buffer.size() <= limit) {
            if (source.read(buffer, 8192) == -1) {
                return buffer.readString(StandardCharsets.UTF_8);
            }
        }
        throw new MalformedAnswerException(status, method, path, "the answer is larger than " + limit / 1024
                + " KiB, far more than the API sends; it was not read further", true, null);
    }

    /** What is wrong when a non-empty body is not JSON by its type, else null. */
    static String notJson(MediaType type, String text) {
        if (text.isBlank() || type == null) {
            return null;
        }
        String subtype = type.subtype().toLowerCase(java.util.Locale.ROOT);
        if (subtype.equals("json") || subtype.endsWith("+json")) {
            return null;
        }
        return "expected a JSON document, got " + type.type() + "/" + type.subtype() + ": " + quote(text);
    }

    /** The start of a body, on one line, in quotes: enough to recognise it, never all of it. */
    static String quote(String text) {
        String start = text.strip();
        boolean cut = start.length() > QUOTED;
        start = cut ? start.substring(0, QUOTED) : start;
        return "\"" + start.replaceAll("[\\p{Cntrl}]+", " ") + (cut ? "…" : "") + "\"";
    }
}
