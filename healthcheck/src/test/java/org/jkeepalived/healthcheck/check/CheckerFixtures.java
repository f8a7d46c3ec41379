package org.jkeepalived.healthcheck.check;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jkeepalived.config.lvs.CheckerTiming;
import org.jkeepalived.config.lvs.ConnectionOptions;
import org.jkeepalived.config.lvs.HttpCheck;
import org.jkeepalived.healthcheck.http.HttpResponse;

/** Model values for tests that need a checker without a configuration file. */
final class CheckerFixtures {

    private CheckerFixtures() {
    }

    static HttpCheck httpCheck(CheckerTiming timing, String... paths) {
        ConnectionOptions connection = new ConnectionOptions(InetAddress.getLoopbackAddress(), 80, Optional.empty(),
                0, Optional.empty(), 1_000_000, 0);
        List<HttpCheck.Url> urls = Arrays.stream(paths).map(path -> new HttpCheck.Url(path, Optional.empty(),
                List.of(), Optional.empty(), Optional.empty())).toList();
        return new HttpCheck(null, timing, connection, false, HttpCheck.HttpVersion.HTTP_1_0, Optional.empty(),
                false, false, urls);
    }

    static HttpResponse response(int statusCode) {
        return new HttpResponse(true, statusCode, -1, 0, new byte[16]);
    }
}
