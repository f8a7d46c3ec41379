package org.jkeepalived.daemon.smtp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A mail server on loopback for one conversation: it answers every command with its success code and records what it
 * received, CRLFs as they came, so that it can be compared with what keepalived 2.2.7 sends to the same responder.
 */
final class SmtpResponder implements AutoCloseable {

    private final ServerSocket server;
    private final CompletableFuture<String> received = new CompletableFuture<>();

    SmtpResponder() throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(this::converse, "smtp-responder");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Everything the client sent, once it has quit. */
    String dialogue() throws Exception {
        return received.get(10, TimeUnit.SECONDS);
    }

    private void converse() {
        StringBuilder transcript = new StringBuilder();
        try (Socket socket = server.accept()) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1));
            OutputStream out = socket.getOutputStream();
            reply(out, "220 test ESMTP");
            boolean inData = false;
            String line;
            while ((line = in.readLine()) != null) {
                transcript.append(line).append("\r\n");
                if (inData) {
                    if (line.equals(".")) {
                        inData = false;
                        reply(out, "250 queued");
                    }
                } else if (line.equals("DATA")) {
                    inData = true;
                    reply(out, "354 go ahead");
                } else if (line.equals("QUIT")) {
                    reply(out, "221 bye");
                    break;
                } else if (line.startsWith("HELO")) {
                    reply(out, "250-test\r\n250 ok");
                } else {
                    reply(out, "250 ok");
                }
            }
            received.complete(transcript.toString());
        } catch (IOException e) {
            received.completeExceptionally(e);
        }
    }

    private static void reply(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
