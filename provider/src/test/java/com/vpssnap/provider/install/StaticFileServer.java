package com.vpssnap.provider.install;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A folder served over HTTP or HTTPS on loopback, as any static web server would serve a release
 * or a network mirror: GET only, JSON as application/json, and a log of every path asked for.
 */
final class StaticFileServer implements AutoCloseable {
    private final HttpServer server;
    private final Path root;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private StaticFileServer(HttpServer server, Path root) {
        this.server = server;
        this.root = root.toAbsolutePath().normalize();
        server.createContext("/", this::serve);
        server.start();
    }

    static StaticFileServer http(Path root) throws IOException {
        return new StaticFileServer(HttpServer.create(loopback(), 0), root);
    }

    static StaticFileServer https(Path root, SSLContext tls) throws IOException {
        HttpsServer server = HttpsServer.create(loopback(), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        return new StaticFileServer(server, root);
    }

    String url(String scheme) {
        return scheme + "://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    List<String> requests() {
        return List.copyOf(requests);
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(exchange.getRequestMethod() + " " + path);
        Path file = root.resolve(path.substring(1)).normalize();
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) || !file.startsWith(root) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type",
                    path.endsWith(".json") ? "application/json" : "application/octet-stream");
            exchange.sendResponseHeaders(200, Files.size(file));
            try (OutputStream body = exchange.getResponseBody()) {
                Files.copy(file, body);
            }
        }
    }

    private static InetSocketAddress loopback() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
