package org.jkeepalived.ipvs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jkeepalived.ipvs.codec.IpvsDaemon;
import org.jkeepalived.ipvs.codec.IpvsDestination;
import org.jkeepalived.ipvs.codec.IpvsInfo;
import org.jkeepalived.ipvs.codec.IpvsMessage;
import org.jkeepalived.ipvs.codec.IpvsService;
import org.jkeepalived.ipvs.codec.IpvsTimeouts;
import org.jkeepalived.ipvs.codec.ServiceAttribute;
import org.jkeepalived.ipvs.genl.GenlConnection;
import org.jkeepalived.ipvs.genl.GenlMessage;
import org.jkeepalived.libc.Native;
import org.jkeepalived.libc.NativeIoException;

/**
 * The kernel's IPVS table over generic netlink, the way keepalived's libipvs drives it: every request acknowledged,
 * the "IPVS" family id looked up once when opened. Refusals become {@link IpvsException}s worded as keepalived logs
 * them. Owned by one thread (the checkers' loop).
 */
public final class IpvsClient implements IpvsKernel, AutoCloseable {

    /**
     * Requests per datagram in {@link #apply}: each refusal comes back with its request echoed, and a batch's answers
     * must all fit the socket's default receive buffer (about 200 KiB of kernel buffers).
     */
    static final int MAX_REQUESTS_PER_DATAGRAM = 64;

    private final GenlConnection connection;
    private final int familyId;

    private IpvsClient(GenlConnection connection, int familyId) {
        this.connection = connection;
        this.familyId = familyId;
    }

    /**
     * Opens a NETLINK_GENERIC socket in the calling thread's network namespace and resolves the IPVS family (ENOENT,
     * as a {@link NativeIoException}, when the ip_vs module is not loaded).
     *
     * @param firstSequence the first request's sequence number
     */
    public static IpvsClient open(int firstSequence, int replyTimeoutMillis) throws IOException {
        GenlConnection connection = GenlConnection.open(firstSequence, replyTimeoutMillis);
        try {
            return new IpvsClient(connection, connection.resolveFamily(IpvsMessage.IPVS_GENL_NAME));
        } catch (IOException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    public int familyId() {
        return familyId;
    }

    @Override
    public void addService(IpvsService service) throws IOException {
        send(IpvsOperation.ADD_SERVICE, IpvsMessage.Body.of(service), service.key().describe());
    }

    @Override
    public void updateService(IpvsService service) throws IOException {
        send(IpvsOperation.EDIT_SERVICE, IpvsMessage.Body.of(service), service.key().describe());
    }

    @Override
    public void deleteService(ServiceAttribute service) throws IOException {
        send(IpvsOperation.DELETE_SERVICE, IpvsMessage.Body.of(service), service.key().describe());
    }

    @Override
    public void addDestination(IpvsService service, IpvsDestination destination) throws IOException {
        sendDestination(IpvsOperation.ADD_DESTINATION, service, destination);
    }

    @Override
    public void updateDestination(IpvsService service, IpvsDestination destination) throws IOException {
        sendDestination(IpvsOperation.EDIT_DESTINATION, service, destination);
    }

    @Override
    public void deleteDestination(IpvsService service, IpvsDestination destination) throws IOException {
        sendDestination(IpvsOperation.DELETE_DESTINATION, service, destination);
    }

    /**
     * The commands in datagrams of up to {@value #MAX_REQUESTS_PER_DATAGRAM} requests, each acknowledged, the acks
     * matched to their requests by sequence number: the kernel's work without a round trip per command.
     */
    @Override
    public List<Optional<IpvsException>> apply(List<IpvsCommand> commands) throws IOException {
        List<Optional<IpvsException>> outcomes = new ArrayList<>(commands.size());
        for (int start = 0; start < commands.size(); start += MAX_REQUESTS_PER_DATAGRAM) {
            List<IpvsCommand> batch = commands.subList(start, Math.min(commands.size(),
                    start + MAX_REQUESTS_PER_DATAGRAM));
            int[] errnos = connection.acknowledgeAll(requests(familyId, connection.nextSequences(batch.size()),
                    batch), "IPVS batch");
            for (int index = 0; index < batch.size(); index++) {
                outcomes.add(errnos[index] == 0 ? Optional.empty() : Optional.of(refusal(batch.get(index),
                        errnos[index])));
            }
        }
        return outcomes;
    }

    /** The generic netlink requests for {@code commands}, numbered from {@code firstSequence}. */
    public static List<GenlMessage> requests(int familyId, int firstSequence, List<IpvsCommand> commands) {
        List<GenlMessage> requests = new ArrayList<>(commands.size());
        for (int index = 0; index < commands.size(); index++) {
            IpvsCommand command = commands.get(index);
            IpvsMessage.Body body = command.destination().map(d -> IpvsMessage.Body.of(command.service(), d))
                    .orElseGet(() -> IpvsMessage.Body.of(command.service()));
            requests.add(IpvsMessage.request(familyId, firstSequence + index, command.operation().genlCommand(),
                    false, body).toGenl());
        }
        return requests;
    }

    @Override
    public void flush() throws IOException {
        send(IpvsOperation.FLUSH, IpvsMessage.Body.EMPTY, "");
    }

    /** Every service in the table, with the kernel's flags and statistics. */
    public List<IpvsService> services() throws IOException {
        return exchange(IpvsOperation.GET_SERVICES, true, IpvsMessage.Body.EMPTY, "").stream()
                .flatMap(message -> message.service().stream())
                .map(IpvsService.class::cast)
                .toList();
    }

    /** The destinations of {@code service}, with their connection counters. */
    public List<IpvsDestination> destinations(ServiceAttribute service) throws IOException {
        return exchange(IpvsOperation.GET_DESTINATIONS, true, IpvsMessage.Body.of(service.key()),
                service.key().describe()).stream().flatMap(message -> message.destination().stream()).toList();
    }

    @Override
    public IpvsTimeouts timeouts() throws IOException {
        return only(exchange(IpvsOperation.GET_TIMEOUT, false, IpvsMessage.Body.EMPTY, ""), IpvsOperation.GET_TIMEOUT)
                .timeouts().orElseThrow(() -> new IOException("IPVS_CMD_GET_CONFIG: answered without timeouts"));
    }

    @Override
    public void setTimeouts(IpvsTimeouts timeouts) throws IOException {
        send(IpvsOperation.SET_TIMEOUT, IpvsMessage.Body.of(timeouts), "");
    }

    @Override
    public void startDaemon(IpvsDaemon daemon) throws IOException {
        send(IpvsOperation.START_DAEMON, IpvsMessage.Body.of(daemon), "");
    }

    @Override
    public void stopDaemon(IpvsDaemon daemon) throws IOException {
        send(IpvsOperation.STOP_DAEMON, IpvsMessage.Body.of(daemon), "");
    }

    /** The running sync daemons (master, backup or both). */
    public List<IpvsDaemon> daemons() throws IOException {
        return exchange(IpvsOperation.GET_DAEMON, true, IpvsMessage.Body.EMPTY, "").stream()
                .flatMap(message -> message.daemon().stream()).toList();
    }

    public IpvsInfo info() throws IOException {
        return only(exchange(IpvsOperation.GET_INFO, false, IpvsMessage.Body.EMPTY, ""), IpvsOperation.GET_INFO)
                .info().orElseThrow(() -> new IOException("IPVS_CMD_GET_INFO: answered without info"));
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }

    private void sendDestination(IpvsOperation operation, IpvsService service, IpvsDestination destination)
            throws IOException {
        send(operation, IpvsMessage.Body.of(service, destination),
                IpvsCommand.ofDestination(operation, service, destination).target());
    }

    private void send(IpvsOperation operation, IpvsMessage.Body body, String target) throws IOException {
        exchange(operation, false, body, target);
    }

    private List<IpvsMessage> exchange(IpvsOperation operation, boolean dump, IpvsMessage.Body body, String target)
            throws IOException {
        IpvsMessage request = IpvsMessage.request(familyId, connection.nextSequence(), operation.genlCommand(), dump,
                body);
        try {
            return connection.exchange(request.toGenl(), operation.socketOptionName(), target).stream()
                    .map(IpvsMessage::parse).toList();
        } catch (NativeIoException e) {
            throw new IpvsException(operation, e.errno(), Native.errnoText(e.errno()), target);
        }
    }

    private static IpvsException refusal(IpvsCommand command, int errno) {
        return new IpvsException(command.operation(), errno, Native.errnoText(errno), command.target());
    }

    private static IpvsMessage only(List<IpvsMessage> answers, IpvsOperation operation) throws IOException {
        return answers.stream().findFirst().orElseThrow(() -> new IOException(operation.socketOptionName()
                + ": no answer"));
    }
}
