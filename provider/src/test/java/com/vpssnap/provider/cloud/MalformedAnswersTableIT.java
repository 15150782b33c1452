package com.vpssnap.provider.cloud;

import com.vpssnap.emulator.EmulatorOptions;
import com.vpssnap.provider.cloud.locaweb.LocawebClient;
import com.vpssnap.provider.cloud.vpsorg.VpsorgClient;
import com.vpssnap.provider.cloud.wait.Cancellation;
import com.vpssnap.provider.testsupport.EmulatorFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every call of both clients against every kind of spoiled answer the emulator can send (the
 * request is performed; only its answer is spoiled, once). What each call then does is written
 * to provider/target/malformed-answers.md, the table of docs/guides/reliability.md.
 */
class MalformedAnswersTableIT {
    private static final String TOKEN = "malformed-canary-token";
    private static final Pattern QUOTE = Pattern.compile("\"([^\"]*)\"");
    private static EmulatorFixture emulator;
    /** What each call did with each spoiled answer, and one message per kind of answer. */
    private static final Map<Call, Map<Spoil, String>> CELLS = new EnumMap<>(Call.class);
    private static final Map<Spoil, String> MESSAGES = new EnumMap<>(Spoil.class);

    /** A spoiled answer: the fault rule's action part, and whether a read retries past it. */
    enum Spoil {
        TRUNCATED("truncated JSON (cut in half)", "\"action\":\"truncate\"", true),
        STRING_FOR_NUMBER("JSON, a string where the id's number is", null, false),
        DATA_MISSING("JSON without its data", null, false),
        EMPTY_OBJECT("JSON, an empty object", "\"action\":\"body\",\"status\":200,\"body\":\"{}\"", false),
        HTML_200("an HTML page, status 200", "\"action\":\"body\",\"status\":200,\"contentType\":\"text/html\","
                + "\"body\":\"<!DOCTYPE html><html><body>Gateway portal: please log in</body></html>\"", true),
        HTML_502("an HTML page, status 502", "\"action\":\"body\",\"status\":502,\"contentType\":\"text/html\","
                + "\"body\":\"<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>\"", true),
        EMPTY_200("an empty body, status 200", "\"action\":\"body\",\"status\":200,\"body\":\"\"", true),
        HUGE("8 MiB of JSON", "\"action\":\"huge\",\"sizeBytes\":8388608", true);

        final String what;
        final String action;
        final boolean transientFault;

        Spoil(String what, String action, boolean transientFault) {
            this.what = what;
            this.action = action;
            this.transientFault = transientFault;
        }
    }

    /** One call of one client, the request it makes, and the wrong shapes of its own answer. */
    enum Call {
        LOCAWEB_LIST("GET", "/v1/cloud/servers/cpro0299/snapshots", "{\"data\":[{\"id\":\"x\",\"attributes\":{}}]}", "{\"meta\":{}}"),
        LOCAWEB_GET("GET", "/v1/cloud/servers/cpro0299/snapshots/*", "{\"data\":{\"id\":\"x\",\"attributes\":{}}}", "{\"meta\":{}}"),
        LOCAWEB_CREATE("POST", "/v1/cloud/servers/cpro0299/snapshots", "{\"data\":{\"id\":\"x\",\"attributes\":{}}}", "{\"meta\":{}}"),
        LOCAWEB_REVERT("POST", "/v1/cloud/servers/cpro0299/snapshots/*/actions", "{\"data\":{\"id\":\"x\",\"attributes\":{}}}", "{\"meta\":{}}"),
        LOCAWEB_DELETE("DELETE", "/v1/cloud/servers/cpro0299/snapshots/*", "{\"data\":{\"id\":\"x\"}}", "{\"meta\":{}}"),
        VPSORG_LIST("GET", "/api/v1/snapshots/", "{\"results\":[{\"id\":\"x\",\"server\":{\"id\":12345}}]}", "{\"count\":0}"),
        VPSORG_CREATE("POST", "/api/v1/snapshots/", "{\"id\":\"x\",\"server\":{\"id\":12345},\"name\":\"n\",\"status\":\"completed\"}", "{\"detail\":\"ok\"}"),
        VPSORG_RESTORE("POST", "/api/v1/snapshots/*/restore/", "{\"server\":{\"id\":\"x\",\"status\":\"restoring\"}}", "{\"message\":\"ok\"}"),
        VPSORG_DELETE("DELETE", "/api/v1/snapshots/*/", "{\"id\":\"x\"}", "{\"detail\":\"ok\"}"),
        VPSORG_SERVER("GET", "/api/v1/servers/12345/", "{\"id\":\"x\",\"status\":\"active\"}", "{\"detail\":\"ok\"}");

        final String method;
        final String glob;
        final String stringForNumber;
        final String dataMissing;

        Call(String method, String glob, String stringForNumber, String dataMissing) {
            this.method = method;
            this.glob = glob;
            this.stringForNumber = stringForNumber;
            this.dataMissing = dataMissing;
        }

        String action(Spoil spoil) {
            return switch (spoil) {
                case STRING_FOR_NUMBER -> body(stringForNumber);
                case DATA_MISSING -> body(dataMissing);
                default -> spoil.action;
            };
        }

        private static String body(String json) {
            return "\"action\":\"body\",\"status\":200,\"body\":\"" + json.replace("\"", "\\\"") + "\"";
        }

        /** Makes what the call needs (a snapshot), then the call itself. */
        void run(LocawebClient locaweb, VpsorgClient vpsorg, long locawebId, long vpsorgId) {
            switch (this) {
                case LOCAWEB_LIST -> locaweb.listSnapshots("cpro0299");
                case LOCAWEB_GET -> locaweb.getSnapshot("cpro0299", locawebId);
                case LOCAWEB_CREATE -> locaweb.createSnapshot("cpro0299", "spoiled", null);
                case LOCAWEB_REVERT -> locaweb.createRevertAction("cpro0299", locawebId);
                case LOCAWEB_DELETE -> locaweb.deleteSnapshot("cpro0299", locawebId);
                case VPSORG_LIST -> vpsorg.listSnapshots(12345L);
                case VPSORG_CREATE -> vpsorg.createSnapshot(12345, "spoiled", null);
                case VPSORG_RESTORE -> vpsorg.restore(vpsorgId);
                case VPSORG_DELETE -> vpsorg.deleteSnapshot(vpsorgId);
                case VPSORG_SERVER -> vpsorg.getServer(12345);
            }
        }
    }

    @BeforeAll
    static void start() {
        emulator = EmulatorFixture.start(EmulatorOptions.defaults().port(0).createMs(0).deleteMs(0).revertMs(0).restoreMs(0)
                .token("locaweb", TOKEN).token("vpsorg", TOKEN));
    }

    @AfterAll
    static void stop() throws IOException {
        emulator.close();
        List<String> table = new ArrayList<>();
        StringBuilder head = new StringBuilder("| answer |");
        StringBuilder rule = new StringBuilder("|---|");
        for (Call call : Call.values()) {
            String[] words = call.name().toLowerCase(java.util.Locale.ROOT).split("_");
            head.append(" ").append(words[0].equals("locaweb") ? "Locaweb " : "VPS.org ").append(words[1])
                    .append(" (").append(call.method).append(") |");
            rule.append("---|");
        }
        table.add(head.toString());
        table.add(rule.toString());
        for (Spoil spoil : Spoil.values()) {
            StringBuilder row = new StringBuilder("| " + spoil.what + " |");
            for (Call call : Call.values()) {
                row.append(" ").append(CELLS.getOrDefault(call, Map.of()).getOrDefault(spoil, "?")).append(" |");
            }
            table.add(row.toString());
        }
        table.add("");
        table.add("What the messages say (the create call of each cloud's client, as the engines show them):");
        table.add("");
        MESSAGES.forEach((spoil, message) -> table.add("- " + spoil.what + ": `" + message + "`"));
        Path out = Path.of("target", "malformed-answers.md");
        Files.writeString(out, String.join("\n", table) + "\n");
    }

    @Test
    void everyCallMeetsEverySpoiledAnswerWithAClearTypedErrorOrARetry() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Call call : Call.values()) {
            for (Spoil spoil : Spoil.values()) {
                String problem = check(call, spoil);
                if (problem != null) {
                    wrong.add(call + " × " + spoil + ": " + problem);
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    /** One case; null when the client behaved, else what was wrong. */
    private static String check(Call call, Spoil spoil) throws Exception {
        emulator.reset();
        LocawebClient locaweb = ClientFixture.locaweb(emulator, TOKEN, new Cancellation());
        VpsorgClient vpsorg = ClientFixture.vpsorg(emulator, TOKEN, new Cancellation());
        long locawebId = locaweb.createSnapshot("cpro0299", "existing", null).id();
        long vpsorgId = vpsorg.createSnapshot(12345, "existing", null).id();
        emulator.clearRequests();
        emulator.addFault("{\"method\":\"" + call.method + "\",\"path\":\"" + call.glob + "\",\"count\":1," + call.action(spoil) + "}");
        String outcome;
        String message = "";
        try {
            call.run(locaweb, vpsorg, locawebId, vpsorgId);
            outcome = "succeeds";
        } catch (ApiException e) {
            outcome = e.getClass().getSimpleName();
            message = e.getMessage();
        } catch (RuntimeException e) {
            return "threw " + e + " instead of a typed API error";
        }
        long tries = emulator.countRequests(call.method, call.glob.replace("*", "[^/]+").replace("?", "\\?"));
        boolean read = !call.method.equals("POST");
        boolean bodyIgnored = call.method.equals("DELETE") && spoil != Spoil.HTML_502;
        String does = outcome.equals("succeeds") ? (tries > 1 ? "retried, then ok" : "body not read: ok")
                : (tries > 1 ? "retried, then " : "") + kind(outcome, message);
        CELLS.computeIfAbsent(call, c -> new EnumMap<>(Spoil.class)).put(spoil, does);
        if (call == Call.LOCAWEB_CREATE || call == Call.VPSORG_CREATE && spoil == Spoil.STRING_FOR_NUMBER) {
            MESSAGES.put(spoil, message.replace("|", "\\|").replace(TOKEN, "<TOKEN>"));
        }
        if (message.contains(TOKEN)) {
            return "the token is in the message";
        }
        if (call.method.equals("DELETE") && spoil == Spoil.HTML_502) {
            // Retried; the retry finds the snapshot gone, which the core counts as deleted.
            return tries == 2 && (outcome.equals("succeeds") || outcome.equals("NotFoundException")) ? null
                    : "a DELETE should retry past a 502 page: " + does + " " + message;
        }
        if (bodyIgnored) {
            return outcome.equals("succeeds") ? null : "a DELETE failed on a body it does not read: " + message;
        }
        if (read && spoil.transientFault || read && spoil == Spoil.HTML_502) {
            return outcome.equals("succeeds") && tries == 2 ? null : "a read should retry past a " + spoil.what + ": " + does + " " + message;
        }
        if (outcome.equals("succeeds")) {
            return "succeeded on " + spoil.what;
        }
        if (!message.startsWith(call.method + " ")) {
            return "the message does not start with the call: " + message;
        }
        Matcher quoted = QUOTE.matcher(message);
        while (quoted.find()) {
            if (quoted.group(1).length() > 61) {
                return "quotes " + quoted.group(1).length() + " characters of the body";
            }
        }
        if (spoil == Spoil.HUGE && !message.contains("larger than 1024 KiB")) {
            return "the huge body was not cut off: " + message;
        }
        if (!spoil.transientFault && !message.contains("not in the documented shape")) {
            return "a wrong shape is not named as one: " + message;
        }
        return tries == 1 ? null : "a " + call.method + " was sent " + tries + " times";
    }

    /** A table cell: the error's kind, in a word or two. */
    private static String kind(String outcome, String message) {
        if (outcome.equals("NotFoundException")) {
            return "404: counted as deleted";
        }
        if (outcome.equals("ServerErrorException")) {
            return "error: HTTP " + message.replaceAll(".*failed: HTTP (\\d+).*", "$1") + ", not JSON";
        }
        if (message.contains("not in the documented shape")) {
            return "error: shape";
        }
        if (message.contains("larger than")) {
            return "error: too large, not read";
        }
        if (message.contains("is empty")) {
            return "error: empty";
        }
        if (message.contains("not valid JSON")) {
            return "error: cut short";
        }
        if (message.contains("expected a JSON document")) {
            return "error: not JSON";
        }
        return "error: " + outcome;
    }

    /**
     * The stall outlasts the test's own limit: a client that waited for it would fail by timing out.
     * The read timeout (5 s) is far above a normal answer's time even on a busy machine, so only the
     * stalled read times out.
     */
    @Test
    @org.junit.jupiter.api.Timeout(30)
    void aBodyThatStallsMidwayIsARetriedTimeoutNotAHang() {
        emulator.reset();
        emulator.addFault("{\"method\":\"GET\",\"path\":\"/api/v1/servers/12345/\",\"count\":1,\"action\":\"stall\",\"latencyMs\":120000}");
        okhttp3.OkHttpClient impatient = new okhttp3.OkHttpClient.Builder().readTimeout(java.time.Duration.ofSeconds(5))
                .retryOnConnectionFailure(false).build();
        ApiHttp http = new ApiHttp(Endpoint.parse(emulator.vpsorgEndpoint(), "vpsorgEndpoint"), "application/json",
                request -> request.header("Authorization", "Bearer " + TOKEN), (body, status, reason) ->
                new ErrorBodies.Parsed(reason, Map.of()), ClientFixture.FAST, new Cancellation(), impatient);
        assertEquals("active", http.get("/servers/12345/", answer -> answer.text("status")));
        assertEquals(2, emulator.countRequests("GET", "/api/v1/servers/12345/"), "the stalled read was retried once");
    }

    @Test
    void anHtmlPageSaysItIsNotJsonAndQuotesOnlyItsStart() {
        emulator.reset();
        emulator.addFault("{\"method\":\"GET\",\"path\":\"/api/v1/servers/12345/\"," + Spoil.HTML_200.action + "}");
        VpsorgClient vpsorg = ClientFixture.vpsorg(emulator, TOKEN, new Cancellation());
        MalformedAnswerException e = org.junit.jupiter.api.Assertions.assertThrows(MalformedAnswerException.class,
                () -> vpsorg.getServer(12345));
        assertEquals("GET /api/v1/servers/12345/ failed: HTTP 200: expected a JSON document, "
                + "got text/html: \"<!DOCTYPE html><html><body>Gateway portal: please log in</bo…\"", e.getMessage());
        assertFalse(e.getMessage().contains("</html>"), "only the start of the body");
    }
}
