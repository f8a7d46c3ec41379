package org.jkeepalived.ipvs;

import java.io.IOException;

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

    /** The connection timeouts now in force. */
    IpvsTimeouts timeouts() throws IOException;

    /** Sets the connection timeouts; a 0 leaves that one unchanged. */
    void setTimeouts(IpvsTimeouts timeouts) throws IOException;

    void startDaemon(IpvsDaemon daemon) throws IOException;

    void stopDaemon(IpvsDaemon daemon) throws IOException;
}
