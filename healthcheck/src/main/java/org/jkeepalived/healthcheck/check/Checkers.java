package org.jkeepalived.healthcheck.check;

import io.netty.channel.EventLoop;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.File;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import org.jkeepalived.config.lvs.BfdCheck;
import org.jkeepalived.config.lvs.Checker;
import org.jkeepalived.config.lvs.DnsCheck;
import org.jkeepalived.config.lvs.FileCheck;
import org.jkeepalived.config.lvs.HttpCheck;
import org.jkeepalived.config.lvs.MiscCheck;
import org.jkeepalived.config.lvs.PingCheck;
import org.jkeepalived.config.lvs.SmtpCheck;
import org.jkeepalived.config.lvs.SslContext;
import org.jkeepalived.config.lvs.TcpCheck;
import org.jkeepalived.config.lvs.UdpCheck;
import org.jkeepalived.config.value.ScriptIdentity;
import org.jkeepalived.config.vrrp.TrackFile;
import org.jkeepalived.healthcheck.http.HttpGetClient;
import org.jkeepalived.healthcheck.net.CheckerEventLoop;
import org.jkeepalived.healthcheck.probe.PingGroupRange;
import org.jkeepalived.healthcheck.probe.PingProbe;
import org.jkeepalived.healthcheck.script.ScriptLauncher;

/** The checkers of keepalived 2.2.7 on the checker event loop: one {@link RunningChecker} per configured checker. */
public final class Checkers implements CheckerFactory, AutoCloseable {
    /** BOOTSTRAP_DELAY: keepalived starts its checkers one second after it has read the configuration. */
    public static final long BOOTSTRAP_DELAY_MICROS = 1_000_000;

    private final CheckerContext context;
    private final Map<String, TrackFile> trackFiles;
    private final TrackFileWatcher trackFileWatcher;
    /** keepalived's checked_ping_group_range: the first PING_CHECK widens the range, once. */
    private boolean pingGroupsChecked;
    private Optional<PingGroupRange> widenedPingGroups = Optional.empty();

    /**
     * @param settings what the checkers need from the configuration and the host
     */
    public Checkers(CheckerEventLoop loop, Settings settings) {
        EventLoop eventLoop = loop.group().next();
        this.context = new CheckerContext(loop, eventLoop, settings.checkerLogAllFailures(),
                settings.random(), settings.nanoClock(), settings.bootstrapDelayMicros(),
                new HttpGetClient(loop, tlsContext(settings.ssl())), new ScriptLauncher(settings.ourIdentity()),
                settings.scriptSearchPath(), new PingProbe(loop, eventLoop));
        this.trackFiles = settings.trackFiles();
        this.trackFileWatcher = new TrackFileWatcher(trackFiles, eventLoop, LoopingChecker.LOG::info);
    }

    /**
     * @param ssl                   the root SSL block (LvsConfig.ssl())
     * @param checkerLogAllFailures global_defs checker_log_all_failures
     * @param random                draws the warmup delays and DNS query ids
     * @param nanoClock             a monotonic clock, for MISC_CHECK's schedule counted from each script's start
     * @param ourIdentity           the uid and gid this process runs as; scripts of another identity run via setpriv
     * @param scriptSearchPath      PATH, where a script named without a slash is found
     * @param bootstrapDelayMicros  the delay before the first attempt, before warmup
     * @param trackFiles            the track_file blocks by name (VrrpConfig.trackFiles()), which FILE_CHECKs name
     */
    public record Settings(Optional<SslContext> ssl, boolean checkerLogAllFailures, RandomGenerator random,
                           LongSupplier nanoClock, ScriptIdentity ourIdentity, String scriptSearchPath,
                           long bootstrapDelayMicros, Map<String, TrackFile> trackFiles) {

        public Settings {
            trackFiles = Map.copyOf(trackFiles);
        }

        /** keepalived's: one second of bootstrap delay, the system clock and PATH, running as root. */
        public static Settings of(Optional<SslContext> ssl, boolean checkerLogAllFailures, RandomGenerator random) {
            String path = System.getenv("PATH");
            return new Settings(ssl, checkerLogAllFailures, random, System::nanoTime, ScriptIdentity.ROOT,
                    path != null ? path : "/usr/bin:/bin", BOOTSTRAP_DELAY_MICROS, Map.of());
        }

        public Settings withBootstrapDelayMicros(long micros) {
            return new Settings(ssl, checkerLogAllFailures, random, nanoClock, ourIdentity, scriptSearchPath, micros,
                    trackFiles);
        }

        public Settings withOurIdentity(ScriptIdentity identity) {
            return new Settings(ssl, checkerLogAllFailures, random, nanoClock, identity, scriptSearchPath,
                    bootstrapDelayMicros, trackFiles);
        }

        public Settings withTrackFiles(Map<String, TrackFile> files) {
            return new Settings(ssl, checkerLogAllFailures, random, nanoClock, ourIdentity, scriptSearchPath,
                    bootstrapDelayMicros, files);
        }
    }

    @Override
    public RunningChecker create(CheckerTarget target, CheckerVerdicts verdicts) {
        Checker checker = target.checker();
        if (checker instanceof TcpCheck tcp) {
            return new TcpChecker(target, verdicts, context, tcp);
        }
        if (checker instanceof HttpCheck http) {
            return new HttpChecker(target, verdicts, context, http);
        }
        if (checker instanceof MiscCheck misc) {
            return new MiscChecker(target, verdicts, context, misc);
        }
        if (checker instanceof SmtpCheck smtp) {
            return new SmtpChecker(target, verdicts, context, smtp);
        }
        if (checker instanceof DnsCheck dns) {
            return new DnsChecker(target, verdicts, context, dns);
        }
        if (checker instanceof UdpCheck udp) {
            return new UdpChecker(target, verdicts, context, udp);
        }
        if (checker instanceof PingCheck ping) {
            if (!pingGroupsChecked) {
                pingGroupsChecked = true;
                widenedPingGroups = PingGroupRange.widen(PingGroupRange.SYSCTL);
            }
            return new PingChecker(target, verdicts, context, ping);
        }
        if (checker instanceof FileCheck file) {
            return rule(file).<RunningChecker>map(rule -> new FileChecker(target, verdicts, trackFileWatcher,
                    file.trackFile(), rule)).orElseGet(InertChecker::new);
        }
        if (checker instanceof BfdCheck) {
            return new InertChecker();
        }
        throw new IllegalArgumentException(
                "checker: " + checker.getClass().getSimpleName() + " (expected a known type)");
    }

    /** A FILE_CHECK starts from its file's value; the others as keepalived starts them. */
    @Override
    public Optional<StartingState> startingState(CheckerTarget target) {
        if (!(target.checker() instanceof FileCheck file)) {
            return Optional.empty();
        }
        return rule(file).flatMap(rule -> trackFileWatcher.value(file.trackFile()).map(rule::startingState));
    }

    /** Empty when the settings lack the track_file the configuration checked: the checker then never changes. */
    private Optional<FileCheckRule> rule(FileCheck check) {
        return Optional.ofNullable(trackFiles.get(check.trackFile())).map(file -> FileCheckRule.of(check, file));
    }

    /**
     * keepalived's checker process stops watching its track files, and puts net.ipv4.ping_group_range back as it
     * found it, when it stops.
     */
    @Override
    public void close() {
        trackFileWatcher.close();
        widenedPingGroups.ifPresent(PingGroupRange::restore);
    }

    /**
     * build_ssl_ctx: the SSL block's certificate chain and key, when given, make the client's own identity; the
     * server's certificate is never verified (keepalived loads the CA file but sets no verify mode).
     */
    private static io.netty.handler.ssl.SslContext tlsContext(Optional<SslContext> ssl) {
        if (ssl.isEmpty() || ssl.get().certificateFile().isEmpty() || ssl.get().keyFile().isEmpty()) {
            return HttpGetClient.insecureTlsContext();
        }
        SslContext block = ssl.get();
        try {
            return HttpGetClient.tlsContext(SslContextBuilder.forClient().keyManager(
                    new File(block.certificateFile().get()), new File(block.keyFile().get()),
                    block.password().orElse(null)));
        } catch (RuntimeException e) {
            LoopingChecker.LOG.info("SSL error : Cant load key file...");
            LoopingChecker.LOG.info("Error Initialize SSL, ctx Instance");
            return HttpGetClient.insecureTlsContext();
        }
    }
}
