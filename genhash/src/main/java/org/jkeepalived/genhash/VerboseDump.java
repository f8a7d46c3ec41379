package org.jkeepalived.genhash;

import java.io.PrintStream;
import org.jkeepalived.healthcheck.http.HttpResponseObserver;

/** What genhash -v prints as the response arrives, with keepalived 2.2.7's banners (check_http.h). */
final class VerboseDump implements HttpResponseObserver {
    private static final String HEADER_HEX = banner("    HTTP Header Buffer    ");
    private static final String HEADER_ASCII = banner(" HTTP Header Ascii Buffer ");
    private static final String BODY_HEX = banner("        HTML Buffer        ");
    private static final String HASH = banner("    HTML hash resulting    ");
    private static final String HASH_FINAL = banner(" HTML hash final resulting ");

    private final PrintStream out;

    VerboseDump(PrintStream out) {
        this.out = out;
    }

    private static String banner(String title) {
        return "-----------------------[" + title + "]-----------------------\n";
    }

    @Override
    public void headerBufferRead() {
        out.print(HEADER_HEX);
    }

    @Override
    public void header(byte[] buffer, int length) {
        out.print(HexDump.format(buffer, 0, length));
        out.print(HEADER_ASCII);
        // printf("%.*s\n"): the header as bytes, up to a NUL
        int printed = 0;
        while (printed < length && buffer[printed] != 0) {
            printed++;
        }
        out.write(buffer, 0, printed);
        out.print('\n');
    }

    @Override
    public void bodyDigested(byte[] buffer, int offset, int length, boolean firstOfBody) {
        if (firstOfBody) {
            out.print(BODY_HEX);
        }
        out.print(HexDump.format(buffer, offset, length));
    }

    /** dump_digest, at the end of a stream that ended in order. */
    void digest(byte[] md5) {
        out.print('\n');
        out.print(HASH);
        out.print(HexDump.format(md5, 0, md5.length));
        out.print(HASH_FINAL);
    }
}
