package org.jkeepalived.config.value;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jkeepalived.config.ConfigAbort;
import org.jkeepalived.config.Diagnostics;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.RawSetting;
import org.jkeepalived.config.Severity;
import org.jkeepalived.config.Subsystem;
import org.jkeepalived.config.tree.ConfigNode;

/**
 * What the model builders share during one load: the diagnostics, the host, whether this is {@code -t}, and the
 * keywords kept as raw settings. Owned by the thread doing the load.
 */
public final class BuildContext {
    /** keepalived's KEEPALIVED_EXIT_CONFIG, its exit status when a keyword lacks a parameter it needs. */
    public static final int EXIT_CONFIG = 2;

    private final Diagnostics diagnostics;
    private final HostEnvironment host;
    private final boolean configTest;
    private final List<RawSetting> notActedOn = new ArrayList<>();
    private final Set<Subsystem> cannotRun = EnumSet.noneOf(Subsystem.class);

    public BuildContext(Diagnostics diagnostics, HostEnvironment host, boolean configTest) {
        this.diagnostics = diagnostics;
        this.host = host;
        this.configTest = configTest;
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }

    public HostEnvironment host() {
        return host;
    }

    public boolean configTest() {
        return configTest;
    }

    public void report(Severity severity, Location at, String message) {
        diagnostics.report(severity, at, message);
    }

    /**
     * Word {@code index} of a keyword line (0 is the keyword). Where the line is too short keepalived's
     * {@code null_strvec} reports the missing parameter and exits with status 2; so do we.
     */
    public String word(ConfigNode node, int index) {
        if (index <= node.args().size()) {
            return index == 0 ? node.keyword() : node.args().get(index - 1);
        }
        String message = index >= 1
                ? "*** Configuration line starting `" + node.keyword() + "` is missing a parameter after keyword `"
                        + word(node, index - 1) + "` at word position " + (index + 1)
                : "*** Configuration line starting `" + node.keyword() + "` is missing a parameter at word position "
                        + (index + 1);
        throw abort(node.location(), message);
    }

    private ConfigAbort abort(Location at, String message) {
        return diagnostics.abort(EXIT_CONFIG, Severity.MISSING_PARAMETER, at, message);
    }

    /**
     * Records that keepalived's process for {@code subsystem} would refuse this config (it exits with status 2
     * after its validation), whatever the config test's verdict.
     */
    public void cannotRun(Subsystem subsystem) {
        cannotRun.add(subsystem);
    }

    public Set<Subsystem> cannotRun() {
        return Collections.unmodifiableSet(cannotRun);
    }

    /** Keeps a keyword that keepalived accepts but that jkeepalived does not act on yet. */
    public void notActedOn(String blockPath, ConfigNode node) {
        notActedOn.add(new RawSetting(blockPath, node.keyword(), node.args(), node.location()));
    }

    public List<RawSetting> notActedOn() {
        return Collections.unmodifiableList(notActedOn);
    }
}
