package org.jkeepalived.healthcheck.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * DNS_CHECK against a responder on loopback. keepalived 2.2.7's dns_recv_thread reads only the id, the QR bit and
 * the rcode of the reply, so an answer of another type than asked is a success all the same.
 */
class DnsResponderTest extends CheckerTestBase {
    private static final int TYPE_A = 1;
    private static final int TYPE_TXT = 16;
    /** The question of "www.example.test" type A class IN, as the query carries it after its 12-byte header. */
    private static final byte[] QUESTION = {3, 'w', 'w', 'w', 7, 'e', 'x', 'a', 'm', 'p', 'l', 'e', 4, 't', 'e', 's',
        't', 0, 0, TYPE_A, 0, 1};
    private static final int HEADER_BYTES = 12;

    private final List<byte[]> queries = new CopyOnWriteArrayList<>();
    private DatagramSocket responder;

    @AfterEach
    void stopResponder() {
        if (responder != null) {
            responder.close();
        }
    }

    /** Answers every query with NOERROR and one record of {@code answerType} for the name asked. */
    private int respondWith(int answerType) throws IOException {
        responder = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[512];
            try {
                while (true) {
                    DatagramPacket query = new DatagramPacket(buffer, buffer.length);
                    responder.receive(query);
                    byte[] asked = Arrays.copyOf(query.getData(), query.getLength());
                    queries.add(asked);
                    byte[] reply = answer(asked, answerType);
                    responder.send(new DatagramPacket(reply, reply.length, query.getSocketAddress()));
                }
            } catch (IOException e) {
                // closed at the end of the test
            }
        });
        thread.setDaemon(true);
        thread.start();
        return responder.getLocalPort();
    }

    /** The query with QR and RA set, rcode 0, one answer: the name (by pointer), the type, IN, a TTL, 4 bytes. */
    private static byte[] answer(byte[] query, int type) {
        byte[] header = Arrays.copyOf(query, query.length);
        header[2] = (byte) (header[2] | 0x80);
        header[3] = (byte) 0x80;
        header[7] = 1;
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        reply.writeBytes(header);
        reply.writeBytes(new byte[] {(byte) 0xc0, HEADER_BYTES, 0, (byte) type, 0, 1, 0, 0, 0, 60, 0, 4,
            127, 0, 0, 1});
        return reply.toByteArray();
    }

    private void startDnsCheck(int port) throws IOException {
        checker.start(port, """
                DNS_CHECK {
                    type A
                    name www.example.test
                    connect_timeout 5
                    retry 0
                    alpha
                }
                """);
    }

    @Test
    void anAnswerOfTheTypeAskedBringsTheServerUp() throws Exception {
        startDnsCheck(respondWith(TYPE_A));
        assertEquals("up", checker.nextVerdict());
        byte[] query = queries.get(0);
        assertEquals(0x01, query[2], "recursion desired");
        assertArrayEquals(QUESTION, Arrays.copyOfRange(query, HEADER_BYTES, query.length));
    }

    @Test
    void aNoErrorAnswerOfAnotherTypeStillBringsTheServerUp() throws Exception {
        startDnsCheck(respondWith(TYPE_TXT));
        assertEquals("up", checker.nextVerdict());
    }
}
