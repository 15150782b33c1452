package com.vpssnap.emulator;

import com.sun.net.httpserver.HttpServer;
import com.vpssnap.emulator.control.ControlApi;
import com.vpssnap.emulator.faults.FaultRules;
import com.vpssnap.emulator.http.Dispatcher;
import com.vpssnap.emulator.http.Handler;
import com.vpssnap.emulator.clouds.EmulatedCloud;
import com.vpssnap.emulator.state.Clock;
import com.vpssnap.emulator.state.CloudState;
import com.vpssnap.emulator.state.Seed;
import com.vpssnap.emulator.state.StateFile;
import com.vpssnap.emulator.state.Store;
import com.vpssnap.emulator.state.World;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** A running emulator of every cloud in {@link EmulatedClouds} (or a test's list) on one port. */
public final class Emulator implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;

    private Emulator(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    public static Emulator start(EmulatorOptions options) throws IOException {
        List<EmulatedCloud> clouds = options.clouds();
        Seed seed = options.seedFile() == null ? EmulatedClouds.defaultSeed(clouds) : Seed.read(options.seedFile());
        World world = new World();
        try {
            EmulatedCloud.reset(clouds, world, seed);
        } catch (IllegalArgumentException e) {
            throw new IOException(options.seedFile() + ": " + e.getMessage());
        }
        world.timing = options.timing();
        Map<String, Class<? extends CloudState>> stateTypes = new LinkedHashMap<>();
        clouds.forEach(cloud -> stateTypes.put(cloud.name(), cloud.stateType()));
        StateFile stateFile = options.stateFile() == null ? null : new StateFile(options.stateFile(), stateTypes);
        if (stateFile != null && stateFile.exists()) {
            world = stateFile.load();
        }
        Store store = new Store(world, stateFile, Clock.SYSTEM);
        FaultRules faults = new FaultRules();
        RequestLog log = new RequestLog();
        Map<String, Handler> apis = new LinkedHashMap<>();
        for (EmulatedCloud cloud : clouds) {
            apis.put(cloud.apiPrefix(), cloud.api(store, options.token(cloud.name(), cloud::defaultToken)));
        }
        Handler control = new ControlApi(clouds, store, seed, options.timing(), faults, log);

        HttpServer server = HttpServer.create(new InetSocketAddress(options.bind(), options.port()), 256);
        // Enough threads for the parallel-create tests and latency faults that hold a thread while they sleep.
        ExecutorService executor = Executors.newFixedThreadPool(64, runnable -> {
            Thread t = new Thread(runnable, "emulator-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", new Dispatcher(apis, ControlApi.PREFIX, control, faults, log));
        server.start();
        return new Emulator(server, executor);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
    public String url() {
        String host = server.getAddress().getAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
