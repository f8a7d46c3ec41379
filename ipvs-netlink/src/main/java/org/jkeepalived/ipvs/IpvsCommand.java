package org.jkeepalived.ipvs;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

import org.jkeepalived.ipvs.codec.IpvsDestination;
import org.jkeepalived.ipvs.codec.IpvsService;

/**
 * One table edit, kept to be sent with others ({@link IpvsKernel#apply}): a service command, or a destination
 * command in {@code service}.
 */
public record IpvsCommand(IpvsOperation operation, IpvsService service, Optional<IpvsDestination> destination) {

    public IpvsCommand {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(destination, "destination");
        boolean destinationCommand = switch (operation) {
            case ADD_DESTINATION, EDIT_DESTINATION, DELETE_DESTINATION -> true;
            case ADD_SERVICE, EDIT_SERVICE, DELETE_SERVICE -> false;
            default -> throw new IllegalArgumentException("operation: " + operation + " (expected a table edit)");
        };
        if (destinationCommand != destination.isPresent()) {
            throw new IllegalArgumentException("destination: " + destination + " (expected "
                    + (destinationCommand ? "one" : "none") + " for " + operation + ")");
        }
    }

    public static IpvsCommand ofService(IpvsOperation operation, IpvsService service) {
        return new IpvsCommand(operation, service, Optional.empty());
    }

    public static IpvsCommand ofDestination(IpvsOperation operation, IpvsService service,
            IpvsDestination destination) {
        return new IpvsCommand(operation, service, Optional.of(destination));
    }

    /** What keepalived's log names after the command: the service, and the destination in it. */
    public String target() {
        return service.key().describe() + destination.map(d -> " -> " + d.describe()).orElse("");
    }

    /** The command through {@code kernel}'s one-request methods. */
    public void sendTo(IpvsKernel kernel) throws IOException {
        switch (operation) {
            case ADD_SERVICE -> kernel.addService(service);
            case EDIT_SERVICE -> kernel.updateService(service);
            case DELETE_SERVICE -> kernel.deleteService(service);
            case ADD_DESTINATION -> kernel.addDestination(service, destination.orElseThrow());
            case EDIT_DESTINATION -> kernel.updateDestination(service, destination.orElseThrow());
            case DELETE_DESTINATION -> kernel.deleteDestination(service, destination.orElseThrow());
            default -> throw new IllegalStateException("operation: " + operation);
        }
    }
}
