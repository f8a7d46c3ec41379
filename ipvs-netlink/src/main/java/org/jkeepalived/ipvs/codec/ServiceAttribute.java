package org.jkeepalived.ipvs.codec;

import java.util.List;

import org.jkeepalived.libc.netlink.StructNlAttr;
import org.jkeepalived.libc.netlink.WireFormatException;

/**
 * What an IPVS_CMD_ATTR_SERVICE nest holds: a whole service (with its scheduler), or only the key that names one, as
 * IPVS_CMD_GET_DEST and IPVS_CMD_DEL_SERVICE requests may send.
 */
public sealed interface ServiceAttribute permits IpvsServiceKey, IpvsService {

    IpvsServiceKey key();

    /** The IPVS_SVC_ATTR_* set, in the order libipvs sends it (and the kernel reports it). */
    List<StructNlAttr> encode();

    static ServiceAttribute decode(StructNlAttr nest) {
        try {
            List<StructNlAttr> attributes = nest.nested();
            IpvsServiceKey key = IpvsServiceKey.decode(attributes);
            return Attributes.find(attributes, IpvsService.IPVS_SVC_ATTR_SCHED_NAME).isPresent()
                    ? IpvsService.decode(key, attributes) : key;
        } catch (WireFormatException e) {
            throw Attributes.within(e, StructNlAttr.HEADER_BYTES, "IPVS_CMD_ATTR_SERVICE");
        }
    }
}
