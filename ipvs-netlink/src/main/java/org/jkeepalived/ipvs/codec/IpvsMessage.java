package org.jkeepalived.ipvs.codec;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jkeepalived.ipvs.genl.GenlMessage;
import org.jkeepalived.ipvs.genl.StructGenlMsgHdr;
import org.jkeepalived.libc.netlink.StructNlAttr;
import org.jkeepalived.libc.netlink.StructNlMsgHdr;
import org.jkeepalived.libc.netlink.WireFormatException;

/**
 * One message of the "IPVS" generic netlink family: a command (IPVS_CMD_*) and its top-level IPVS_CMD_ATTR_*
 * attributes, typed. Requests nest with NLA_F_NESTED set, as libnl does; the kernel's messages nest without it. For
 * IPVS_CMD_SET_INFO (the kernel's answer to IPVS_CMD_GET_INFO) the top level holds IPVS_INFO_ATTR_* instead.
 */
public record IpvsMessage(StructNlMsgHdr header, StructGenlMsgHdr genl, Optional<ServiceAttribute> service,
                          Optional<IpvsDestination> destination, Optional<IpvsDaemon> daemon,
                          Optional<IpvsTimeouts> timeouts, Optional<IpvsInfo> info) {

    public static final String IPVS_GENL_NAME = "IPVS";
    public static final int IPVS_GENL_VERSION = 1;

    public static final int IPVS_CMD_NEW_SERVICE = 1;
    public static final int IPVS_CMD_SET_SERVICE = 2;
    public static final int IPVS_CMD_DEL_SERVICE = 3;
    public static final int IPVS_CMD_GET_SERVICE = 4;
    public static final int IPVS_CMD_NEW_DEST = 5;
    public static final int IPVS_CMD_SET_DEST = 6;
    public static final int IPVS_CMD_DEL_DEST = 7;
    public static final int IPVS_CMD_GET_DEST = 8;
    public static final int IPVS_CMD_NEW_DAEMON = 9;
    public static final int IPVS_CMD_DEL_DAEMON = 10;
    public static final int IPVS_CMD_GET_DAEMON = 11;
    public static final int IPVS_CMD_SET_CONFIG = 12;
    public static final int IPVS_CMD_GET_CONFIG = 13;
    public static final int IPVS_CMD_SET_INFO = 14;
    public static final int IPVS_CMD_GET_INFO = 15;
    public static final int IPVS_CMD_ZERO = 16;
    public static final int IPVS_CMD_FLUSH = 17;

    public static final int IPVS_CMD_ATTR_SERVICE = 1;
    public static final int IPVS_CMD_ATTR_DEST = 2;
    public static final int IPVS_CMD_ATTR_DAEMON = 3;
    public static final int IPVS_CMD_ATTR_TIMEOUT_TCP = 4;
    public static final int IPVS_CMD_ATTR_TIMEOUT_TCP_FIN = 5;
    public static final int IPVS_CMD_ATTR_TIMEOUT_UDP = 6;

    public IpvsMessage {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(genl, "genl");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(daemon, "daemon");
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(info, "info");
    }

    /** What a request carries besides its command. */
    public record Body(Optional<ServiceAttribute> service, Optional<IpvsDestination> destination,
                       Optional<IpvsDaemon> daemon, Optional<IpvsTimeouts> timeouts) {

        public static final Body EMPTY = new Body(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());

        public static Body of(ServiceAttribute service) {
            return new Body(Optional.of(service), Optional.empty(), Optional.empty(), Optional.empty());
        }

        public static Body of(ServiceAttribute service, IpvsDestination destination) {
            return new Body(Optional.of(service), Optional.of(destination), Optional.empty(), Optional.empty());
        }

        public static Body of(IpvsDaemon daemon) {
            return new Body(Optional.empty(), Optional.empty(), Optional.of(daemon), Optional.empty());
        }

        public static Body of(IpvsTimeouts timeouts) {
            return new Body(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(timeouts));
        }
    }

    /**
     * A request of {@code command} to the IPVS family {@code familyId}: acknowledged (NLM_F_ACK, as libnl's
     * nl_send_auto adds), and a dump (NLM_F_DUMP) when {@code dump}.
     */
    public static IpvsMessage request(int familyId, int sequence, int command, boolean dump, Body body) {
        int flags = StructNlMsgHdr.NLM_F_REQUEST | StructNlMsgHdr.NLM_F_ACK | (dump ? StructNlMsgHdr.NLM_F_DUMP : 0);
        StructGenlMsgHdr genl = new StructGenlMsgHdr(command, IPVS_GENL_VERSION, 0);
        IpvsMessage unsized = new IpvsMessage(new StructNlMsgHdr(StructNlMsgHdr.BYTES, familyId, flags, sequence, 0),
                genl, body.service(), body.destination(), body.daemon(), body.timeouts(), Optional.empty());
        int length = StructNlMsgHdr.BYTES + StructGenlMsgHdr.BYTES + StructNlAttr.alignedLength(unsized.attributes());
        return new IpvsMessage(new StructNlMsgHdr(length, familyId, flags, sequence, 0), genl, body.service(),
                body.destination(), body.daemon(), body.timeouts(), Optional.empty());
    }

    /** Parses one whole IPVS message (as a test vector holds it). */
    public static IpvsMessage parse(ByteBuffer buffer) {
        return parse(GenlMessage.parse(buffer));
    }

    /** The typed view of a generic netlink message of the IPVS family; unknown attributes are skipped. */
    public static IpvsMessage parse(GenlMessage message) {
        Optional<ServiceAttribute> service = Optional.empty();
        Optional<IpvsDestination> destination = Optional.empty();
        Optional<IpvsDaemon> daemon = Optional.empty();
        Optional<IpvsTimeouts> timeouts = Optional.empty();
        Optional<IpvsInfo> info = Optional.empty();
        List<StructNlAttr> attributes = message.attributes();
        int offset = StructNlMsgHdr.BYTES + StructGenlMsgHdr.BYTES;
        try {
            if (message.command() == IPVS_CMD_SET_INFO) {
                info = Optional.of(new IpvsInfo(
                        u32(attributes, IpvsInfo.IPVS_INFO_ATTR_VERSION, "IPVS_INFO_ATTR_VERSION"),
                        u32(attributes, IpvsInfo.IPVS_INFO_ATTR_CONN_TAB_SIZE, "IPVS_INFO_ATTR_CONN_TAB_SIZE")));
            } else {
                for (StructNlAttr attribute : attributes) {
                    try {
                        switch (attribute.baseType()) {
                            case IPVS_CMD_ATTR_SERVICE -> service = Optional.of(ServiceAttribute.decode(attribute));
                            case IPVS_CMD_ATTR_DEST -> destination = Optional.of(IpvsDestination.decode(attribute));
                            case IPVS_CMD_ATTR_DAEMON -> daemon = Optional.of(IpvsDaemon.decode(attribute));
                            default -> {
                            }
                        }
                    } catch (WireFormatException e) {
                        throw new WireFormatException(offset + e.offset(), e.reason());
                    }
                    offset += attribute.alignedLength();
                }
                offset = StructNlMsgHdr.BYTES + StructGenlMsgHdr.BYTES;
                if (Attributes.find(attributes, IPVS_CMD_ATTR_TIMEOUT_TCP).isPresent()) {
                    timeouts = Optional.of(new IpvsTimeouts(
                            u32(attributes, IPVS_CMD_ATTR_TIMEOUT_TCP, "IPVS_CMD_ATTR_TIMEOUT_TCP"),
                            u32(attributes, IPVS_CMD_ATTR_TIMEOUT_TCP_FIN, "IPVS_CMD_ATTR_TIMEOUT_TCP_FIN"),
                            u32(attributes, IPVS_CMD_ATTR_TIMEOUT_UDP, "IPVS_CMD_ATTR_TIMEOUT_UDP")));
                }
            }
        } catch (WireFormatException e) {
            throw new WireFormatException(e.offset() == 0 ? offset : e.offset(), "IPVS command "
                    + message.command() + ": " + e.reason());
        } catch (IllegalArgumentException e) {
            // A value the records refuse (an unknown address family, a state out of range) is bad wire data here.
            throw new WireFormatException(offset, "IPVS command " + message.command() + ": " + e.getMessage());
        }
        return new IpvsMessage(message.header(), message.genl(), service, destination, daemon, timeouts, info);
    }

    /** The top-level attributes in libipvs's order: service, destination, daemon, timeouts (or the info pair). */
    public List<StructNlAttr> attributes() {
        int nested = (header.flags() & StructNlMsgHdr.NLM_F_REQUEST) != 0 ? StructNlAttr.NLA_F_NESTED : 0;
        List<StructNlAttr> attributes = new ArrayList<>();
        service.ifPresent(value -> attributes.add(StructNlAttr.ofNested(IPVS_CMD_ATTR_SERVICE | nested,
                value.encode())));
        destination.ifPresent(value -> attributes.add(StructNlAttr.ofNested(IPVS_CMD_ATTR_DEST | nested,
                value.encode())));
        daemon.ifPresent(value -> attributes.add(StructNlAttr.ofNested(IPVS_CMD_ATTR_DAEMON | nested,
                value.encode())));
        timeouts.ifPresent(value -> {
            attributes.add(Attributes.u32(IPVS_CMD_ATTR_TIMEOUT_TCP, value.tcpSecs()));
            attributes.add(Attributes.u32(IPVS_CMD_ATTR_TIMEOUT_TCP_FIN, value.tcpFinSecs()));
            attributes.add(Attributes.u32(IPVS_CMD_ATTR_TIMEOUT_UDP, value.udpSecs()));
        });
        info.ifPresent(value -> {
            attributes.add(Attributes.u32(IpvsInfo.IPVS_INFO_ATTR_VERSION, value.version()));
            attributes.add(Attributes.u32(IpvsInfo.IPVS_INFO_ATTR_CONN_TAB_SIZE, value.connectionTableSize()));
        });
        return attributes;
    }

    public GenlMessage toGenl() {
        return new GenlMessage(header, genl, attributes());
    }

    /** The whole message in native order; {@code nlmsg_len} is the header's, as parsed or built. */
    public ByteBuffer toBuffer() {
        return toGenl().toBuffer();
    }

    public int command() {
        return genl.command();
    }

    private static long u32(List<StructNlAttr> attributes, int type, String name) {
        return Attributes.asU32(Attributes.require(attributes, type, name), name);
    }
}
