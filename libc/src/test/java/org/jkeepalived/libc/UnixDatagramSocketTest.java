package org.jkeepalived.libc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnixDatagramSocketTest {

    @Test
    void aDatagramSentToABoundPathArrivesWhole(@TempDir Path directory) throws Exception {
        assumeTrue(Native.isAvailable());
        String path = directory.resolve("log").toString();
        try (UnixDatagramSocket receiver = UnixDatagramSocket.bind(path);
             UnixDatagramSocket sender = UnixDatagramSocket.open()) {
            byte[] line = "<30>Nov  2 06:26:18 Keepalived[1]: Starting".getBytes(StandardCharsets.UTF_8);
            sender.send(line, path);
            assertArrayEquals(line, receiver.receive(1_000).orElseThrow());
            assertFalse(receiver.receive(10).isPresent());
        }
    }

    @Test
    void anAtSignNamesAnAbstractSocket() throws Exception {
        assumeTrue(Native.isAvailable());
        String name = "@jkeepalived-test-" + ProcessHandle.current().pid();
        try (UnixDatagramSocket receiver = UnixDatagramSocket.bind(name);
             UnixDatagramSocket sender = UnixDatagramSocket.open()) {
            sender.send("READY=1".getBytes(StandardCharsets.UTF_8), name);
            assertEquals("READY=1", new String(receiver.receive(1_000).orElseThrow(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void sendingToNoSocketFailsNamingTheCall(@TempDir Path directory) throws Exception {
        assumeTrue(Native.isAvailable());
        try (UnixDatagramSocket sender = UnixDatagramSocket.open()) {
            NativeIoException failure = assertThrows(NativeIoException.class,
                    () -> sender.send(new byte[] {1}, directory.resolve("absent").toString()));
            assertEquals("sendmsg", failure.call());
        }
    }

    @Test
    void anAbstractAddressStartsWithANulAndHasNoTrailingOne() {
        byte[] address = UnixDatagramSocket.socketAddress("@ab");
        assertArrayEquals(new byte[] {1, 0, 0, 'a', 'b'}, address);
        assertArrayEquals(new byte[] {1, 0, '/', 'x', 0}, UnixDatagramSocket.socketAddress("/x"));
    }
}
