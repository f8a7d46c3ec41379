package org.jkeepalived.config;

import java.util.List;
import org.jkeepalived.config.global.GlobalDefs;
import org.jkeepalived.config.lvs.LvsConfig;
import org.jkeepalived.config.vrrp.VrrpConfig;

/**
 * One loaded keepalived.conf: immutable, compared by value, so a reload diffs two of these by the names and keys of
 * their parts (see docs/architecture.md).
 *
 * @param notActedOn keywords keepalived accepts that jkeepalived keeps but does not act on yet
 */
public record KeepalivedConfig(GlobalDefs global, VrrpConfig vrrp, LvsConfig lvs, List<RawSetting> notActedOn) {

    public KeepalivedConfig {
        notActedOn = List.copyOf(notActedOn);
    }
}
