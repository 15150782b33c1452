package com.vpssnap.provider.install;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * HTTPS on loopback in front of a plain HTTP server (the emulator): each TLS connection is
 * forwarded byte for byte to {@code target}. The emulator speaks plain HTTP only, and the provider
 * sends a token over plain HTTP to a loopback address alone, so a host name needs this.
 */
final class TlsFront implements AutoCloseable {
    private final ServerSocket listener;
    private final int target;

    private TlsFront(ServerSocket listener, int target) {
        this.listener = listener;
        this.target = target;
    }

    static TlsFront start(SSLContext tls, int target) throws IOException {
        SSLServerSocket listener = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        TlsFront front = new TlsFront(listener, target);
        Thread acceptor = new Thread(front::accept, "tls-front");
        acceptor.setDaemon(true);
        acceptor.start();
        return front;
    }

    int port() {
        return listener.getLocalPort();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                pipe(client, server);
                pipe(server, client);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void pipe(Socket from, Socket to) {
        Thread copier = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException ended) {
                // Either side closed: the other direction ends with it.
            } finally {
                close(from);
                close(to);
            }
        }, "tls-front-pipe");
        copier.setDaemon(true);
        copier.start();
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Already closed.
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
