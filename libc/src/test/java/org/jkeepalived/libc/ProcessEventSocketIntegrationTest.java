package org.jkeepalived.libc;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import org.jkeepalived.libc.ProcessEventSocket.ProcessEvent;
import org.junit.jupiter.api.Test;

class ProcessEventSocketIntegrationTest {

    private static final int WAIT_MILLIS = 5_000;

    @Test
    void aChildProcessIsSeenExecutingAndExiting() throws Exception {
        assumeTrue(Native.isAvailable(), "no glibc");
        ProcessEventSocket socket;
        try {
            socket = ProcessEventSocket.open();
        } catch (NativeIoException e) {
            assumeTrue(false, "no process events here: " + e.getMessage());
            return;
        }
        try (socket) {
            Process child = new ProcessBuilder("true").start();
            int pid = (int) child.pid();
            child.waitFor();
            List<ProcessEvent> events = new ArrayList<>();
            long deadline = System.currentTimeMillis() + WAIT_MILLIS;
            while (!events.contains(new ProcessEvent.Exit(pid)) && System.currentTimeMillis() < deadline) {
                socket.awaitReadable(100);
                events.addAll(socket.drain());
            }
            assertTrue(events.contains(new ProcessEvent.Exec(pid)), "exec of " + pid + " in " + events.size());
            assertTrue(events.contains(new ProcessEvent.Exit(pid)), "exit of " + pid);
        }
    }
}
