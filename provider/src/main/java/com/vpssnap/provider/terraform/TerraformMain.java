package com.vpssnap.provider.terraform;

import com.vpssnap.provider.EventLoops;
import com.vpssnap.provider.SessionHost;
import com.vpssnap.provider.SessionRefusedException;
import com.vpssnap.provider.StderrLogging;

/**
 * Entry point of {@code terraform-provider-vpssnap} run cold: one process, one
 * {@link TerraformSession}. The handshake line is the only thing on stdout.
 */
public final class TerraformMain {
    private TerraformMain() {
    }

    public static void main(String[] args) throws Exception {
        StderrLogging.install();
        EventLoops loops = new EventLoops();
        TerraformSession session;
        try {
            session = TerraformSession.open(System.getenv(), SessionHost.cold(loops, () -> System.exit(0)));
        } catch (SessionRefusedException refused) {
            System.err.println(refused.getMessage());
            System.exit(1);
            return;
        }
        // Every way out (go-plugin's Shutdown, SIGTERM, tofu killing us) ends here: stop the calls
        // and the event loops, so that the JVM has no thread in native code to wait for.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            session.stop();
            loops.stop();
        }, "vpssnap-shutdown"));
        System.out.println(session.handshakeLine());
        System.out.flush();
        session.awaitTermination();
    }
}
