package org.jkeepalived.vrrp.codec;

import static org.jkeepalived.vrrp.codec.CaptureSettings.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Truncated, corrupted and mismatching adverts dropped with keepalived 2.2.7's reason, counter and log line. */
class DroppedAdvertsTest {
    private static final int VRRP_AT = VrrpCodec.IPV4_HEADER_BYTES;

    private static Decoded decode(CapturedPacket packet, byte[] bytes, ReceiverSettings settings, ReceiverState state) {
        return packet.isIpv6()
                ? VrrpCodec.decodeIpv6(ByteBuffer.wrap(bytes), packet.ipv6Reception(), settings, state)
                : VrrpCodec.decodeIpv4(ByteBuffer.wrap(bytes), settings, state);
    }

    private static Decoded.Dropped dropped(String vector, UnaryOperator<byte[]> corrupt,
                                           UnaryOperator<ReceiverSettings> configure) {
        CapturedPacket packet = CapturedPacket.load(vector);
        Decoded decoded = decode(packet, corrupt.apply(packet.receivedBytes()),
                configure.apply(CaptureSettings.forVector(vector)),
                ReceiverState.initial(CaptureSettings.checksumCompat(vector)));
        return assertInstanceOf(Decoded.Dropped.class, decoded);
    }

    private static Decoded.Dropped droppedBytes(String vector, UnaryOperator<byte[]> corrupt) {
        return dropped(vector, corrupt, UnaryOperator.identity());
    }

    private static Decoded.Dropped droppedSettings(String vector, UnaryOperator<ReceiverSettings> configure) {
        return dropped(vector, UnaryOperator.identity(), configure);
    }

    private static UnaryOperator<byte[]> set(int offset, int value) {
        return bytes -> {
            bytes[offset] = (byte) value;
            return bytes;
        };
    }

    private static void assertDrop(DropReason reason, String logMessage, Decoded.Dropped dropped) {
        assertEquals(reason, dropped.reason());
        assertEquals(List.of(logMessage), dropped.logMessages());
    }

    private static ReceiverSettings with(ReceiverSettings s, VrrpVersion version, AuthType authType, byte[] key,
                                         int intervalCentis, List<InetAddress> vips, boolean unicast,
                                         List<ReceiverSettings.UnicastPeer> peers, boolean checkUnicastSource,
                                         boolean skipCheckAdvAddr) {
        return new ReceiverSettings(s.instanceName(), s.interfaceName(), version, s.family(), s.virtualRouterId(),
                authType, key, intervalCentis, vips, unicast, peers, checkUnicastSource, skipCheckAdvAddr,
                s.multicastGroup4());
    }

    private static UnaryOperator<ReceiverSettings> vips(List<InetAddress> vips) {
        return s -> with(s, s.version(), s.authType(), s.authKey(), s.advertIntervalCentis(), vips, s.unicast(),
                s.unicastPeers(), s.checkUnicastSource(), s.skipCheckAdvAddr());
    }

    private static UnaryOperator<ReceiverSettings> auth(AuthType authType, String password) {
        return s -> with(s, s.version(), authType, ReceiverSettings.authKey(password), s.advertIntervalCentis(),
                s.virtualAddresses(), s.unicast(), s.unicastPeers(), s.checkUnicastSource(), s.skipCheckAdvAddr());
    }

    private static UnaryOperator<ReceiverSettings> peers(List<ReceiverSettings.UnicastPeer> peers) {
        return s -> with(s, s.version(), s.authType(), s.authKey(), s.advertIntervalCentis(), s.virtualAddresses(),
                true, peers, true, s.skipCheckAdvAddr());
    }

    @ParameterizedTest
    @ValueSource(strings = {"v2-pass-mcast-first", "v2-ah-ucast-first", "v3-ipv4-mcast-first", "v3-ipv6-ucast-first"})
    void everyTruncationIsDroppedWithoutAnException(String vector) {
        CapturedPacket packet = CapturedPacket.load(vector);
        byte[] whole = packet.receivedBytes();
        for (int length = 0; length < whole.length; length++) {
            Decoded.Dropped dropped = assertInstanceOf(Decoded.Dropped.class,
                    decode(packet, Arrays.copyOf(whole, length), CaptureSettings.forVector(vector),
                            ReceiverState.initial(UnicastChecksumCompat.NONE)));
            assertTrue(EnumSet.of(DropReason.TOO_SHORT, DropReason.LENGTH).contains(dropped.reason()),
                    dropped::toString);
        }
    }

    @Test
    void aPacketShorterThanTheHeadersIsTooShortBeforeAnyInstanceIsKnown() {
        CapturedPacket packet = CapturedPacket.load("v2-ah-mcast-first");
        byte[] cut = Arrays.copyOf(packet.receivedBytes(), 50);
        assertEquals(new Peek.TooShort("IPv4 VRRP packet with AH too short - 50 bytes"),
                VrrpCodec.peek(AddressFamily.IPV4, ByteBuffer.wrap(cut)));
        assertEquals(new Peek.TooShort("IPv4 VRRP packet too short - 19 bytes"),
                VrrpCodec.peek(AddressFamily.IPV4, ByteBuffer.wrap(Arrays.copyOf(cut, 19))));
        assertEquals(new Peek.TooShort("IPv6 VRRP packet too short - 7 bytes"),
                VrrpCodec.peek(AddressFamily.IPV6, ByteBuffer.wrap(new byte[7])));
    }

    @Test
    void aPacketWithTrailingBytesIsTooLong() {
        Decoded.Dropped dropped = droppedBytes("v2-pass-mcast-first", bytes -> Arrays.copyOf(bytes, 45));
        assertDrop(DropReason.LENGTH, "(VI_1) vrrp packet too long, length 45 and expect 44", dropped);
        assertEquals(Optional.of(StatsCounter.PACKET_LENGTH), dropped.reason().counter());
    }

    @Test
    void anotherVirtualRouterIdIsUnknown() {
        assertDrop(DropReason.UNKNOWN_VRID, "Unknown VRID(52) received on interface(vrrp0). ignoring...",
                droppedBytes("v2-none-mcast-first", set(VRRP_AT + 1, 52)));
    }

    @Test
    void aMulticastAdvertWithTtl254IsDropped() {
        Decoded.Dropped dropped = droppedBytes("v2-pass-mcast-first", set(8, 254));
        assertDrop(DropReason.TTL, "(VI_1) invalid TTL/HL. Received 254 and expect 255", dropped);
        assertEquals(Optional.of(StatsCounter.IP_TTL), dropped.reason().counter());
    }

    @Test
    void anIpv6MulticastAdvertWithHopLimit254IsDropped() {
        CapturedPacket packet = CapturedPacket.load("v3-ipv6-mcast-first");
        Decoded decoded = VrrpCodec.decodeIpv6(packet.received(),
                new Ipv6Reception((Inet6Address) packet.source(), true, 254),
                CaptureSettings.forVector(packet.name()), ReceiverState.initial(UnicastChecksumCompat.NONE));
        assertDrop(DropReason.TTL, "(VI_1) invalid TTL/HL. Received 254 and expect 255",
                assertInstanceOf(Decoded.Dropped.class, decoded));
    }

    @Test
    void aUnicastAdvertIsNotHeldToTtl255() {
        CapturedPacket packet = CapturedPacket.load("v3-ipv6-ucast-first");
        assertEquals(64, packet.ttlOrHopLimit());
        assertInstanceOf(Decoded.Accepted.class, VrrpCodec.decodeIpv6(packet.received(), packet.ipv6Reception(),
                CaptureSettings.forVector(packet.name()), ReceiverState.initial(UnicastChecksumCompat.NONE)));
    }

    @Test
    void aVrrpV2AdvertOnAVrrpV3InstanceHasTheWrongVersion() {
        Decoded.Dropped dropped = droppedSettings("v2-none-mcast-first",
                s -> with(s, VrrpVersion.V3, AuthType.NONE, s.authKey(), 100, s.virtualAddresses(), false,
                        List.of(), false, false));
        assertDrop(DropReason.VERSION, "(VI_1) wrong version. Received 2 and expect 3", dropped);
        assertEquals(Optional.of(StatsCounter.VERSION_ERROR), dropped.reason().counter());
    }

    @Test
    void aPacketTypeOtherThanAdvertisementIsInvalid() {
        assertDrop(DropReason.INVALID_TYPE, "(VI_1) Invalid packet type. 2 and expect 1",
                droppedBytes("v3-ipv4-mcast-first", set(VRRP_AT, 0x32)));
    }

    @Test
    void anUnknownAuthTypeIsInvalid() {
        Decoded.Dropped dropped = droppedBytes("v2-pass-mcast-first", set(VRRP_AT + 4, 7));
        assertDrop(DropReason.INVALID_AUTH_TYPE, "(VI_1) Invalid auth type: 7", dropped);
        assertEquals(Optional.of(StatsCounter.INVALID_AUTH_TYPE), dropped.reason().counter());
    }

    @Test
    void aPassAdvertOnAnInstanceWithoutAuthenticationIsAMismatch() {
        assertDrop(DropReason.AUTH_TYPE_MISMATCH, "(VI_1) received a 1 auth, expecting 0!",
                droppedSettings("v2-pass-mcast-first", auth(AuthType.NONE, "")));
    }

    @Test
    void aWrongPasswordIsAnAuthenticationFailure() {
        Decoded.Dropped dropped = droppedSettings("v2-pass-mcast-first", auth(AuthType.PASS, "s3cr3u"));
        assertDrop(DropReason.PASSWORD, "(VI_1) received an invalid passwd!", dropped);
        assertEquals(Optional.of(StatsCounter.AUTH_FAILURE), dropped.reason().counter());
    }

    @Test
    void anAhHeaderOnAPassInstanceIsAMismatch() {
        assertDrop(DropReason.AH_PRESENCE_MISMATCH, "(VI_1) Received AH header but auth type not AH",
                droppedSettings("v2-ah-mcast-first", auth(AuthType.PASS, "ahkey")));
        assertDrop(DropReason.AH_PRESENCE_MISMATCH, "(VI_1) No AH header but auth type is AH",
                droppedSettings("v2-pass-mcast-first", auth(AuthType.AH, "s3cr3t")));
    }

    @Test
    void anAhAdvertWithAnotherKeyOrAChangedPriorityFailsItsIcv() {
        String invalid = "(VI_1) IPSEC-AH : invalid IPSEC HMAC-MD5 value. Due to fields mutation or bad password !";
        assertDrop(DropReason.AH_ICV, invalid, droppedSettings("v2-ah-mcast-first", auth(AuthType.AH, "ahkez")));
        assertDrop(DropReason.AH_ICV, invalid, droppedBytes("v2-ah-ucast-first", set(VRRP_AT + 24 + 2, 200)));
    }

    @Test
    void theUnicastAhIcvLeavesTheTtlOut() {
        ReceiverSettings unicast = CaptureSettings.forVector("v2-ah-ucast-first");
        CapturedPacket packet = CapturedPacket.load("v2-ah-ucast-first");
        byte[] hopped = set(8, 64).apply(packet.receivedBytes());
        assertInstanceOf(Decoded.Accepted.class, VrrpCodec.decodeIpv4(ByteBuffer.wrap(hopped), unicast,
                ReceiverState.initial(UnicastChecksumCompat.NONE)));
    }

    @Test
    void anAhSpiOtherThanTheSourceIsPrintedAsKeepalivedSeesItInMemory() {
        CapturedPacket packet = CapturedPacket.load("v2-ah-mcast-first");
        ByteBuffer bytes = ByteBuffer.wrap(packet.receivedBytes());
        bytes.put(VRRP_AT + AuthHeaderIcv.SPI_OFFSET, ip("10.77.0.2").getAddress());
        bytes.put(VRRP_AT + AuthHeaderIcv.ICV_OFFSET, AuthHeaderIcv.compute(bytes, 0, VRRP_AT, bytes.capacity(),
                CaptureSettings.AH_KEY, false));
        Decoded decoded = VrrpCodec.decodeIpv4(bytes, CaptureSettings.forVector(packet.name()),
                ReceiverState.initial(UnicastChecksumCompat.NONE));
        assertDrop(DropReason.AH_SPI, "IPSEC AH : invalid IPSEC SPI value. 16796938 and expect 33574154",
                assertInstanceOf(Decoded.Dropped.class, decoded));
    }

    @Test
    void aVrrpV2AdvertIntervalOtherThanOursIsDroppedUncounted() {
        Decoded.Dropped dropped = droppedSettings("v2-none-mcast-first",
                s -> with(s, s.version(), s.authType(), s.authKey(), 200, s.virtualAddresses(), false, List.of(),
                        false, false));
        assertDrop(DropReason.ADVERT_INTERVAL, "(VI_1) advertisement interval mismatch mine=2 sec rcv'd=1 sec",
                dropped);
        assertEquals(Optional.empty(), dropped.reason().counter());
    }

    @Test
    void aVrrpV3AdvertIntervalOtherThanOursIsAccepted() {
        CapturedPacket packet = CapturedPacket.load("v3-ipv4-mcast-first");
        ReceiverSettings settings = CaptureSettings.forVector(packet.name());
        ReceiverSettings slower = with(settings, settings.version(), settings.authType(), settings.authKey(), 300,
                settings.virtualAddresses(), false, List.of(), false, false);
        assertInstanceOf(Decoded.Accepted.class, VrrpCodec.decodeIpv4(packet.received(), slower,
                ReceiverState.initial(UnicastChecksumCompat.NONE)));
    }

    @Test
    void anAddressCountOtherThanOursIsAnAddressListError() {
        Decoded.Dropped dropped = droppedSettings("v2-pass-mcast-first", vips(List.of(ip("192.168.200.16"))));
        assertDrop(DropReason.ADDRESS_COUNT, "(VI_1) received an unexpected ip number count 2, expected 1!", dropped);
        assertEquals(Optional.of(StatsCounter.ADDRESS_LIST), dropped.reason().counter());
    }

    @Test
    void aMissingVirtualAddressIsAnAddressListErrorOfAReceivedAdvert() {
        Decoded.Dropped dropped = droppedSettings("v3-ipv6-mcast-first",
                vips(List.of(ip("2001:db8::10"), ip("2001:db8::99"))));
        assertDrop(DropReason.ADDRESS_MISSING,
                "(VI_1) ip address associated with VRID 51 not present in MASTER advert: 2001:db8::99", dropped);
        assertTrue(dropped.reason().countedAsReceived());
    }

    @Test
    void skipCheckAdvAddrTrustsTheFollowedMasterOnly() {
        CapturedPacket packet = CapturedPacket.load("v2-pass-mcast-first");
        ReceiverSettings base = CaptureSettings.forVector(packet.name());
        ReceiverSettings skipping = with(base, base.version(), base.authType(), base.authKey(), 100,
                List.of(ip("192.168.200.99")), false, List.of(), false, true);
        ReceiverState following = ReceiverState.initial(UnicastChecksumCompat.NONE)
                .withFollowedMaster(Optional.of(packet.source()));
        assertInstanceOf(Decoded.Accepted.class, VrrpCodec.decodeIpv4(packet.received(), skipping, following));
        ReceiverState followingAnother = following.withFollowedMaster(Optional.of(ip("10.77.0.9")));
        assertInstanceOf(Decoded.Dropped.class, VrrpCodec.decodeIpv4(packet.received(), skipping, followingAnother));
    }

    @Test
    void anIpTotalLengthOtherThanTheBytesReceivedIsALengthError() {
        assertDrop(DropReason.IP_TOTAL_LENGTH, "(VI_1) ip_tot_len mismatch against received length. 41 and received 40",
                droppedBytes("v2-none-mcast-first", set(3, 41)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"v2-none-mcast-first", "v2-pass-ucast-first", "v3-ipv4-mcast-first",
        "v3-ipv4-ucast-first"})
    void aCorruptedChecksumIsInvalid(String vector) {
        CapturedPacket packet = CapturedPacket.load(vector);
        int checksumAt = VRRP_AT + 6;
        int version = packet.bytes()[VRRP_AT] >> 4;
        Decoded.Dropped dropped = droppedBytes(vector, set(checksumAt, packet.bytes()[checksumAt] ^ 0x01));
        assertDrop(DropReason.CHECKSUM, "(VI_1) Invalid VRRPv" + version + " checksum", dropped);
        assertEquals(Optional.of(StatsCounter.CHECKSUM_ERROR), dropped.reason().counter());
    }

    @Test
    void aMulticastAdvertOnAUnicastInstanceIsAnAddressListError() {
        Decoded.Dropped dropped = droppedSettings("v2-pass-mcast-first",
                peers(List.of(ReceiverSettings.UnicastPeer.of(ip("10.77.0.1")))));
        assertDrop(DropReason.CAST_MISMATCH, "(VI_1) Expected unicast packet but received multicast packet", dropped);
        assertEquals(Optional.of(StatsCounter.ADDRESS_LIST), dropped.reason().counter());
    }

    @Test
    void aUnicastAdvertFromAStrangerIsDroppedWhenSourcesAreChecked() {
        assertDrop(DropReason.UNICAST_SOURCE_NOT_PEER, "(VI_1) unicast source address 10.77.0.1 not a unicast peer",
                droppedSettings("v2-pass-ucast-first",
                        peers(List.of(ReceiverSettings.UnicastPeer.of(ip("10.77.0.9"))))));
    }

    @Test
    void aUnicastAdvertOutsideThePeersTtlRangeIsATtlError() {
        Decoded.Dropped dropped = droppedSettings("v2-pass-ucast-first",
                peers(List.of(new ReceiverSettings.UnicastPeer(ip("10.77.0.1"), 0, 64))));
        assertDrop(DropReason.PEER_TTL_OUT_OF_RANGE, "(VI_1) TTL/HL 255 not in range 0 - 64", dropped);
        assertEquals(Optional.of(StatsCounter.IP_TTL), dropped.reason().counter());
    }

    @Test
    void anAhHeaderProtectingAnotherProtocolIsDroppedSilently() {
        Decoded.Dropped dropped = droppedBytes("v2-ah-mcast-first", set(VRRP_AT, 6));
        assertEquals(DropReason.AH_NOT_VRRP, dropped.reason());
        assertEquals(List.of(), dropped.logMessages());
    }

    @Test
    void encodingRefusesAnAdvertOfTheOtherFamily() {
        VrrpAdvert advert = VrrpAdvert.v3(AddressFamily.IPV6, 51, 100, 100, List.of());
        Inet4Address address = (Inet4Address) ip("10.0.0.1");
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class, () -> VrrpCodec.encodeIpv4(advert,
                        Ipv4Envelope.of(address, address, 255, 1), ByteBuffer.allocate(64)));
        assertEquals("advert.family: IPV6 (expected IPV4)", refused.getMessage());
    }
}
