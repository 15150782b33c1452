package com.vpssnap.provider.cloud;

import com.vpssnap.provider.cloud.locaweb.LocawebClient;
import com.vpssnap.provider.cloud.vpsorg.VpsorgClient;
import com.vpssnap.provider.cloud.wait.Cancellation;
import com.vpssnap.provider.cloud.wait.CancelledException;
import com.vpssnap.provider.testsupport.EmulatorFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Retries of idempotent calls on injected faults, no retry of a POST, the deadline, cancellation,
 * and a token that never reaches a message or a log line.
 */
class RetryAndSecrecyTest {
    private static final String TOKEN = "tok-SECRET-123";
    private static EmulatorFixture emulator;
    private final List<String> logLines = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (logLines) {
                logLines.add(record.getMessage() + " " + record.getThrown());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final List<String> messages = new ArrayList<>();
    private LocawebClient locaweb;
    private VpsorgClient vpsorg;

    @BeforeAll
    static void start() {
        emulator = EmulatorFixture.start(com.vpssnap.emulator.EmulatorOptions.defaults().port(0)
                .token("locaweb", TOKEN).token("vpsorg", TOKEN).createMs(50));
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @BeforeEach
    void setUp() {
        emulator.reset();
        Logger root = Logger.getLogger("");
        root.setLevel(Level.FINE);
        root.addHandler(capture);
        locaweb = ClientFixture.locaweb(emulator, TOKEN, new Cancellation());
        vpsorg = ClientFixture.vpsorg(emulator, TOKEN, new Cancellation());
    }

    @AfterEach
    void noTokenAnywhere() {
        Logger.getLogger("").removeHandler(capture);
        synchronized (logLines) {
            assertFalse(logLines.isEmpty(), "the client logs its calls");
            logLines.forEach(line -> assertFalse(line.contains(TOKEN) || line.contains("WRONG"), "token in log: " + line));
        }
        messages.forEach(m -> assertFalse(m.contains(TOKEN) || m.contains("WRONG"), "token in message: " + m));
    }

    @Test
    void getHonoursRetryAfterOn429() {
        emulator.addFault("{\"method\":\"GET\",\"path\":\"/api/v1/snapshots/\",\"status\":429,\"retryAfterSeconds\":1,\"count\":1}");
        long started = System.nanoTime();
        assertEquals(0, vpsorg.listSnapshots(null).size());
        assertTrue(System.nanoTime() - started >= Duration.ofSeconds(1).toNanos(), "waited the Retry-After second");
        assertEquals(2, emulator.countRequests("GET", "/api/v1/snapshots/"));
    }

    @Test
    void deleteRetries503AndGetRetriesADroppedConnection() {
        long id = vpsorg.createSnapshot(12345, "x", null).id();
        emulator.addFault("{\"method\":\"DELETE\",\"path\":\"/api/v1/snapshots/*/\",\"status\":503,\"count\":2}");
        vpsorg.deleteSnapshot(id);
        assertEquals(3, emulator.countRequests("DELETE", "/api/v1/snapshots/\\d+/"));
        emulator.addFault("{\"method\":\"GET\",\"path\":\"/v1/cloud/servers/*/snapshots\",\"action\":\"drop\",\"count\":1}");
        assertEquals(0, locaweb.listSnapshots("cpro0299").size());
        assertEquals(2, emulator.countRequests("GET", "/v1/cloud/servers/cpro0299/snapshots"));
    }

    @Test
    void aPostIsNeverRetried() {
        emulator.addFault("{\"method\":\"POST\",\"path\":\"/api/v1/snapshots/\",\"status\":503,\"count\":1}");
        ServerErrorException e = assertThrows(ServerErrorException.class, () -> vpsorg.createSnapshot(12345, "once", null));
        messages.add(e.getMessage());
        assertEquals(1, emulator.countRequests("POST", "/api/v1/snapshots/"));

        emulator.addFault("{\"method\":\"POST\",\"path\":\"/v1/cloud/servers/*/snapshots\",\"action\":\"drop\",\"count\":1}");
        TransportException dropped = assertThrows(TransportException.class, () -> locaweb.createSnapshot("cpro0299", "once", null));
        messages.add(dropped.getMessage());
        assertEquals(1, emulator.countRequests("POST", "/v1/cloud/servers/cpro0299/snapshots"));
    }

    @Test
    void retriesStopAtTheirLimitWithTheLastError() {
        emulator.addFault("{\"method\":\"GET\",\"path\":\"/api/v1/servers/*/\",\"status\":502}");
        ServerErrorException e = assertThrows(ServerErrorException.class, () -> vpsorg.getServer(12345));
        messages.add(e.getMessage());
        assertEquals(502, e.status());
        assertEquals(ClientFixture.FAST.maxAttempts(), emulator.countRequests("GET", "/api/v1/servers/12345/"));
    }

    @Test
    void cancellationStopsABackoffPromptly() throws Exception {
        Cancellation cancellation = new Cancellation();
        VpsorgClient patient = new VpsorgClient(Endpoint.parse(emulator.vpsorgEndpoint(), "vpsorgEndpoint"),
                new Secret(TOKEN), RetryPolicy.DEFAULT, cancellation);
        emulator.addFault("{\"method\":\"GET\",\"path\":\"/api/v1/servers/*/\",\"status\":429,\"retryAfterSeconds\":30}");
        CompletableFuture<Throwable> call = CompletableFuture.supplyAsync(() -> {
            try {
                patient.getServer(12345);
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        });
        while (emulator.countRequests("GET", "/api/v1/servers/12345/") == 0) {
            Thread.sleep(20);
        }
        cancellation.cancel();
        assertTrue(call.get(10, TimeUnit.SECONDS) instanceof CancelledException, "the 30 s Retry-After wait was cut short");
    }

    @Test
    void wrongTokenNeverAppearsInTheError() {
        LocawebClient wrong = ClientFixture.locaweb(emulator, "tok-WRONG-456", new Cancellation());
        UnauthorizedException e = assertThrows(UnauthorizedException.class, () -> wrong.listSnapshots("cpro0299"));
        messages.add(e.getMessage());
        messages.add(String.valueOf(new Secret(TOKEN)));
    }

    @Test
    void endpointsAreTlsExceptForLoopback() {
        assertEquals("https://admin.vps.org/api/v1", Endpoint.parse("https://admin.vps.org/api/v1/", "vpsorgEndpoint").baseUrl());
        Endpoint.parse("http://127.0.0.1:8080/v1", "locawebEndpoint");
        Endpoint.parse("http://localhost:8080/v1", "locawebEndpoint");
        Endpoint.parse("http://[::1]:8080/v1", "locawebEndpoint");
        IllegalArgumentException plain = assertThrows(IllegalArgumentException.class,
                () -> Endpoint.parse("http://api.example.com/v1", "locawebEndpoint"));
        assertTrue(plain.getMessage().contains("locawebEndpoint") && plain.getMessage().contains("http://api.example.com/v1")
                && plain.getMessage().contains("https://"), plain.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("ftp://127.0.0.1/", "x"));
        assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("http://127.0.0.1.example.com/", "x"));
        locaweb.listSnapshots("cpro0299"); // a real call, so the log capture has something to check
    }
}
