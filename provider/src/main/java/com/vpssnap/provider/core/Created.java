package com.vpssnap.provider.core;

/** A snapshot that exists and is ready: its id and full state (inputs and outputs). */
public record Created(String id, Props state) {
}
