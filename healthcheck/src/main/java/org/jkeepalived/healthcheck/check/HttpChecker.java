package org.jkeepalived.healthcheck.check;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jkeepalived.config.lvs.HttpCheck;
import org.jkeepalived.healthcheck.http.HttpFailure;
import org.jkeepalived.healthcheck.http.HttpGetResult;
import org.jkeepalived.healthcheck.http.HttpGetTarget;
import org.jkeepalived.healthcheck.http.HttpProtocol;
import org.jkeepalived.healthcheck.http.HttpRequest;
import org.jkeepalived.healthcheck.http.HttpResponseObserver;
import org.jkeepalived.healthcheck.probe.SocketTarget;

/** HTTP_GET and SSL_GET: up while every url answers as configured, fetched one per attempt. */
final class HttpChecker extends LoopingChecker {
    private final CheckerContext context;
    private final HttpCheck check;
    private final SocketTarget socket;
    private final HttpEpilog epilog;
    /** Each url's compiled regex, in the order of the urls. */
    private final List<Optional<UrlRegexMatcher>> regexes;
    private long attempts;

    HttpChecker(CheckerTarget target, CheckerVerdicts verdicts, CheckerContext context, HttpCheck check) {
        super(target, verdicts, context.eventLoop(), context.firstDelayMicros(check.timing()));
        this.context = context;
        this.check = check;
        this.socket = CheckerContext.socketTarget(check.connection());
        this.epilog = new HttpEpilog(check, CheckerNames.server(target),
                CheckerNames.virtualServer(target.virtualServer()), context.logAllFailures());
        this.regexes = check.urls().stream()
                .map(url -> url.regex().flatMap(regex -> UrlRegexMatcher.compile(regex, LOG::info))).toList();
    }

    @Override
    protected void attempt() {
        HttpCheck.Url url = epilog.currentUrl();
        long attempt = ++attempts;
        HttpGetTarget get = new HttpGetTarget(socket.destination(), socket.bindTo(), socket.fwmark(),
                Math.min(socket.timeoutMicros(), 0xffff_ffffL), tls(url), new HttpRequest(url.path(), protocol(),
                hostHeader(url).orElse(null)));
        Optional<UrlRegexMatcher> regex = regexes.get(epilog.currentUrlIndex());
        Optional<UrlRegexMatcher.Subject> subject = regex.map(UrlRegexMatcher::subject);
        HttpResponseObserver observer = subject.<HttpResponseObserver>map(s -> s).orElse(HttpResponseObserver.NONE);
        context.httpClient().fetch(get, observer).thenAccept(result -> {
            // a stopped and restarted checker must not take the answer of an attempt it abandoned
            if (attempt == attempts) {
                conclude(decision(result, subject.map(s -> regex.get().passesOn(s.matched()))));
            }
        });
    }

    @Override
    protected void abandon() {
        attempts++;
    }

    private Decision decision(HttpGetResult result, Optional<Boolean> regexPasses) {
        if (result instanceof HttpGetResult.Failed failed) {
            return switch (failed.failure()) {
                case SOCKET_CREATION_FAILED, SOCKET_BIND_FAILED ->
                        epilog.rescheduled(failed.failure().keepalivedText());
                default -> epilog.failed(failed.failure().keepalivedText());
            };
        }
        HttpGetResult.Received received = (HttpGetResult.Received) result;
        Optional<HttpFailure> failure = received.failure();
        return failure.isPresent() ? epilog.failed(failure.get().keepalivedText())
                : epilog.responded(received.response(), regexPasses);
    }

    /** http_request_thread: the url's virtualhost, else the checker's, the real server's, the virtual server's. */
    private Optional<String> hostHeader(HttpCheck.Url url) {
        return Stream.of(url.virtualhost(), check.virtualhost(), target.realServer().virtualhost(),
                target.virtualServer().virtualhost()).flatMap(Optional::stream).findFirst();
    }

    /** ssl_connect sends as SNI the url's, the checker's or the virtual server's virtualhost, not the real server's. */
    private HttpGetTarget.Tls tls(HttpCheck.Url url) {
        if (!check.tls()) {
            return null;
        }
        Optional<String> sni = !check.enableSni() ? Optional.empty()
                : Stream.of(url.virtualhost(), check.virtualhost(), target.virtualServer().virtualhost())
                        .flatMap(Optional::stream).findFirst();
        return new HttpGetTarget.Tls(sni.orElse(null));
    }

    private HttpProtocol protocol() {
        return switch (check.httpProtocol()) {
            case HTTP_1_0 -> HttpProtocol.HTTP_1_0;
            case HTTP_1_0C -> HttpProtocol.HTTP_1_0C;
            case HTTP_1_1 -> HttpProtocol.HTTP_1_1;
        };
    }
}
