package org.jkeepalived.it.ipvs;

import java.nio.file.Path;
import java.util.Random;

import org.jkeepalived.config.ConfigLoader;
import org.jkeepalived.config.LoadOptions;
import org.jkeepalived.config.LoadResult;
import org.jkeepalived.config.lvs.LvsConfig;
import org.jkeepalived.config.lvs.VirtualServer;
import org.jkeepalived.config.value.LiveHost;
import org.jkeepalived.ipvs.IpvsClient;
import org.jkeepalived.ipvs.IpvsReconciler;

/**
 * Run inside the IPVS VM: installs a config's virtual servers with every real server up, as keepalived does at start
 * when no checker has failed yet. {@code install CONF} leaves the table; {@code stop CONF} then removes what it
 * installed, as on SIGTERM. Exit 0 when every kernel command was accepted.
 */
public final class InstallTable {

    private static final int REPLY_TIMEOUT_MILLIS = 5_000;

    private InstallTable() {
    }

    public static void main(String[] args) throws Exception {
        LoadResult loaded = ConfigLoader.load(new LoadOptions(args[1], "jkvm", false, false,
                new LiveHost(Path.of("/")), new Random(0)));
        LvsConfig config = loaded.config().orElseThrow().lvs();
        boolean done = true;
        try (IpvsClient client = IpvsClient.open(1, REPLY_TIMEOUT_MILLIS)) {
            IpvsReconciler reconciler = new IpvsReconciler(client, config);
            for (VirtualServer virtualServer : config.virtualServers()) {
                done &= reconciler.installVirtualServer(virtualServer);
                for (var server : virtualServer.realServers()) {
                    done &= reconciler.addRealServer(virtualServer, server, server.weight());
                }
            }
            if (args[0].equals("stop")) {
                done &= reconciler.removeAll();
            }
        }
        System.exit(done ? 0 : 1);
    }
}
