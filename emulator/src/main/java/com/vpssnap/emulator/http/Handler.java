package com.vpssnap.emulator.http;

/** An API: turns a request into a reply. */
@FunctionalInterface
public interface Handler {
    Reply handle(Request request);
}
