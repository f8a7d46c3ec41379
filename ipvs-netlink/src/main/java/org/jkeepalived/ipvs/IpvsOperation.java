package org.jkeepalived.ipvs;

import java.util.Map;

import org.jkeepalived.ipvs.codec.IpvsMessage;

/**
 * The IPVS operations as keepalived names them in its log: the {@code IP_VS_SO_SET_*} socket option it once used and
 * its number, the generic netlink command that does it now, and the errno texts libipvs's {@code ipvs_strerror} gives
 * for this operation alone.
 */
public enum IpvsOperation {
    ADD_SERVICE("IP_VS_SO_SET_ADD", 2, IpvsMessage.IPVS_CMD_NEW_SERVICE,
            Map.of(Errno.EEXIST, "Service already exists", Errno.ENOENT, "Scheduler or persistence engine not found")),
    EDIT_SERVICE("IP_VS_SO_SET_EDIT", 3, IpvsMessage.IPVS_CMD_SET_SERVICE,
            Map.of(Errno.ENOENT, "Scheduler or persistence engine not found")),
    DELETE_SERVICE("IP_VS_SO_SET_DEL", 4, IpvsMessage.IPVS_CMD_DEL_SERVICE, Map.of()),
    FLUSH("IP_VS_SO_SET_FLUSH", 5, IpvsMessage.IPVS_CMD_FLUSH, Map.of()),
    ADD_DESTINATION("IP_VS_SO_SET_ADDDEST", 7, IpvsMessage.IPVS_CMD_NEW_DEST,
            Map.of(Errno.EEXIST, "Destination already exists")),
    DELETE_DESTINATION("IP_VS_SO_SET_DELDEST", 8, IpvsMessage.IPVS_CMD_DEL_DEST,
            Map.of(Errno.ENOENT, "No such destination")),
    EDIT_DESTINATION("IP_VS_SO_SET_EDITDEST", 9, IpvsMessage.IPVS_CMD_SET_DEST,
            Map.of(Errno.ENOENT, "No such destination")),
    SET_TIMEOUT("IP_VS_SO_SET_TIMEOUT", 10, IpvsMessage.IPVS_CMD_SET_CONFIG, Map.of()),
    START_DAEMON("IP_VS_SO_SET_STARTDAEMON", 11, IpvsMessage.IPVS_CMD_NEW_DAEMON,
            Map.of(Errno.EEXIST, "Daemon has already run")),
    STOP_DAEMON("IP_VS_SO_SET_STOPDAEMON", 12, IpvsMessage.IPVS_CMD_DEL_DAEMON,
            Map.of(Errno.ESRCH, "No daemon is running")),
    GET_SERVICES("IP_VS_SO_GET_SERVICES", 2, IpvsMessage.IPVS_CMD_GET_SERVICE, Map.of()),
    GET_DESTINATIONS("IP_VS_SO_GET_DESTS", 4, IpvsMessage.IPVS_CMD_GET_DEST, Map.of()),
    GET_TIMEOUT("IP_VS_SO_GET_TIMEOUT", 6, IpvsMessage.IPVS_CMD_GET_CONFIG, Map.of()),
    GET_DAEMON("IP_VS_SO_GET_DAEMON", 7, IpvsMessage.IPVS_CMD_GET_DAEMON, Map.of()),
    GET_INFO("IP_VS_SO_GET_INFO", 1, IpvsMessage.IPVS_CMD_GET_INFO, Map.of());

    /** linux/ip_vs.h IP_VS_BASE_CTL: the socket options count from it. */
    private static final int IP_VS_BASE_CTL = 64 + 1024 + 64;

    /** ipvs_strerror's texts for any operation. */
    private static final Map<Integer, String> COMMON_TEXTS = Map.of(
            Errno.ESRCH, "No such service",
            Errno.EPERM, "Permission denied (you must be root)",
            Errno.EINVAL, "Invalid operation.  Possibly wrong module version, address not unicast, ...",
            Errno.ENOPROTOOPT, "Protocol not available",
            Errno.ENOMEM, "Memory allocation problem",
            Errno.EOPNOTSUPP, "Operation not supported with IPv6",
            Errno.EAFNOSUPPORT, "Operation not supported with specified address family",
            Errno.EMSGSIZE, "Module is wrong version");

    private final String socketOptionName;
    private final int socketOption;
    private final int genlCommand;
    private final Map<Integer, String> texts;

    IpvsOperation(String socketOptionName, int offsetFromBase, int genlCommand, Map<Integer, String> texts) {
        this.socketOptionName = socketOptionName;
        this.socketOption = IP_VS_BASE_CTL + offsetFromBase;
        this.genlCommand = genlCommand;
        this.texts = texts;
    }

    /** keepalived's name for it: {@code IP_VS_SO_SET_ADD}. */
    public String socketOptionName() {
        return socketOptionName;
    }

    /** The socket option's number keepalived prints beside the name: 1154 for IP_VS_SO_SET_ADD. */
    public int socketOption() {
        return socketOption;
    }

    public int genlCommand() {
        return genlCommand;
    }

    /** libipvs's {@code ipvs_strerror} for {@code errno} after this operation, else {@code strerror}'s text. */
    public String errorText(int errno, String strerror) {
        return texts.getOrDefault(errno, COMMON_TEXTS.getOrDefault(errno, strerror));
    }

    /** The errno values the texts are keyed by (Linux's numbering). */
    static final class Errno {
        static final int EPERM = 1;
        static final int ENOENT = 2;
        static final int ESRCH = 3;
        static final int ENOMEM = 12;
        static final int EEXIST = 17;
        static final int EINVAL = 22;
        static final int ENOPROTOOPT = 92;
        static final int EOPNOTSUPP = 95;
        static final int EAFNOSUPPORT = 97;
        static final int EMSGSIZE = 90;

        private Errno() {
        }
    }
}
