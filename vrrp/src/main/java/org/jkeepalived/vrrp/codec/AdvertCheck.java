package org.jkeepalived.vrrp.codec;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jkeepalived.config.value.IpAddresses;

/**
 * One received advert checked against one instance, step by step in the order of keepalived 2.2.7's
 * {@code vrrp_get_header}, {@code vrrp_dispatcher_read} and {@code vrrp_check_packet}, with their log lines.
 */
final class AdvertCheck {
    private static final int TTL_REQUIRED = 255;
    private static final int IPV4_TOTAL_LENGTH_OFFSET = 2;
    private static final int IPV4_TTL_OFFSET = 8;
    private static final int IPV4_PROTOCOL_OFFSET = 9;
    private static final int IPV4_SOURCE_OFFSET = 12;
    private static final int IPV4_DESTINATION_OFFSET = 16;

    private final ByteBuffer packet;
    private final int start;
    private final int lengthBytes;
    private final ReceiverSettings settings;
    private final String name;
    /** IPv4 header bytes, 0 for IPv6. */
    private final int ipHeaderBytes;
    private final boolean authHeaderPresent;
    private final InetAddress source;
    private final boolean multicastDestination;
    /** -1 when the socket did not report it. */
    private final int ttlOrHopLimit;
    private final List<String> log = new ArrayList<>();
    private ReceiverState state;

    private AdvertCheck(ByteBuffer packet, ReceiverSettings settings, ReceiverState state, int ipHeaderBytes,
                        boolean authHeaderPresent, InetAddress source, boolean multicastDestination,
                        int ttlOrHopLimit) {
        this.packet = packet;
        this.start = packet.position();
        this.lengthBytes = packet.remaining();
        this.settings = settings;
        this.name = settings.instanceName();
        this.state = state;
        this.ipHeaderBytes = ipHeaderBytes;
        this.authHeaderPresent = authHeaderPresent;
        this.source = source;
        this.multicastDestination = multicastDestination;
        this.ttlOrHopLimit = ttlOrHopLimit;
    }

    static Peek peek(AddressFamily family, ByteBuffer packet) {
        int length = packet.remaining();
        int at = packet.position();
        if (family == AddressFamily.IPV6) {
            return length < VrrpAdvert.HEADER_BYTES
                    ? new Peek.TooShort("IPv6 VRRP packet too short - " + length + " bytes")
                    : new Peek.Header(packet.get(at + 1) & 0xff);
        }
        if (length < VrrpCodec.IPV4_HEADER_BYTES || length < ipv4HeaderBytes(packet) + VrrpAdvert.HEADER_BYTES) {
            return new Peek.TooShort("IPv4 VRRP packet too short - " + length + " bytes");
        }
        int vrrpOffset = ipv4HeaderBytes(packet);
        if ((packet.get(at + IPV4_PROTOCOL_OFFSET) & 0xff) == IpProtocol.AH) {
            vrrpOffset += AuthHeaderIcv.HEADER_BYTES;
            if (length < vrrpOffset + VrrpAdvert.HEADER_BYTES) {
                return new Peek.TooShort("IPv4 VRRP packet with AH too short - " + length + " bytes");
            }
        }
        return new Peek.Header(packet.get(at + vrrpOffset + 1) & 0xff);
    }

    static AdvertCheck ipv4(ByteBuffer packet, ReceiverSettings settings, ReceiverState state) {
        int at = packet.position();
        boolean longEnough = packet.remaining() >= VrrpCodec.IPV4_HEADER_BYTES;
        return new AdvertCheck(packet, settings, state, longEnough ? ipv4HeaderBytes(packet) : 0,
                longEnough && (packet.get(at + IPV4_PROTOCOL_OFFSET) & 0xff) == IpProtocol.AH,
                longEnough ? ipv4Address(packet, at + IPV4_SOURCE_OFFSET) : null,
                longEnough && ipv4Address(packet, at + IPV4_DESTINATION_OFFSET).isMulticastAddress(),
                longEnough ? packet.get(at + IPV4_TTL_OFFSET) & 0xff : -1);
    }

    static AdvertCheck ipv6(ByteBuffer packet, Ipv6Reception reception, ReceiverSettings settings,
                            ReceiverState state) {
        return new AdvertCheck(packet, settings, state, 0, false, reception.source(),
                reception.multicastDestination(), reception.hopLimit());
    }

    Decoded run() {
        if (peek(settings.family(), packet) instanceof Peek.TooShort tooShort) {
            return drop(DropReason.TOO_SHORT, tooShort.logMessage());
        }
        int vrid = vrrpByte(1);
        if (vrid != settings.virtualRouterId()) {
            return drop(DropReason.UNKNOWN_VRID, "Unknown VRID(" + vrid + ") received on interface("
                    + settings.interfaceName() + "). ignoring...");
        }
        boolean ipv4 = settings.family() == AddressFamily.IPV4;
        boolean expectAuthHeader = settings.authType() == AuthType.AH;
        if (ipv4 && authHeaderPresent != expectAuthHeader) {
            return drop(DropReason.AH_PRESENCE_MISMATCH, authHeaderPresent
                    ? "(" + name + ") Received AH header but auth type not AH"
                    : "(" + name + ") No AH header but auth type is AH");
        }
        int version = vrrpByte(0) >> 4;
        int addressCount = vrrpByte(3);
        int vrrpBytes = VrrpAdvert.lengthBytes(version == VrrpVersion.V2.number() ? VrrpVersion.V2 : VrrpVersion.V3,
                settings.family(), addressCount);
        int expectedBytes = vrrpOffset() + vrrpBytes;
        if (lengthBytes != expectedBytes) {
            return drop(DropReason.LENGTH, "(" + name + ") vrrp packet too "
                    + (lengthBytes > expectedBytes ? "long" : "short") + ", length " + lengthBytes + " and expect "
                    + expectedBytes);
        }
        if (!settings.unicast() && ttlOrHopLimit != -1 && ttlOrHopLimit != TTL_REQUIRED) {
            return drop(DropReason.TTL, "(" + name + ") invalid TTL/HL. Received " + ttlOrHopLimit + " and expect "
                    + TTL_REQUIRED);
        }
        if (version != settings.version().number()) {
            return drop(DropReason.VERSION, "(" + name + ") wrong version. Received " + version + " and expect "
                    + settings.version().number());
        }
        OptionalLong ahSequenceNumber = OptionalLong.empty();
        if (settings.version() == VrrpVersion.V2) {
            Optional<Decoded> authFailure = checkV2Authentication();
            if (authFailure.isPresent()) {
                return authFailure.get();
            }
            if (expectAuthHeader) {
                ahSequenceNumber = OptionalLong.of(authHeaderSequenceNumber());
            }
            int advertIntervalSecs = vrrpByte(5);
            if (settings.advertIntervalCentis() != advertIntervalSecs * VrrpAdvert.CENTIS_PER_SECOND) {
                return drop(DropReason.ADVERT_INTERVAL, "(" + name + ") advertisement interval mismatch mine="
                        + settings.advertIntervalCentis() / VrrpAdvert.CENTIS_PER_SECOND + " sec rcv'd="
                        + advertIntervalSecs + " sec");
            }
        }
        int type = vrrpByte(0) & 0x0f;
        if (type != VrrpAdvert.TYPE_ADVERTISEMENT) {
            return drop(DropReason.INVALID_TYPE, "(" + name + ") Invalid packet type. " + type + " and expect "
                    + VrrpAdvert.TYPE_ADVERTISEMENT);
        }
        boolean checkAddresses = !settings.skipCheckAdvAddr()
                || !state.followedMaster().map(source::equals).orElse(false);
        if (checkAddresses && addressCount != settings.virtualAddresses().size()) {
            return drop(DropReason.ADDRESS_COUNT, "(" + name + ") received an unexpected ip number count "
                    + addressCount + ", expected " + settings.virtualAddresses().size() + "!");
        }
        if (ipv4) {
            int totalLength = packet.getShort(start + IPV4_TOTAL_LENGTH_OFFSET) & 0xffff;
            if (totalLength != lengthBytes) {
                return drop(DropReason.IP_TOTAL_LENGTH, "(" + name + ") ip_tot_len mismatch against received length. "
                        + totalLength + " and received " + lengthBytes);
            }
            if (!checksumValid(vrrpBytes)) {
                return drop(DropReason.CHECKSUM, "(" + name + ") Invalid VRRPv" + version + " checksum");
            }
        }
        if (multicastDestination == settings.unicast()) {
            return drop(DropReason.CAST_MISMATCH, "(" + name + ") Expected " + (settings.unicast() ? "un" : "mult")
                    + "icast packet but received " + (settings.unicast() ? "mult" : "un") + "icast packet");
        }
        List<InetAddress> addresses = advertisedAddresses(addressCount);
        if (checkAddresses) {
            Optional<Decoded> addressFault = checkAddressesAndPeer(addresses);
            if (addressFault.isPresent()) {
                return addressFault.get();
            }
        }
        return new Decoded.Accepted(toAdvert(version, addresses), source, ahSequenceNumber, log, state);
    }

    private Optional<Decoded> checkV2Authentication() {
        int authCode = vrrpByte(4);
        Optional<AuthType> authType = AuthType.ofCode(authCode);
        if (authType.isEmpty()) {
            return Optional.of(drop(DropReason.INVALID_AUTH_TYPE, "(" + name + ") Invalid auth type: " + authCode));
        }
        if (authType.get() != settings.authType()) {
            return Optional.of(drop(DropReason.AUTH_TYPE_MISMATCH, "(" + name + ") received a " + authCode
                    + " auth, expecting " + settings.authType().code() + "!"));
        }
        return switch (authType.get()) {
            case NONE -> Optional.empty();
            case PASS -> passwordMatches() ? Optional.empty()
                    : Optional.of(drop(DropReason.PASSWORD, "(" + name + ") received an invalid passwd!"));
            case AH -> checkAuthHeader();
        };
    }

    /**
     * keepalived compares the 8 bytes that end where the IP header's total length says (constant-time). For
     * VRRPv2 over IPv6 it reads that "length" from the VRRP header, far outside the packet, so it never matches.
     */
    private boolean passwordMatches() {
        int passwordEnd = packet.getShort(start + IPV4_TOTAL_LENGTH_OFFSET) & 0xffff;
        int passwordStart = passwordEnd - AuthType.AUTH_DATA_BYTES;
        if (settings.family() != AddressFamily.IPV4 || passwordStart < 0 || passwordEnd > lengthBytes) {
            return false;
        }
        byte[] password = new byte[AuthType.AUTH_DATA_BYTES];
        packet.get(start + passwordStart, password);
        return MessageDigest.isEqual(password, settings.authKey());
    }

    private Optional<Decoded> checkAuthHeader() {
        int ah = start + ipHeaderBytes;
        if ((packet.get(ah + AuthHeaderIcv.NEXT_HEADER_OFFSET) & 0xff) != IpProtocol.VRRP) {
            return Optional.of(new Decoded.Dropped(DropReason.AH_NOT_VRRP, log, state));
        }
        byte[] icv = new byte[AuthHeaderIcv.ICV_BYTES];
        packet.get(ah + AuthHeaderIcv.ICV_OFFSET, icv);
        byte[] expectedIcv = AuthHeaderIcv.compute(packet, start, ipHeaderBytes, lengthBytes, settings.authKey(),
                settings.unicast());
        if (!MessageDigest.isEqual(icv, expectedIcv)) {
            return Optional.of(drop(DropReason.AH_ICV, "(" + name + ") IPSEC-AH : invalid IPSEC HMAC-MD5 value."
                    + " Due to fields mutation or bad password !"));
        }
        int spi = packet.getInt(ah + AuthHeaderIcv.SPI_OFFSET);
        int sourceAddress = packet.getInt(start + IPV4_SOURCE_OFFSET);
        if (spi != sourceAddress) {
            return Optional.of(drop(DropReason.AH_SPI, "IPSEC AH : invalid IPSEC SPI value. "
                    + asHostOrderUnsigned(sourceAddress) + " and expect " + asHostOrderUnsigned(spi)));
        }
        long sequenceNumber = authHeaderSequenceNumber();
        if (sequenceNumber <= state.ahSequenceNumber()) {
            return Optional.of(drop(DropReason.AH_SEQUENCE, "(" + name + ") IPSEC-AH : sequence number "
                    + sequenceNumber + " already processed. Packet dropped. Local(" + state.ahSequenceNumber()
                    + ")"));
        }
        state = state.withAhSequenceNumber(sequenceNumber);
        return Optional.empty();
    }

    private long authHeaderSequenceNumber() {
        return packet.getInt(start + ipHeaderBytes + AuthHeaderIcv.SEQUENCE_OFFSET) & 0xffffffffL;
    }

    /**
     * keepalived prints these network-order addresses with {@code %u} as they sit in memory, so on the
     * little-endian hosts it runs on 10.77.0.1 reads as 16796938.
     */
    private static long asHostOrderUnsigned(int networkOrder) {
        return Integer.reverseBytes(networkOrder) & 0xffffffffL;
    }

    /**
     * The IPv4 checksum: over the VRRP message for VRRPv2; for VRRPv3 with the pseudo-header too, whose destination
     * is the packet's, or the multicast group in the old unicast mode. A unicast instance that has not ruled it out
     * retries a failing checksum the old way, and keeps that mode if it passes.
     */
    private boolean checksumValid(int vrrpBytes) {
        int vrrpStart = start + vrrpOffset();
        if (settings.version() == VrrpVersion.V2) {
            return new InternetChecksum().add(packet, vrrpStart, vrrpBytes).value() == 0;
        }
        byte[] sourceAddress = source.getAddress();
        byte[] destination = new byte[4];
        packet.get(start + IPV4_DESTINATION_OFFSET, destination);
        byte[] group = settings.multicastGroup4().getAddress();
        byte[] pseudoDestination = state.unicastChecksumCompat().usesMulticastGroup() ? group : destination;
        if (v3ChecksumValid(sourceAddress, pseudoDestination, vrrpStart, vrrpBytes)) {
            return true;
        }
        boolean retryOldWay = settings.unicast() && state.unicastChecksumCompat() == UnicastChecksumCompat.NONE
                && !Arrays.equals(pseudoDestination, group);
        if (retryOldWay && v3ChecksumValid(sourceAddress, group, vrrpStart, vrrpBytes)) {
            state = state.withUnicastChecksumCompat(UnicastChecksumCompat.AUTO);
            log.add("(" + name + ") Setting unicast VRRPv3 checksum to old version");
            return true;
        }
        return false;
    }

    private boolean v3ChecksumValid(byte[] sourceAddress, byte[] destination, int vrrpStart, int vrrpBytes) {
        return InternetChecksum.pseudoHeader(sourceAddress, destination, vrrpBytes).add(packet, vrrpStart, vrrpBytes)
                .value() == 0;
    }

    private Optional<Decoded> checkAddressesAndPeer(List<InetAddress> addresses) {
        for (InetAddress virtualAddress : settings.virtualAddresses()) {
            if (!addresses.contains(virtualAddress)) {
                return Optional.of(drop(DropReason.ADDRESS_MISSING, "(" + name + ") ip address associated with VRID "
                        + settings.virtualRouterId() + " not present in MASTER advert: "
                        + IpAddresses.format(virtualAddress)));
            }
        }
        if (!settings.unicast() || !settings.checkUnicastSource()) {
            return Optional.empty();
        }
        Optional<ReceiverSettings.UnicastPeer> peer = settings.unicastPeers().stream()
                .filter(candidate -> candidate.address().equals(source)).findFirst();
        if (peer.isEmpty()) {
            return Optional.of(drop(DropReason.UNICAST_SOURCE_NOT_PEER, "(" + name + ") unicast source address "
                    + IpAddresses.format(source) + " not a unicast peer"));
        }
        if (ttlOrHopLimit != -1 && (ttlOrHopLimit < peer.get().minTtl() || ttlOrHopLimit > peer.get().maxTtl())) {
            return Optional.of(drop(DropReason.PEER_TTL_OUT_OF_RANGE, "(" + name + ") TTL/HL " + ttlOrHopLimit
                    + " not in range " + peer.get().minTtl() + " - " + peer.get().maxTtl()));
        }
        return Optional.empty();
    }

    private List<InetAddress> advertisedAddresses(int addressCount) {
        int addressBytes = settings.family().addressLengthBytes();
        List<InetAddress> addresses = new ArrayList<>(addressCount);
        for (int i = 0; i < addressCount; i++) {
            byte[] address = new byte[addressBytes];
            packet.get(start + vrrpOffset() + VrrpAdvert.HEADER_BYTES + i * addressBytes, address);
            addresses.add(IpAddresses.fromBytes(address));
        }
        return addresses;
    }

    private VrrpAdvert toAdvert(int version, List<InetAddress> addresses) {
        int vrid = vrrpByte(1);
        int priority = vrrpByte(2);
        if (version == VrrpVersion.V3.number()) {
            int intervalCentis = (vrrpByte(4) << 8 | vrrpByte(5)) & 0x0fff;
            return VrrpAdvert.v3(settings.family(), vrid, priority, intervalCentis, addresses);
        }
        byte[] authData = new byte[settings.family() == AddressFamily.IPV4 ? AuthType.AUTH_DATA_BYTES : 0];
        packet.get(start + vrrpOffset() + VrrpAdvert.HEADER_BYTES
                + addresses.size() * settings.family().addressLengthBytes(), authData);
        return new VrrpAdvert(VrrpVersion.V2, settings.family(), vrid, priority, settings.authType(),
                vrrpByte(5) * VrrpAdvert.CENTIS_PER_SECOND, addresses, authData);
    }

    private int vrrpOffset() {
        return ipHeaderBytes + (authHeaderPresent ? AuthHeaderIcv.HEADER_BYTES : 0);
    }

    private int vrrpByte(int index) {
        return packet.get(start + vrrpOffset() + index) & 0xff;
    }

    private Decoded drop(DropReason reason, String message) {
        log.add(message);
        return new Decoded.Dropped(reason, log, state);
    }

    private static int ipv4HeaderBytes(ByteBuffer packet) {
        return (packet.get(packet.position()) & 0x0f) * 4;
    }

    private static Inet4Address ipv4Address(ByteBuffer packet, int at) {
        byte[] address = new byte[4];
        packet.get(at, address);
        return (Inet4Address) IpAddresses.fromBytes(address);
    }
}
