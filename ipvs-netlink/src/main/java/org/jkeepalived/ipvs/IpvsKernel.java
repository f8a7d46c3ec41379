package org.jkeepalived.ipvs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jkeepalived.ipvs.codec.IpvsDaemon;
import org.jkeepalived.ipvs.codec.IpvsDestination;
import org.jkeepalived.ipvs.codec.IpvsService;
import org.jkeepalived.ipvs.codec.IpvsTimeouts;
import org.jkeepalived.ipvs.codec.ServiceAttribute;

/**
 * The IPVS table operations the {@link IpvsReconciler} needs. A refusal is an {@link IpvsException} carrying
 * keepalived's log line; any other {@link IOException} is a failure to talk to the kernel at all.
 */
public interface IpvsKernel {

    void addService(IpvsService service) throws IOException;

    void updateService(IpvsService service) throws IOException;

    void deleteService(ServiceAttribute service) throws IOException;

    void addDestination(IpvsService service, IpvsDestination destination) throws IOException;

    void updateDestination(IpvsService service, IpvsDestination destination) throws IOException;

    void deleteDestination(IpvsService service, IpvsDestination destination) throws IOException;

    void flush() throws IOException;

    /**
     * Every command in order, each answered on its own: per command, empty when done, else the kernel's refusal.
     * The kernel goes on after a refusal, as it does with the requests of one netlink datagram. This default sends
     * them one by one; a client may batch them.
     *
     * @throws IOException when the kernel could not be talked to at all; some commands may have been applied
     */
    default List<Optional<IpvsException>> apply(List<IpvsCommand> commands) throws IOException {
        List<Optional<IpvsException>> outcomes = new ArrayList<>(commands.size());
        for (IpvsCommand command : commands) {
            try {
                command.sendTo(this);
                outcomes.add(Optional.empty());
            } catch (IpvsException refusal) {
                outcomes.add(Optional.of(refusal));
            }
        }
        return outcomes;
    }

    /** The connection timeouts now in force. */
    IpvsTimeouts timeouts() throws IOException;

    /** Sets the connection timeouts; a 0 leaves that one unchanged. */
    void setTimeouts(IpvsTimeouts timeouts) throws IOException;

    void startDaemon(IpvsDaemon daemon) throws IOException;

    void stopDaemon(IpvsDaemon daemon) throws IOException;
}
