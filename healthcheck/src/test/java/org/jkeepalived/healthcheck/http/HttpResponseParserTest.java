package org.jkeepalived.healthcheck.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpResponseParserTest {
    private static final String EMPTY_MD5 = "d41d8cd98f00b204e9800998ecf8427e";

    private final List<String> events = new ArrayList<>();
    private final HttpResponseParser parser = new HttpResponseParser(new HttpResponseObserver() {
        @Override
        public void headerBufferRead() {
            events.add("header read");
        }

        @Override
        public void header(byte[] buffer, int length) {
            events.add("header " + length);
        }

        @Override
        public void bodyDigested(byte[] buffer, int offset, int length, boolean firstOfBody) {
            events.add((firstOfBody ? "first body " : "body ")
                    + new String(buffer, offset, length, StandardCharsets.ISO_8859_1));
        }
    });

    private HttpResponse parse(String... reads) {
        for (String read : reads) {
            byte[] bytes = read.getBytes(StandardCharsets.ISO_8859_1);
            parser.receive(bytes, 0, bytes.length);
        }
        return parser.finish();
    }

    private static String md5(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                .digest(text.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void theBodyIsHashedUpToContentLengthAndEverythingIsCounted() {
        HttpResponse response = parse("HTTP/1.0 200 OK\r\nContent-Length: 5\r\n\r\nhello world\n");
        assertTrue(response.headerSeen());
        assertEquals(200, response.statusCode());
        assertEquals("5d41402abc4b2a76b9719d911017c592", response.md5Hex());
        assertEquals(5, response.contentLength());
        assertEquals(12, response.bodyBytesReceived());
        assertTrue(response.contentLengthMismatch());
    }

    @Test
    void aChunkedBodyIsHashedWithItsFramingAsTheRealGenhashPrintsIt() {
        HttpResponse response = parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n",
                "c\r\nhello world\n\r\n0\r\n\r\n");
        assertEquals("05f37e0246afe558ca5391a506fd8fa8", response.md5Hex());
        assertFalse(response.declaredContentLength().isPresent());
        assertFalse(response.contentLengthMismatch());
    }

    @Test
    void contentLengthSpanningReadsCutsTheRightRead() throws Exception {
        HttpResponse response = parse("HTTP/1.0 200 OK\r\nContent-Length: 7\r\n", "\r\nabc", "defgh", "ij");
        assertEquals(md5("abcdefg"), response.md5Hex());
        assertEquals(10, response.bodyBytesReceived());
        assertEquals(List.of("header read", "header read", "header 38", "first body abc", "body defg"), events);
    }

    @Test
    void contentLengthIsMatchedCaseSensitively() throws Exception {
        assertEquals(md5("hello world"), parse("HTTP/1.0 200 OK\r\ncontent-length: 5\r\n\r\nhello world").md5Hex());
    }

    @Test
    void contentLengthIsFoundEvenInBodyBytesOfTheSameRead() throws Exception {
        assertEquals(md5("Conte"), parse("HTTP/1.0 200 OK\r\n\r\nContent-Length: 5\r\n").md5Hex());
    }

    @Test
    void contentLengthNotEndingItsLineIsIgnored() throws Exception {
        assertEquals(md5("hello"), fresh("HTTP/1.0 200 OK\r\nContent-Length: 3 \r\n\r\nhello").md5Hex());
        assertEquals(md5("hello"), fresh("HTTP/1.0 200 OK\r\nContent-Length: 3x\r\n\r\nhello").md5Hex());
    }

    @Test
    void contentLengthWithoutDigitsReadsAsZero() {
        HttpResponse response = parse("HTTP/1.0 200 OK\r\nContent-Length:\r\n\r\nhello");
        assertEquals(0, response.contentLength());
        assertEquals(EMPTY_MD5, response.md5Hex());
    }

    /** One response in one read, to a parser of its own. */
    private static HttpResponse fresh(String response) {
        HttpResponseParser own = new HttpResponseParser(HttpResponseObserver.NONE);
        byte[] bytes = response.getBytes(StandardCharsets.ISO_8859_1);
        own.receive(bytes, 0, bytes.length);
        return own.finish();
    }

    private static int statusOf(String statusLine) {
        return fresh(statusLine + "\r\n\r\n").statusCode();
    }

    @Test
    void theStatusCodeIsThreeCharactersBetweenSpacesReadByStrtoul() {
        assertEquals(404, statusOf("HTTP/1.1 404 Not Found"));
        assertEquals(0, statusOf("HTTP/1.1 2000 OK"));
        assertEquals(0, statusOf("HTTP/1.1 200"));
        assertEquals(0, statusOf("HTTP/1.1  200 OK"));
        assertEquals(0, statusOf("HTTP/1.1 2x0 OK"));
        assertEquals(20, statusOf("HTTP/1.1 +20 OK"));
        assertEquals(-20, statusOf("HTTP/1.1 -20 OK"));
    }

    @Test
    void anEndWithoutTheHeadersEndIsNoData() {
        HttpResponse response = parse("HTTP/1.0 200 OK\r\n");
        assertFalse(response.headerSeen());
        assertEquals(EMPTY_MD5, response.md5Hex());
    }

    @Test
    void aHeaderLongerThanTheBufferEndsTheStream() {
        byte[] header = ("HTTP/1.0 200 OK\r\nX: " + "a".repeat(5000)).getBytes(StandardCharsets.US_ASCII);
        assertFalse(parser.receive(header, 0, header.length));
        assertTrue(parser.bufferFull());
        assertFalse(parser.finish().headerSeen());
    }
}
