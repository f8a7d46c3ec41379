package org.jkeepalived.it.ipvs;

import java.nio.file.Path;
import java.util.Random;

import org.jkeepalived.config.ConfigLoader;
import org.jkeepalived.config.LoadOptions;
import org.jkeepalived.config.value.LiveHost;
import org.jkeepalived.ipvs.IpvsClient;
import org.jkeepalived.ipvs.IpvsSyncDaemons;
import org.jkeepalived.ipvs.LvsGlobals;

/**
 * Run inside the IPVS VM: the config's {@code lvs_sync_daemon} driven as keepalived's checkers drive it.
 * {@code start CONF} starts master and backup and leaves them; {@code stop CONF} stops both. Exit 0 when the kernel
 * accepted every command that counts.
 */
public final class SyncDaemonControl {

    private static final int REPLY_TIMEOUT_MILLIS = 5_000;

    private SyncDaemonControl() {
    }

    public static void main(String[] args) throws Exception {
        LvsGlobals globals = LvsGlobals.of(ConfigLoader.load(new LoadOptions(args[1], "jkvm", false, false,
                new LiveHost(Path.of("/")), new Random(0))).config().orElseThrow());
        boolean done = true;
        try (IpvsClient client = IpvsClient.open(1, REPLY_TIMEOUT_MILLIS)) {
            IpvsSyncDaemons daemons = new IpvsSyncDaemons(client, globals.syncDaemon().orElseThrow());
            if (args[0].equals("start")) {
                done = daemons.startBoth();
            } else {
                daemons.stopBoth();
            }
        }
        System.exit(done ? 0 : 1);
    }
}
