package com.vpssnap.provider.terraform;

import com.vpssnap.provider.ColdPlugin;
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
        ColdPlugin.serve(session, loops);
    }
}
