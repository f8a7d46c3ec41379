import java.util.SplittableRandom;

import org.jkeepalived.config.ConfigLoader;
import org.jkeepalived.config.LoadOptions;
import org.jkeepalived.config.LoadResult;
import org.jkeepalived.config.lvs.LvsConfig;
import org.jkeepalived.config.lvs.RealServer;
import org.jkeepalived.config.lvs.VirtualServer;
import org.jkeepalived.config.value.LiveHost;
import org.jkeepalived.ipvs.IpvsClient;
import org.jkeepalived.ipvs.IpvsReconciler;

/**
 * Installs a config's virtual servers with every real server up through {@link IpvsReconciler}, as keepalived does at
 * start when no checker has failed yet, in one batch ({@link IpvsReconciler#inOneBatch}: many requests per netlink
 * datagram), and leaves the table. Run by run-ipvs-bench.sh inside the IPVS VM, compiled
 * beforehand: {@code java -cp CLASSES:'packaging/target/lib/*' IpvsBench FILE}. Prints, in milliseconds, the config
 * load, the socket's opening (the native binding's first use and the family lookup) and the install; exit 1 when the
 * kernel refused a command.
 */
public final class IpvsBench {

    private static final int REPLY_TIMEOUT_MILLIS = 10_000;

    public static void main(String[] args) throws Exception {
        long loadStart = System.nanoTime();
        LoadResult loaded = ConfigLoader.load(new LoadOptions(args[0], "bench", false, false, LiveHost.system(),
                new SplittableRandom(1)));
        LvsConfig config = loaded.config().orElseThrow(() -> new IllegalStateException("no config in " + args[0]))
                .lvs();
        long openStart = System.nanoTime();
        boolean done;
        try (IpvsClient client = IpvsClient.open(1, REPLY_TIMEOUT_MILLIS)) {
            long installStart = System.nanoTime();
            IpvsReconciler reconciler = new IpvsReconciler(client, config);
            done = reconciler.inOneBatch(() -> {
                for (VirtualServer virtualServer : config.virtualServers()) {
                    reconciler.installVirtualServer(virtualServer);
                    for (RealServer server : virtualServer.realServers()) {
                        reconciler.addRealServer(virtualServer, server, server.weight());
                    }
                }
            });
            long end = System.nanoTime();
            System.out.printf("load_ms %d open_ms %d install_ms %d%n", (openStart - loadStart) / 1_000_000,
                    (installStart - openStart) / 1_000_000, (end - installStart) / 1_000_000);
        }
        System.exit(done ? 0 : 1);
    }
}
