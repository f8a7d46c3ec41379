package org.jkeepalived.healthcheck.check;

import java.util.List;
import java.util.Optional;
import org.jkeepalived.config.lvs.CheckerTiming;
import org.jkeepalived.config.lvs.HttpCheck;
import org.jkeepalived.healthcheck.http.HttpResponse;
import org.jkeepalived.healthcheck.http.StatusCodes;

/**
 * keepalived 2.2.7's HTTP_GET and SSL_GET decisions (check_http.c: epilog, timeout_epilog, http_handle_response):
 * the urls are fetched in turn, one per delay_loop, and the checker is up once all of them have passed in a row.
 */
final class HttpEpilog extends Epilog {
    private static final int NONE = -1;

    private enum Method { NEW, RETRY, FAILED }

    private final List<HttpCheck.Url> urls;
    private final List<StatusCodes> statusCodes;
    private final boolean fastRecovery;
    private final String virtualServer;
    /** url->len_mismatch: the last content length mismatch logged for each url, so that it is logged once. */
    private final long[] lengthMismatches;
    private int urlIt;
    private int failedUrl = NONE;

    HttpEpilog(HttpCheck check, String server, String virtualServer, boolean globalLogAllFailures) {
        super(check.timing(), server, globalLogAllFailures);
        this.urls = check.urls();
        this.statusCodes = urls.stream().map(HttpEpilog::statusCodes).toList();
        this.fastRecovery = check.fastRecovery();
        this.virtualServer = virtualServer;
        this.lengthMismatches = new long[urls.size()];
    }

    /** The url the next attempt fetches. */
    HttpCheck.Url currentUrl() {
        return urls.get(urlIt);
    }

    /** The position of {@link #currentUrl} among the checker's urls. */
    int currentUrlIndex() {
        return urlIt;
    }

    /** timeout_epilog: the attempt failed with keepalived's {@code message} ("Timeout connecting", ...). */
    Decision failed(String message) {
        if (up || !hasRun) {
            if (logAllFailures) {
                log(message + " server " + server + ".");
            }
            hasRun = true;
            return epilog(Method.RETRY);
        }
        return epilog(Method.FAILED);
    }

    /**
     * http_handle_response: the stream ended with {@code response}.
     *
     * @param regexPasses whether the url's regex (with regex_no_match) accepted the body; empty without a regex
     */
    Decision responded(HttpResponse response, Optional<Boolean> regexPasses) {
        if (!response.headerSeen()) {
            return failed("Read, no data received from ");
        }
        HttpCheck.Url url = currentUrl();
        if (!statusCodes.get(urlIt).accepts(response.statusCode())) {
            return failed("HTTP status code error to");
        }
        noteLengthMismatch(url, response);
        String what = "HTTP status code";
        if (url.digestHex().isPresent()) {
            if (!url.digestHex().get().equalsIgnoreCase(response.md5Hex())) {
                return failed("MD5 digest error to");
            }
            what = "MD5 digest";
        }
        if (regexPasses.isPresent()) {
            if (!regexPasses.get()) {
                return failed("Regex match failed");
            }
            what = "Regex match";
        }
        if (!up) {
            log(what + " success to " + server + " url(" + url.path() + ")");
        }
        return epilog(Method.NEW);
    }

    private void noteLengthMismatch(HttpCheck.Url url, HttpResponse response) {
        if (!response.contentLengthMismatch()) {
            lengthMismatches[urlIt] = 0;
            return;
        }
        long mismatch = response.contentLength() - response.bodyBytesReceived();
        if (lengthMismatches[urlIt] != mismatch) {
            log("http_check for RS " + server + " VS " + virtualServer + " url " + url.virtualhost().orElse("")
                    + url.path() + ": content_length (" + Long.toUnsignedString(response.contentLength())
                    + ") does not match received bytes (" + response.bodyBytesReceived() + ")");
            lengthMismatches[urlIt] = mismatch;
        }
    }

    private Decision epilog(Method method) {
        if (method == Method.NEW) {
            urlIt = urlIt == urls.size() - 1 ? NONE : urlIt + 1;
            retryIt = 0;
        } else if (method == Method.RETRY) {
            retryIt++;
        }
        if (method == Method.NEW && urlIt == NONE && failedUrl == NONE) {
            if (!up || !hasRun) {
                log("Remote Web server " + server + " succeed on service.");
                updateState(true, "=> CHECK succeed on service <=");
            }
            urlIt = 0;
            retryIt = 0;
        } else if (method == Method.RETRY && retryIt > timing.retry()) {
            if (up || !hasRun) {
                log(hasRun && timing.retry() != 0
                        ? "HTTP_CHECK on service " + server + " failed after " + (retryIt - 1) + " retries."
                        : "HTTP_CHECK on service " + server + " failed.");
                updateState(false, "=> CHECK failed on service : HTTP request failed <=");
            }
            failedUrl = urlIt;
        } else if (method == Method.NEW && failedUrl != NONE) {
            failedUrl = NONE;
            urlIt = 0;
            retryIt = 0;
        }
        long delayMicros;
        if (method == Method.NEW) {
            delayMicros = timing.delayLoopMicros();
            if (!hasRun) {
                retryIt = timing.retry();
            }
        } else if (failedUrl != NONE) {
            delayMicros = Math.max(timing.delayBeforeRetryMicros(), timing.delayLoopMicros());
        } else {
            delayMicros = timing.delayBeforeRetryMicros();
        }
        if (fastRecovery && (!hasRun || (!up && failedUrl == NONE))) {
            delayMicros = 0;
        }
        return decide(delayMicros);
    }

    private static StatusCodes statusCodes(HttpCheck.Url url) {
        if (url.statusCodes().isEmpty()) {
            return StatusCodes.defaults();
        }
        return StatusCodes.ranges(url.statusCodes().stream()
                .map(range -> new int[] {range.first(), range.last()}).toArray(int[][]::new));
    }
}
