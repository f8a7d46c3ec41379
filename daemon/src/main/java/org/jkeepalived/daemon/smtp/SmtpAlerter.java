package org.jkeepalived.daemon.smtp;

import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jkeepalived.config.global.GlobalDefs;
import org.slf4j.Logger;

/**
 * Sends {@code smtp_alert} mail on a single thread of its own, so that neither the VRRP loop nor the checker loop
 * ever waits for a mail server: keepalived 2.2.7 holds its SMTP conversations on its event loops without blocking
 * them. Mails go out one after the other, in the order they were asked for.
 */
public final class SmtpAlerter implements AutoCloseable {

    /** How long closing waits for a mail being sent. */
    private static final long CLOSE_WAIT_SECS = 5;

    private final Function<GlobalDefs, Optional<SmtpSettings>> settingsOf;
    private final Supplier<ZonedDateTime> clock;
    private final Logger log;
    private final boolean logDetail;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "smtp");
        thread.setDaemon(true);
        return thread;
    });
    /** Written by the thread that (re)loads the config, read by the loops that alert. */
    private volatile Optional<SmtpSettings> settings = Optional.empty();

    /**
     * @param settingsOf the mail settings of a config's {@code global_defs}, empty when it sends none
     * @param clock      the local time for the {@code Date:} header
     * @param logDetail  keepalived's {@code --log-detail}: log the connection and the success
     */
    public SmtpAlerter(Function<GlobalDefs, Optional<SmtpSettings>> settingsOf, Supplier<ZonedDateTime> clock,
                       Logger log, boolean logDetail) {
        this.settingsOf = settingsOf;
        this.clock = clock;
        this.log = log;
        this.logDetail = logDetail;
    }

    /** Takes the mail settings of the config starting, or of the config a reload applies. */
    public void configure(GlobalDefs global) {
        settings = settingsOf.apply(global);
    }

    /** The {@code router_id} subjects are prefixed with, while mail is configured. */
    public Optional<String> routerId() {
        return settings.map(SmtpSettings::routerId);
    }

    /** Queues a mail whose subject has no prefix yet: it gets {@code [router_id] }. Nothing without mail settings. */
    public void send(String subject, String body) {
        settings.ifPresent(current -> queue(current, AlertMail.of(current.routerId(), subject, body)));
    }

    /** Queues a mail with its subject complete. Nothing without mail settings. */
    public void send(AlertMail mail) {
        settings.ifPresent(current -> queue(current, mail));
    }

    private void queue(SmtpSettings current, AlertMail mail) {
        ZonedDateTime now = clock.get();
        try {
            sender.execute(() -> new SmtpDialogue(current, log, logDetail).send(mail, now));
        } catch (RejectedExecutionException e) {
            log.debug("SMTP alert not sent after shutdown: {}", mail.subject());
        }
    }

    /** Lets the mails already queued go, for a few seconds at most; later ones are dropped. */
    @Override
    public void close() throws InterruptedException {
        sender.shutdown();
        if (!sender.awaitTermination(CLOSE_WAIT_SECS, TimeUnit.SECONDS)) {
            sender.shutdownNow();
        }
    }
}
