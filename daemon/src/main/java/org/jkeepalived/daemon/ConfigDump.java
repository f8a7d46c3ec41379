package org.jkeepalived.daemon;

import java.util.ArrayList;
import java.util.List;
import org.jkeepalived.config.KeepalivedConfig;
import org.jkeepalived.config.RawSetting;

/**
 * {@code -d}: the loaded configuration written to the log. Until the keyword tree dump exists this is the model's
 * summary and the keywords kept without action.
 */
final class ConfigDump {
    private ConfigDump() {
    }

    static List<String> lines(KeepalivedConfig config) {
        List<String> lines = new ArrayList<>();
        lines.add("------< Global definitions >------");
        lines.add(" " + config.global());
        lines.add("------< VRRP Topology >------");
        lines.add(" " + config.vrrp());
        lines.add("------< LVS Topology >------");
        lines.add(" " + config.lvs());
        for (RawSetting setting : config.notActedOn()) {
            lines.add(" not acted on: " + setting.location() + " " + setting.keyword() + " "
                    + String.join(" ", setting.args()));
        }
        return lines;
    }
}
