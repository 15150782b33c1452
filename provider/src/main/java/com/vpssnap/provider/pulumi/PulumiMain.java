package com.vpssnap.provider.pulumi;

import com.vpssnap.provider.ColdPlugin;
import com.vpssnap.provider.EventLoops;
import com.vpssnap.provider.SessionHost;
import com.vpssnap.provider.StderrLogging;

import java.util.List;

/**
 * Entry point of {@code pulumi-resource-vpssnap} run cold: one process, one {@link PulumiSession}.
 * The engine starts it with its own address as the first argument and reads the port from the
 * first stdout line; nothing else may go to stdout.
 */
public final class PulumiMain {
    private PulumiMain() {
    }

    public static void main(String[] args) throws Exception {
        StderrLogging.install();
        EventLoops loops = new EventLoops();
        PulumiSession session = PulumiSession.open(System.getenv(), List.of(args), SessionHost.cold(loops, () -> { }));
        ColdPlugin.serve(session, loops);
    }
}
