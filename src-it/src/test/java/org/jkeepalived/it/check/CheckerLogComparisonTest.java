package org.jkeepalived.it.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jkeepalived.config.ConfigLoader;
import org.jkeepalived.config.KeepalivedConfig;
import org.jkeepalived.config.LoadOptions;
import org.jkeepalived.config.lvs.RealServer;
import org.jkeepalived.config.lvs.VirtualServer;
import org.jkeepalived.config.value.LiveHost;
import org.jkeepalived.healthcheck.check.CheckerNames;
import org.jkeepalived.healthcheck.check.CheckerTarget;
import org.jkeepalived.healthcheck.check.CheckerVerdicts;
import org.jkeepalived.healthcheck.check.Checkers;
import org.jkeepalived.healthcheck.check.RunningChecker;
import org.jkeepalived.healthcheck.http.HttpGetClient;
import org.jkeepalived.healthcheck.http.HttpGetTarget;
import org.jkeepalived.healthcheck.http.HttpProtocol;
import org.jkeepalived.healthcheck.http.HttpRequest;
import org.jkeepalived.healthcheck.http.HttpResponseObserver;
import org.jkeepalived.healthcheck.net.CheckerEventLoop;
import org.jkeepalived.libc.NetworkNamespace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * checkers.conf's scenario (servers up, a dynamic weight, servers down, servers back) run through our Checkers in a
 * namespace of its own, and compared, server by server, with the log keepalived 2.2.7's checker process wrote for the
 * same scenario in the IPVS VM (checker-scenario.sh, kept in keepalived-2.2.7-checkers.log): the same checker lines
 * in the same order, and the same up/down changes as keepalived's "Removing"/"Adding service" lines.
 */
class CheckerLogComparisonTest {
    private static final String RESOURCES = "/org/jkeepalived/it/check/";
    /** Where checker-scenario.sh kept its scripts in the VM; our temporary directory is renamed to it. */
    private static final String KEEPALIVED_DIR = "/tmp/jkcheck";
    private static final String PAGE = "keepalived checker scenario\n";
    private static final int WEB_PORT = 8080;
    private static final int UDP_PORT = 5353;
    private static final long WARM_UP_TIMEOUT_MICROS = 30_000_000;
    private static final Pattern SERVER = Pattern.compile("\\[127\\.0\\.0\\.\\d+\\]:(?:tcp|udp):\\d+");
    /** The pool's lines (with the activations) and the parser's, which the checkers do not write. */
    private static final Pattern NOT_A_CHECKER_LINE = Pattern.compile(
            "(Removing|Adding|Shutting down) service .*|Changing weight .*|Activating healthchecker .*|WARNING - .*");
    private static final Pattern POOL_CHANGE = Pattern.compile("(Removing|Adding) service (\\S+) .*");

    @TempDir
    Path dir;

    @Test
    void ourCheckersLogWhatKeepalivedsCheckerProcessLoggedForTheSameScenario() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root for a network namespace");
        List<String> keepalivedLog = resourceLines("keepalived-2.2.7-checkers.log");

        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger("org.jkeepalived.healthcheck");
        logger.setLevel(Level.INFO);
        logs.start();
        logger.addAppender(logs);
        Map<String, List<String>> ourVerdicts = Collections.synchronizedMap(new TreeMap<>());
        try (ScenarioNamespace namespace = ScenarioNamespace.create();
             CheckerEventLoop loop = CheckerEventLoop.start()) {
            runScenario(namespace.name(), loop, ourVerdicts);
        } finally {
            logger.detachAppender(logs);
        }
        List<String> ourLog = logs.list.stream().map(ILoggingEvent::getFormattedMessage)
                .map(line -> line.replace(dir.toString(), KEEPALIVED_DIR)).toList();

        assertEquals(checkerLinesByServer(keepalivedLog), checkerLinesByServer(ourLog), String.join("\n", ourLog));
        assertEquals(stateChangesByServer(keepalivedLog), ourVerdicts);
    }

    private void runScenario(String namespace, CheckerEventLoop loop, Map<String, List<String>> verdicts)
            throws Exception {
        Files.createDirectories(dir.resolve("www"));
        Files.writeString(dir.resolve("www/ok.html"), PAGE);
        script("misc.sh", "test -e " + dir.resolve("flag"));
        script("dynamic.sh", "exit $(cat " + dir.resolve("dynamic") + ")");
        Path config = Files.writeString(dir.resolve("keepalived.conf"),
                resource("checkers.conf").replace("@DIR@", dir.toString()));
        KeepalivedConfig keepalived = ConfigLoader.load(new LoadOptions(config.toString(), "testhost", false, false,
                LiveHost.system(), new Random(0))).config().orElseThrow();

        // every socket of the checkers is made on the loop's thread, which stays in the namespace
        loop.group().submit(() -> NetworkNamespace.enter(namespace)).sync();
        Servers servers = new Servers(namespace);
        Checkers checkers = new Checkers(loop, Checkers.Settings.of(Optional.empty(), false, new Random(0)));
        List<RunningChecker> running = new ArrayList<>();
        try {
            servers.up();
            warmUp(loop);
            Thread.sleep(1000);
            loop.group().submit(() -> start(keepalived, checkers, running, verdicts)).sync();
            Thread.sleep(8000);
            Files.writeString(dir.resolve("dynamic"), "7\n");
            Thread.sleep(6000);
            servers.down();
            Thread.sleep(10_000);
            servers.up();
            Thread.sleep(8000);
        } finally {
            loop.group().submit(() -> {
                running.forEach(RunningChecker::stop);
                checkers.close();
            }).sync();
            servers.down();
        }
    }

    /**
     * One fetch before the scenario, so that loading the HTTP server's and client's classes is not counted against
     * the scenario's one-second connect_timeout: keepalived, in C, has nothing to load.
     */
    private static void warmUp(CheckerEventLoop loop) throws Exception {
        HttpRequest request = new HttpRequest("/ok.html", HttpProtocol.HTTP_1_0, null);
        InetSocketAddress server = new InetSocketAddress(InetAddress.getByName("127.0.0.2"), WEB_PORT);
        HttpGetTarget target = new HttpGetTarget(server, null, 0, WARM_UP_TIMEOUT_MICROS, null, request);
        HttpGetClient client = new HttpGetClient(loop);
        loop.group().submit(() -> client.fetch(target, new HttpResponseObserver() { })).get().get();
    }

    private static void start(KeepalivedConfig config, Checkers checkers, List<RunningChecker> running,
                              Map<String, List<String>> verdicts) {
        // a first verdict comes even when it leaves the checker as it started (up: the scenario has no alpha); the
        // pool logs only changes
        Map<CheckerTarget, Boolean> states = new HashMap<>();
        CheckerVerdicts recorder = new CheckerVerdicts() {
            @Override
            public void stateChanged(CheckerTarget checker, boolean up) {
                boolean before = states.getOrDefault(checker, true);
                states.put(checker, up);
                if (before != up) {
                    verdicts.computeIfAbsent(CheckerNames.server(checker), key -> new ArrayList<>())
                            .add(up ? "up" : "down");
                }
            }

            @Override
            public void weightChanged(CheckerTarget checker, long weight) {
            }

            @Override
            public void weightShareSet(CheckerTarget checker, long weightShare) {
            }
        };
        for (VirtualServer vs : config.lvs().virtualServers()) {
            for (RealServer rs : vs.realServers()) {
                for (int index = 0; index < rs.checkers().size(); index++) {
                    RunningChecker checker = checkers.create(
                            new CheckerTarget(vs, rs, rs.checkers().get(index), index), recorder);
                    running.add(checker);
                    checker.start();
                }
            }
        }
    }

    /** The web server, the UDP server, the flag and the dynamic script's status, as checker-scenario.sh sets them. */
    private final class Servers {
        private final String namespace;
        private HttpServer web;
        private DatagramSocket udp;

        Servers(String namespace) {
            this.namespace = namespace;
        }

        void up() throws IOException {
            web = NetworkNamespace.callIn(namespace, () -> HttpServer.create(new InetSocketAddress(WEB_PORT), 50));
            web.createContext("/", exchange -> {
                boolean found = exchange.getRequestURI().getPath().equals("/ok.html");
                byte[] body = (found ? PAGE : "404 Not Found\n").getBytes(StandardCharsets.US_ASCII);
                exchange.sendResponseHeaders(found ? 200 : 404, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            web.start();
            udp = NetworkNamespace.callIn(namespace,
                    () -> new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.9"), UDP_PORT)));
            DatagramSocket socket = udp;
            Thread receiver = new Thread(() -> {
                byte[] buffer = new byte[2048];
                try {
                    while (true) {
                        socket.receive(new DatagramPacket(buffer, buffer.length));
                    }
                } catch (IOException closed) {
                    // down() closed the socket
                }
            }, "scenario-udp");
            receiver.setDaemon(true);
            receiver.start();
            Files.writeString(dir.resolve("flag"), "");
            Files.writeString(dir.resolve("dynamic"), "0\n");
        }

        void down() throws IOException {
            if (web != null) {
                web.stop(0);
                web = null;
            }
            if (udp != null) {
                udp.close();
                udp = null;
            }
            Files.deleteIfExists(dir.resolve("flag"));
            Files.writeString(dir.resolve("dynamic"), "1\n");
        }
    }

    private void script(String name, String command) throws IOException {
        Path script = Files.writeString(dir.resolve(name), "#!/bin/sh\n" + command + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** Each real server's checker lines, in order, keyed by the server as the lines name it. */
    private static Map<String, List<String>> checkerLinesByServer(List<String> log) {
        Map<String, List<String>> byServer = new TreeMap<>();
        for (String line : log) {
            Matcher server = SERVER.matcher(line);
            if (server.find() && !NOT_A_CHECKER_LINE.matcher(line).matches()) {
                byServer.computeIfAbsent(server.group(), key -> new ArrayList<>()).add(line);
            }
        }
        return byServer;
    }

    /** Each real server's up and down changes, as keepalived's pool logged them. */
    private static Map<String, List<String>> stateChangesByServer(List<String> log) {
        Map<String, List<String>> byServer = new TreeMap<>();
        for (String line : log) {
            Matcher change = POOL_CHANGE.matcher(line);
            if (change.matches()) {
                byServer.computeIfAbsent(change.group(2), key -> new ArrayList<>())
                        .add(change.group(1).equals("Adding") ? "up" : "down");
            }
        }
        return byServer;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = CheckerLogComparisonTest.class.getResourceAsStream(RESOURCES + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> resourceLines(String name) throws IOException {
        return resource(name).lines().toList();
    }
}
