package com.vpssnap.provider.core;

/** A snapshot as the cloud has it now, with its inputs in the shape the user writes them. */
public record ReadResult(String id, Props inputs, Props state) {
}
