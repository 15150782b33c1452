package com.vpssnap.emulator.faults;

import java.util.regex.Pattern;

/**
 * One fault: which requests it matches, what it does, how likely and how often.
 *
 * @param count how many times it may fire; null for no limit
 */
public record FaultRule(long id, String method, String path, Action action, int status, double probability,
                        Integer count, Integer retryAfterSeconds, long latencyMs, long jitterMs) {

    public enum Action {
        /** Answer an error status in the API's own style. */
        STATUS,
        /** Close the connection with no answer; nothing is performed. */
        DROP,
        /** Perform the request, then close the connection with no answer. */
        LOST_RESPONSE,
        /** Wait, then serve normally. */
        LATENCY;

        public static Action parse(String text) {
            return switch (text) {
                case "status" -> STATUS;
                case "drop" -> DROP;
                case "lost-response" -> LOST_RESPONSE;
                case "latency" -> LATENCY;
                default -> throw new IllegalArgumentException("action must be status, drop, lost-response or latency; got '"
                        + text + "'");
            };
        }

        public String wireName() {
            return name().toLowerCase().replace('_', '-');
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
