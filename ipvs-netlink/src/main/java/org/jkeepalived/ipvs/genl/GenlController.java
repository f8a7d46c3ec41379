package org.jkeepalived.ipvs.genl;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

import org.jkeepalived.libc.netlink.StructNlAttr;
import org.jkeepalived.libc.netlink.StructNlMsgHdr;
import org.jkeepalived.libc.netlink.WireFormatException;

/**
 * The generic netlink controller ("nlctrl", linux/genetlink.h): the family of fixed id {@link #GENL_ID_CTRL} that maps
 * family names to the ids the kernel gives them when their module loads.
 */
public final class GenlController {

    public static final int GENL_ID_CTRL = 0x10;
    public static final int CTRL_CMD_NEWFAMILY = 1;
    public static final int CTRL_CMD_GETFAMILY = 3;
    public static final int CTRL_ATTR_FAMILY_ID = 1;
    public static final int CTRL_ATTR_FAMILY_NAME = 2;
    /** The controller version libnl's genl_ctrl_resolve sends. */
    public static final int CTRL_VERSION = 1;

    private GenlController() {
    }

    /** CTRL_CMD_GETFAMILY for {@code familyName}, acknowledged, as libnl's genl_ctrl_resolve sends it. */
    public static GenlMessage familyRequest(int sequence, String familyName) {
        return GenlMessage.request(GENL_ID_CTRL, StructNlMsgHdr.NLM_F_REQUEST | StructNlMsgHdr.NLM_F_ACK, sequence,
                new StructGenlMsgHdr(CTRL_CMD_GETFAMILY, CTRL_VERSION, 0),
                List.of(StructNlAttr.ofString(CTRL_ATTR_FAMILY_NAME, familyName)));
    }

    /** The family id a CTRL_CMD_NEWFAMILY reply carries. */
    public static int familyId(GenlMessage reply) {
        if (reply.command() != CTRL_CMD_NEWFAMILY) {
            throw new WireFormatException(StructNlMsgHdr.BYTES, "nlctrl command " + reply.command()
                    + " (expected CTRL_CMD_NEWFAMILY " + CTRL_CMD_NEWFAMILY + ")");
        }
        StructNlAttr id = StructNlAttr.find(reply.attributes(), CTRL_ATTR_FAMILY_ID)
                .orElseThrow(() -> new WireFormatException(StructNlMsgHdr.BYTES + StructGenlMsgHdr.BYTES,
                        "CTRL_ATTR_FAMILY_ID missing"));
        byte[] value = id.value();
        if (value.length != Short.BYTES) {
            throw new WireFormatException(StructNlMsgHdr.BYTES + StructGenlMsgHdr.BYTES, "CTRL_ATTR_FAMILY_ID: "
                    + value.length + " bytes (expected 2)");
        }
        return Short.toUnsignedInt(ByteBuffer.wrap(value).order(ByteOrder.nativeOrder()).getShort());
    }
}
