package org.jkeepalived.healthcheck.probe;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/** DNS_CHECK's query and its reading of the answer, as keepalived 2.2.7's dns_make_query and dns_recv_thread. */
public final class DnsQuery {
    /** keepalived's DNS_TYPE table. */
    private static final Map<String, Integer> TYPES = Map.of("A", 1, "NS", 2, "CNAME", 5, "SOA", 6, "MX", 15,
            "TXT", 16, "AAAA", 28, "RRSIG", 46, "DNSKEY", 48);
    private static final int RECURSION_DESIRED = 0x0100;
    private static final int CLASS_IN = 1;
    /** keepalived compares with sizeof a pointer rather than of the header: shorter replies are ignored. */
    private static final int SHORTEST_REPLY_BYTES = 8;

    /** What one received datagram means. */
    public sealed interface Answer {
        /** Not the answer: too short, another id, or not a response; keepalived keeps waiting. */
        record Ignored() implements Answer {
        }

        record Succeeded() implements Answer {
        }

        record Failed(int rcode) implements Answer {
        }
    }

    private DnsQuery() {
    }

    /** The type's number, or 0 when keepalived does not know it (it refuses such a configuration). */
    public static int typeNumber(String type) {
        return TYPES.getOrDefault(type.toUpperCase(Locale.ROOT), 0);
    }

    /** The query: header with recursion desired, the name as labels split at dots, the type, class IN. */
    public static byte[] build(int id, int type, String name) {
        ByteArrayOutputStream query = new ByteArrayOutputStream();
        writeShort(query, id);
        writeShort(query, RECURSION_DESIRED);
        writeShort(query, 1);
        writeShort(query, 0);
        writeShort(query, 0);
        writeShort(query, 0);
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        int start = 0;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '.') {
                end++;
            }
            query.write(end - start);
            query.write(bytes, start, end - start);
            start = end < bytes.length ? end + 1 : end;
        }
        // the root written as "." already ended with its empty label
        if (!name.equals(".")) {
            query.write(0);
        }
        writeShort(query, type);
        writeShort(query, CLASS_IN);
        return query.toByteArray();
    }

    public static Answer read(byte[] query, byte[] reply) {
        if (reply.length < SHORTEST_REPLY_BYTES || reply[0] != query[0] || reply[1] != query[1]) {
            return new Answer.Ignored();
        }
        int flags = (reply[2] & 0xff) << 8 | (reply[3] & 0xff);
        if ((flags & 0x8000) == 0) {
            return new Answer.Ignored();
        }
        int rcode = flags & 0x000f;
        return rcode != 0 ? new Answer.Failed(rcode) : new Answer.Succeeded();
    }

    private static void writeShort(ByteArrayOutputStream out, int value) {
        out.write(value >> 8 & 0xff);
        out.write(value & 0xff);
    }
}
