package com.vpssnap.provider.terraform;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as Terraform users write them in a timeouts block: "30m", "1h30m", "90s", "500ms". */
final class GoDuration {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(h|ms|m|s)");

    private GoDuration() {
    }

    static Duration parse(String text, String attribute) {
        Matcher m = PART.matcher(text);
        long millis = 0;
        int end = 0;
        while (m.find() && m.start() == end) {
            double amount = Double.parseDouble(m.group(1));
            millis += (long) (amount * switch (m.group(2)) {
                case "h" -> 3_600_000;
                case "m" -> 60_000;
                case "s" -> 1_000;
                default -> 1;
            });
            end = m.end();
        }
        if (text.isEmpty() || end != text.length()) {
            throw new IllegalArgumentException(attribute + " \"" + text + "\" is not a duration: write e.g. \"30m\", \"1h30m\" or \"90s\"");
        }
        return Duration.ofMillis(millis);
    }
}
