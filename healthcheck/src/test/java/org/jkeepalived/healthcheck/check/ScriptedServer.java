package org.jkeepalived.healthcheck.check;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;

/**
 * A TCP (or TLS) server on loopback that reads each request's header and then answers with the exact bytes and
 * timing the test scripts, one connection at a time on its own thread.
 */
final class ScriptedServer implements AutoCloseable {
    private static final byte[] END_OF_HEADER = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    /** What the server does with a connection whose request header it has read; the server closes it after. */
    @FunctionalInterface
    interface Answer {
        void answer(Socket connection, String requestHeader) throws IOException, InterruptedException;
    }

    private final ServerSocket listener;
    private final Answer answer;
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final List<String> requestHeaders = new CopyOnWriteArrayList<>();
    private final boolean readsHeader;

    private ScriptedServer(ServerSocket listener, boolean readsHeader, Answer answer) {
        this.listener = listener;
        this.readsHeader = readsHeader;
        this.answer = answer;
        Thread thread = new Thread(this::serve, "scripted-server-" + listener.getLocalPort());
        thread.setDaemon(true);
        thread.start();
    }

    static ScriptedServer plain(Answer answer) throws IOException {
        return new ScriptedServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), true, answer);
    }

    /** A plain server that answers as soon as it accepts, without waiting for a request; its header is "". */
    static ScriptedServer speakingFirst(Answer answer) throws IOException {
        return new ScriptedServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), false, answer);
    }

    static ScriptedServer tls(SSLContext tls, Answer answer) throws IOException {
        return new ScriptedServer(tls.getServerSocketFactory().createServerSocket(0, 50,
                InetAddress.getLoopbackAddress()), true, answer);
    }

    /** The answer that writes {@code response} as it is, and closes. */
    static Answer replying(String response) {
        return (connection, request) -> write(connection, response);
    }

    static void write(Socket connection, String bytes) throws IOException {
        connection.getOutputStream().write(bytes.getBytes(StandardCharsets.ISO_8859_1));
        connection.getOutputStream().flush();
    }

    /** Waits until the client closes its side (or resets it). */
    static void awaitClientClose(Socket connection) throws IOException {
        InputStream in = connection.getInputStream();
        while (in.read() != -1) {
            // the client sends nothing more; anything else is ignored
        }
    }

    int port() {
        return listener.getLocalPort();
    }

    /** The request headers received so far, in order. */
    List<String> requestHeaders() {
        return List.copyOf(requestHeaders);
    }

    private void serve() {
        while (!listener.isClosed()) {
            try (Socket connection = listener.accept()) {
                connections.add(connection);
                String header = readsHeader ? readHeader(connection.getInputStream()) : "";
                requestHeaders.add(header);
                answer.answer(connection, header);
            } catch (IOException e) {
                // a client that went away, or the listener closed at the end of the test
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static String readHeader(InputStream in) throws IOException {
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < END_OF_HEADER.length) {
            int next = in.read();
            if (next == -1) {
                break;
            }
            header.write(next);
            matched = next == END_OF_HEADER[matched] ? matched + 1 : next == END_OF_HEADER[0] ? 1 : 0;
        }
        return header.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket connection : connections) {
            connection.close();
        }
    }
}
