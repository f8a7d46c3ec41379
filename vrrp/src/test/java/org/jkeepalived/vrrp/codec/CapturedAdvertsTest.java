package org.jkeepalived.vrrp.codec;

import static org.jkeepalived.vrrp.codec.CaptureSettings.GROUP4;
import static org.jkeepalived.vrrp.codec.CaptureSettings.VIPS4;
import static org.jkeepalived.vrrp.codec.CaptureSettings.VIPS6;
import static org.jkeepalived.vrrp.codec.CaptureSettings.ip;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.net.Inet6Address;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Adverts captured from keepalived 2.2.7: decoded field by field, and encoded back byte for byte. */
class CapturedAdvertsTest {

    private static Decoded.Accepted accept(CapturedPacket packet) {
        ReceiverSettings settings = CaptureSettings.forVector(packet.name());
        ReceiverState state = ReceiverState.initial(CaptureSettings.checksumCompat(packet.name()));
        Decoded decoded = packet.isIpv6()
                ? VrrpCodec.decodeIpv6(packet.received(), packet.ipv6Reception(), settings, state)
                : VrrpCodec.decodeIpv4(packet.received(), settings, state);
        return assertInstanceOf(Decoded.Accepted.class, decoded, () -> decoded.logMessages().toString());
    }

    private static byte[] encode(CapturedPacket packet, VrrpAdvert advert, OptionalLong ahSequenceNumber) {
        ByteBuffer out = ByteBuffer.allocate(packet.receivedBytes().length);
        if (packet.isIpv6()) {
            VrrpCodec.encodeIpv6(advert, (Inet6Address) packet.source(), (Inet6Address) packet.destination(), out);
        } else {
            Ipv4Envelope envelope = Ipv4Envelope.of(packet.source4(), packet.destination4(), 255,
                    packet.ipv4Identification());
            if (packet.name().contains("-old-")) {
                envelope = envelope.withPseudoHeaderDestination(GROUP4);
            }
            if (ahSequenceNumber.isPresent()) {
                envelope = envelope.withAuthHeader(new Ipv4Envelope.AuthHeaderSigning(CaptureSettings.AH_KEY,
                        ahSequenceNumber.getAsLong(), packet.name().contains("ucast")));
            }
            VrrpCodec.encodeIpv4(advert, envelope, out);
        }
        assertEquals(0, out.remaining());
        return out.array();
    }

    @ParameterizedTest
    @ValueSource(strings = {"v2-pass-mcast", "v2-ah-mcast", "v2-none-mcast", "v3-ipv4-mcast", "v3-ipv6-mcast",
        "v2-pass-ucast", "v2-ah-ucast", "v3-ipv4-ucast", "v3-ipv4-ucast-old", "v3-ipv6-ucast"})
    void everyCapturedAdvertIsAcceptedAndRebuiltByteForByte(String scenario) {
        for (String which : List.of("-first", "-stop")) {
            CapturedPacket packet = CapturedPacket.load(scenario + which);
            Decoded.Accepted accepted = accept(packet);
            assertEquals(packet.source(), accepted.source());
            assertEquals(List.of(), accepted.logMessages());
            assertArrayEquals(packet.receivedBytes(), encode(packet, accepted.advert(), accepted.ahSequenceNumber()),
                    packet.name());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"v2-pass-mcast", "v2-ah-ucast", "v3-ipv4-ucast", "v3-ipv6-mcast"})
    void theStopAdvertIsTheFirstWithPriorityZero(String scenario) {
        CapturedPacket first = CapturedPacket.load(scenario + "-first");
        CapturedPacket stop = CapturedPacket.load(scenario + "-stop");
        assertEquals(accept(first).advert().withPriority(0), accept(stop).advert());
    }

    @Test
    void aVrrpV2PassAdvertCarriesThePaddedPassword() {
        VrrpAdvert advert = accept(CapturedPacket.load("v2-pass-mcast-first")).advert();
        assertEquals(VrrpVersion.V2, advert.version());
        assertEquals(AddressFamily.IPV4, advert.family());
        assertEquals(51, advert.virtualRouterId());
        assertEquals(150, advert.priority());
        assertEquals(AuthType.PASS, advert.authType());
        assertEquals(100, advert.maxAdvertIntervalCentis());
        assertEquals(VIPS4, advert.addresses());
        assertArrayEquals("s3cr3t\0\0".getBytes(StandardCharsets.US_ASCII), advert.authData());
        assertEquals(44, advert.lengthBytes() + VrrpCodec.IPV4_HEADER_BYTES);
    }

    @Test
    void aVrrpV2AdvertWithoutAuthenticationCarriesZeros() {
        VrrpAdvert advert = accept(CapturedPacket.load("v2-none-mcast-first")).advert();
        assertEquals(AuthType.NONE, advert.authType());
        assertEquals(List.of(VIPS4.get(0)), advert.addresses());
        assertArrayEquals(new byte[8], advert.authData());
    }

    @Test
    void anAhAdvertIsAcceptedOnceAndItsSequenceNumberAdopted() {
        CapturedPacket packet = CapturedPacket.load("v2-ah-mcast-first");
        Decoded.Accepted accepted = accept(packet);
        assertEquals(AuthType.AH, accepted.advert().authType());
        assertArrayEquals(new byte[8], accepted.advert().authData());
        assertEquals(OptionalLong.of(1), accepted.ahSequenceNumber());
        assertEquals(1, accepted.nextState().ahSequenceNumber());

        Decoded replay = VrrpCodec.decodeIpv4(packet.received(), CaptureSettings.forVector(packet.name()),
                accepted.nextState());
        Decoded.Dropped dropped = assertInstanceOf(Decoded.Dropped.class, replay);
        assertEquals(DropReason.AH_SEQUENCE, dropped.reason());
        assertEquals(List.of("(VI_1) IPSEC-AH : sequence number 1 already processed. Packet dropped. Local(1)"),
                dropped.logMessages());
    }

    @Test
    void aVrrpV3Ipv4AdvertCarriesItsIntervalInCentiseconds() {
        VrrpAdvert advert = accept(CapturedPacket.load("v3-ipv4-mcast-first")).advert();
        assertEquals(VrrpVersion.V3, advert.version());
        assertEquals(AuthType.NONE, advert.authType());
        assertEquals(50, advert.maxAdvertIntervalCentis());
        assertEquals(VIPS4, advert.addresses());
        assertEquals(0, advert.authData().length);
    }

    @Test
    void aVrrpV3Ipv6AdvertCarriesSixteenByteAddresses() {
        Decoded.Accepted accepted = accept(CapturedPacket.load("v3-ipv6-mcast-first"));
        assertEquals(ip("fe80::ff:fe00:1"), accepted.source());
        assertEquals(AddressFamily.IPV6, accepted.advert().family());
        assertEquals(VIPS6, accepted.advert().addresses());
        assertEquals(100, accepted.advert().maxAdvertIntervalCentis());
        assertEquals(40, accepted.advert().lengthBytes());
    }

    @Test
    void aUnicastVrrpV3ChecksumNamesThePeerInThePseudoHeader() {
        CapturedPacket standard = CapturedPacket.load("v3-ipv4-ucast-first");
        CapturedPacket old = CapturedPacket.load("v3-ipv4-ucast-old-first");
        assertEquals(accept(standard).advert(), accept(old).advert());
        assertFalse(Arrays.equals(standard.bytes(), old.bytes()));
    }

    @Test
    void anOldStyleUnicastChecksumSwitchesTheReceiverToTheOldMode() {
        CapturedPacket packet = CapturedPacket.load("v3-ipv4-ucast-old-first");
        Decoded decoded = VrrpCodec.decodeIpv4(packet.received(), CaptureSettings.forVector(packet.name()),
                ReceiverState.initial(UnicastChecksumCompat.NONE));
        Decoded.Accepted accepted = assertInstanceOf(Decoded.Accepted.class, decoded);
        assertEquals(List.of("(VI_1) Setting unicast VRRPv3 checksum to old version"), accepted.logMessages());
        assertEquals(UnicastChecksumCompat.AUTO, accepted.nextState().unicastChecksumCompat());
    }

    @Test
    void anOldStyleUnicastChecksumIsInvalidWhenDetectionIsOff() {
        CapturedPacket packet = CapturedPacket.load("v3-ipv4-ucast-old-first");
        Decoded decoded = VrrpCodec.decodeIpv4(packet.received(), CaptureSettings.forVector(packet.name()),
                ReceiverState.initial(UnicastChecksumCompat.NEVER));
        Decoded.Dropped dropped = assertInstanceOf(Decoded.Dropped.class, decoded);
        assertEquals(DropReason.CHECKSUM, dropped.reason());
        assertEquals(List.of("(VI_1) Invalid VRRPv3 checksum"), dropped.logMessages());
    }

    @Test
    void peekFindsTheVirtualRouterIdBehindTheAuthHeader() {
        CapturedPacket packet = CapturedPacket.load("v2-ah-ucast-first");
        assertEquals(new Peek.Header(51), VrrpCodec.peek(AddressFamily.IPV4, packet.received()));
        assertEquals(Optional.of(StatsCounter.AUTH_FAILURE), DropReason.AH_ICV.counter());
    }
}
