package org.jkeepalived.ipvs;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

import org.jkeepalived.ipvs.codec.IpvsTimeouts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code lvs_timeouts} as keepalived 2.2.7's checkers apply it: before the first change the kernel's own timeouts are
 * read and kept; a timeout the config leaves out is set back to the kernel's own; on a reload without
 * {@code lvs_timeouts}, and on stop, the kernel's own come back. Owned by the checkers' loop.
 */
public final class IpvsConnectionTimeouts {

    private static final Logger LOG = LoggerFactory.getLogger(IpvsConnectionTimeouts.class);

    private final IpvsKernel kernel;
    private Optional<IpvsTimeouts> kernelOwn = Optional.empty();

    public IpvsConnectionTimeouts(IpvsKernel kernel) {
        this.kernel = Objects.requireNonNull(kernel, "kernel");
    }

    /**
     * At start and on reload: the configured timeouts (all 0: none configured).
     *
     * @return false when the kernel refused, logged as keepalived's "Failed to set ipvs timeouts"
     */
    public boolean apply(IpvsTimeouts configured, boolean reload) {
        boolean none = configured.tcpSecs() == 0 && configured.tcpFinSecs() == 0 && configured.udpSecs() == 0;
        if (none && !reload) {
            return true;
        }
        try {
            set(none ? Optional.empty() : Optional.of(configured));
            return true;
        } catch (IOException e) {
            LOG.info("Failed to set ipvs timeouts");
            return false;
        }
    }

    /** On stop: the kernel's own timeouts back, if we ever changed them; a failure is not reported, as keepalived. */
    public void restore() {
        try {
            set(Optional.empty());
        } catch (IOException e) {
            LOG.debug("restoring the IPVS timeouts: {}", e.getMessage());
        }
    }

    /** keepalived's ipvs_set_timeout: empty restores the kernel's own (nothing to do when never changed). */
    private void set(Optional<IpvsTimeouts> wanted) throws IOException {
        if (kernelOwn.isEmpty()) {
            if (wanted.isEmpty()) {
                return;
            }
            kernelOwn = Optional.of(kernel.timeouts());
        }
        IpvsTimeouts own = kernelOwn.get();
        IpvsTimeouts to = wanted.orElse(own);
        kernel.setTimeouts(new IpvsTimeouts(to.tcpSecs() != 0 ? to.tcpSecs() : own.tcpSecs(),
                to.tcpFinSecs() != 0 ? to.tcpFinSecs() : own.tcpFinSecs(),
                to.udpSecs() != 0 ? to.udpSecs() : own.udpSecs()));
    }
}
