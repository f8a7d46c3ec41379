package org.jkeepalived.healthcheck.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class PingProbeTest {

    @Test
    void anEchoRequestCarriesTheSequenceInHostOrderAndKeepalivedsFill() {
        byte[] request = PingProbe.echoRequest(false, 0x0102);

        assertEquals(PingProbe.HEADER_BYTES + PingProbe.PAYLOAD_BYTES, request.length);
        String sequence = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? "0201" : "0102";
        assertEquals("08000000" + "0000" + sequence,
                HexFormat.of().formatHex(Arrays.copyOf(request, PingProbe.HEADER_BYTES)));
        String payload = new String(request, PingProbe.HEADER_BYTES, PingProbe.PAYLOAD_BYTES,
                StandardCharsets.US_ASCII);
        String fill = "keepalived check - ";
        assertEquals(fill.repeat(6) + fill.substring(0, PingProbe.PAYLOAD_BYTES - 6 * fill.length()), payload);
    }

    @Test
    void anIpv6EchoRequestHasTypeOneHundredAndTwentyEight() {
        assertEquals((byte) 128, PingProbe.echoRequest(true, 0)[0]);
    }
}
