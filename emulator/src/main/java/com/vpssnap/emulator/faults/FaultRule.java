package com.vpssnap.emulator.faults;

import java.util.regex.Pattern;

/**
 * One fault: which requests it matches, what it does, how likely and how often.
 *
 * @param count how many times it may fire; null for no limit
 * @param replyBody for {@code body}: the exact body to answer with
 * @param replyType for {@code body}: its Content-Type
 * @param sizeBytes for {@code huge}: how many bytes to send
 */
public record FaultRule(long id, String method, String path, Action action, int status, double probability,
                        Integer count, Integer retryAfterSeconds, long latencyMs, long jitterMs,
                        String replyBody, String replyType, long sizeBytes) {

    public enum Action {
        /** Answer an error status in the API's own style. */
        STATUS,
        /** Close the connection with no answer; nothing is performed. */
        DROP,
        /** Perform the request, then close the connection with no answer. */
        LOST_RESPONSE,
        /** Wait, then serve normally. */
        LATENCY,
        /** Perform the request, then answer {@code replyBody} with {@code replyType} and {@code status} (a proxy's page, a wrong shape, an empty body). */
        BODY,
        /** Perform the request, then answer its real body cut in half (the length says so: a complete, broken answer). */
        TRUNCATE,
        /** Perform the request, then answer {@code sizeBytes} of JSON-looking bytes, streamed. */
        HUGE,
        /** Perform the request, then send half its answer and stall {@code latencyMs} before closing. */
        STALL;

        public static Action parse(String text) {
            return switch (text) {
                case "status" -> STATUS;
                case "drop" -> DROP;
                case "lost-response" -> LOST_RESPONSE;
                case "latency" -> LATENCY;
                case "body" -> BODY;
                case "truncate" -> TRUNCATE;
                case "huge" -> HUGE;
                case "stall" -> STALL;
                default -> throw new IllegalArgumentException("action must be status, drop, lost-response, latency, body, "
                        + "truncate, huge or stall; got '" + text + "'");
            };
        }

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    boolean matches(String requestMethod, String requestPath) {
        return (method.equals("*") || method.equalsIgnoreCase(requestMethod)) && glob(path).matcher(requestPath).matches();
    }

    /** {@code *} is one path segment, {@code **} any rest. */
    static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
