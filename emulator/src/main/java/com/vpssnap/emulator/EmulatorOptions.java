package com.vpssnap.emulator;

import java.nio.file.Path;

/** How an emulator starts. Immutable: each setter returns a changed copy. */
public final class EmulatorOptions {
    private String bind = "127.0.0.1";
    private int port = 8080;
    private Timing timing = new Timing(300, 300, 300, 300);
    private String locawebToken = "lw-demo-token";
    private String vpsorgToken = "vps-demo-token";
    private Path seedFile;
    private Path stateFile;

    private EmulatorOptions() {
    }

    public static EmulatorOptions defaults() {
        return new EmulatorOptions();
    }

    private EmulatorOptions copy() {
        EmulatorOptions c = new EmulatorOptions();
        c.bind = bind;
        c.port = port;
        c.timing = timing;
        c.locawebToken = locawebToken;
        c.vpsorgToken = vpsorgToken;
        c.seedFile = seedFile;
        c.stateFile = stateFile;
        return c;
    }

    public EmulatorOptions bind(String value) {
        EmulatorOptions c = copy();
        c.bind = value;
        return c;
    }

    public EmulatorOptions port(int value) {
        EmulatorOptions c = copy();
        c.port = value;
        return c;
    }

    public EmulatorOptions createMs(long value) {
        EmulatorOptions c = copy();
        c.timing = new Timing(value, timing.deleteMs(), timing.revertMs(), timing.restoreMs());
        return c;
    }

    public EmulatorOptions deleteMs(long value) {
        EmulatorOptions c = copy();
        c.timing = new Timing(timing.createMs(), value, timing.revertMs(), timing.restoreMs());
        return c;
    }

    public EmulatorOptions revertMs(long value) {
        EmulatorOptions c = copy();
        c.timing = new Timing(timing.createMs(), timing.deleteMs(), value, timing.restoreMs());
        return c;
    }

    public EmulatorOptions restoreMs(long value) {
        EmulatorOptions c = copy();
        c.timing = new Timing(timing.createMs(), timing.deleteMs(), timing.revertMs(), value);
        return c;
    }

    public EmulatorOptions locawebToken(String value) {
        EmulatorOptions c = copy();
        c.locawebToken = value;
        return c;
    }

    public EmulatorOptions vpsorgToken(String value) {
        EmulatorOptions c = copy();
        c.vpsorgToken = value;
        return c;
    }

    public EmulatorOptions seedFile(Path value) {
        EmulatorOptions c = copy();
        c.seedFile = value;
        return c;
    }

    public EmulatorOptions stateFile(Path value) {
        EmulatorOptions c = copy();
        c.stateFile = value;
        return c;
    }

    public String bind() {
        return bind;
    }

    public int port() {
        return port;
    }

    public Timing timing() {
        return timing;
    }

    public String locawebToken() {
        return locawebToken;
    }

    public String vpsorgToken() {
        return vpsorgToken;
    }

    public Path seedFile() {
        return seedFile;
    }

    public Path stateFile() {
        return stateFile;
    }
}
