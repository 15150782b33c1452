package com.vpssnap.provider.server;

import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channel;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The server's door: one thread that accepts every connection and holds it until it has proved
 * itself, bounded before it trusts anyone. A connection of another user is closed at once, unread
 * (the kernel names the peer's uid); at most {@link #MAX_UNPROVEN} others wait for their proof,
 * each for {@link #DEADLINE} in all (the handshake's whole time, not one read's), and a new one past the cap closes the oldest. None of them
 * costs a thread or counts as a session. A proven launcher's request goes to {@code proven}.
 */
final class Gate {
    private static final Logger LOG = Logger.getLogger(Gate.class.getName());
    /** Launchers prove themselves in a millisecond; only junk ever waits in numbers. */
    static final int MAX_UNPROVEN = 16;
    /** The whole handshake, not one read: the launcher's own wait for the answer. */
    static final Duration DEADLINE = Duration.ofSeconds(5);

    /** What the gate hands on: a launcher that proved itself, its channel back in blocking mode. */
    interface Proven {
        void accept(SocketChannel channel, Handoff handoff);
    }

    private final ServerSocketChannel listener;
    private final byte[] secret;
    private final UserPrincipal owner;
    private final Proven proven;
    private final Refusals refusals;
    private final Duration deadline;
    private final SecureRandom random = new SecureRandom();
    private final Deque<SelectionKey> pending = new ArrayDeque<>();
    private final Selector selector;
    private final List<Map.Entry<SocketChannel, Handoff>> provenNow = new ArrayList<>();
    private boolean peerCredentials = true;

    Gate(ServerSocketChannel listener, byte[] secret, UserPrincipal owner, Duration deadline, Refusals refusals, Proven proven)
            throws IOException {
        this.listener = listener;
        this.deadline = deadline;
        this.secret = secret;
        this.owner = owner;
        this.refusals = refusals;
        this.proven = proven;
        this.selector = Selector.open();
        listener.configureBlocking(false);
        listener.register(selector, SelectionKey.OP_ACCEPT);
    }

    /** Serves until the listener is closed (by the idle watcher). */
    void run() throws IOException {
        try {
            while (listener.isOpen()) {
                selector.select(this::ready, waitMillis());
                handOnProven();
                expire();
                refusals.logIfDue(false);
            }
        } catch (ClosedSelectorException closed) {
            // closed with the listener
        } finally {
            pending.forEach(key -> close(key.channel()));
            selector.close();
            refusals.logIfDue(true);
        }
    }

    /** Closes the door: no new connection is taken, the pending ones are dropped. */
    void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // Closing a listener cannot lose anything.
        }
        selector.wakeup();
    }

    private void ready(SelectionKey key) {
        if (!key.isValid()) {
            return;
        }
        if (key.isAcceptable()) {
            acceptAll();
        } else if (key.isReadable()) {
            read(key);
        }
    }

    private void acceptAll() {
        while (true) {
            SocketChannel channel;
            try {
                channel = listener.accept();
            } catch (IOException closedOrOutOfFiles) {
                return; // the listener closed, or the process is out of descriptors: the next select retries
            }
            if (channel == null) {
                return;
            }
            if (!sameUser(channel)) {
                refusals.count(Refusals.Reason.ANOTHER_USER);
                close(channel);
                continue;
            }
            if (pending.size() >= MAX_UNPROVEN) {
                SelectionKey oldest = pending.removeFirst();
                refusals.count(Refusals.Reason.OVER_CAP);
                oldest.cancel();
                close(oldest.channel());
            }
            try {
                channel.configureBlocking(false);
                SelectionKey key = channel.register(selector, SelectionKey.OP_READ,
                        new PendingHandshake(channel, secret, random, System.nanoTime() + deadline.toNanos()));
                pending.addLast(key);
            } catch (IOException failed) {
                close(channel);
            }
        }
    }

    private void read(SelectionKey key) {
        PendingHandshake handshake = (PendingHandshake) key.attachment();
        Handoff handoff;
        try {
            handoff = handshake.advance();
        } catch (PendingHandshake.Refused refused) {
            drop(key, refused.reason, refused.answer);
            return;
        } catch (IOException broken) {
            drop(key, Refusals.Reason.CLOSED, null);
            return;
        }
        if (handoff != null) {
            pending.remove(key);
            key.cancel();
            provenNow.add(Map.entry(handshake.channel, handoff));
        }
    }

    /** After the select: the proven channels' keys are deregistered by now, so they may block again. */
    private void handOnProven() throws IOException {
        if (provenNow.isEmpty()) {
            return;
        }
        selector.selectNow();
        for (Map.Entry<SocketChannel, Handoff> launcher : provenNow) {
            try {
                launcher.getKey().configureBlocking(true);
            } catch (IOException failed) {
                close(launcher.getKey());
                continue;
            }
            proven.accept(launcher.getKey(), launcher.getValue());
        }
        provenNow.clear();
    }

    private void drop(SelectionKey key, Refusals.Reason reason, String answer) {
        pending.remove(key);
        key.cancel();
        refusals.count(reason);
        if (answer != null) {
            answerAndClose((SocketChannel) key.channel(), answer);
        } else {
            close(key.channel());
        }
    }

    /** Tells a proven launcher why it must run cold; small enough for any send buffer. */
    private static void answerAndClose(SocketChannel channel, String text) {
        try (channel) {
            channel.write(ByteBuffer.wrap(Handoff.answerBytes('E', "the server refused the handoff: " + text)));
        } catch (IOException gone) {
            // The launcher runs cold either way.
        }
    }

    private void expire() {
        long now = System.nanoTime();
        while (!pending.isEmpty() && now - ((PendingHandshake) pending.peekFirst().attachment()).deadlineNanos >= 0) {
            drop(pending.peekFirst(), Refusals.Reason.TOO_SLOW, null);
        }
    }

    /** Until the oldest pending connection's deadline, or the next refusal line; at least 1 ms. */
    private long waitMillis() {
        long millis = Refusals.INTERVAL.toMillis();
        if (!pending.isEmpty()) {
            long left = ((PendingHandshake) pending.peekFirst().attachment()).deadlineNanos - System.nanoTime();
            millis = Math.min(millis, Duration.ofNanos(left).toMillis() + 1);
        }
        return Math.max(1, millis);
    }

    /** The kernel's word on the peer's uid (SO_PEERCRED); where it has none, the folder and the proof decide. */
    private boolean sameUser(SocketChannel channel) {
        if (!peerCredentials) {
            return true;
        }
        try {
            UnixDomainPrincipal peer = channel.getOption(ExtendedSocketOptions.SO_PEERCRED);
            return owner.equals(peer.user());
        } catch (UnsupportedOperationException unsupported) {
            peerCredentials = false;
            LOG.info("this platform does not tell a Unix socket's peer: the private folder and the proof decide");
            return true;
        } catch (IOException unknown) {
            return false; // this connection's peer is unknown (it went away): refused, and the check stays on
        }
    }

    private static void close(Channel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Closing a connection cannot lose anything.
        }
    }
}
