package org.jkeepalived.healthcheck.check;

import java.nio.file.Path;
import org.jkeepalived.healthcheck.net.CheckerEventLoop;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A checker event loop for the test class, and a {@link CheckerHarness} for each test, stopped after it. */
abstract class CheckerTestBase {
    private static CheckerEventLoop loop;

    @TempDir
    Path dir;

    protected CheckerHarness checker;

    @BeforeAll
    static void startLoop() {
        loop = CheckerEventLoop.start();
    }

    @AfterAll
    static void stopLoop() {
        loop.close();
    }

    @BeforeEach
    void startHarness() {
        checker = new CheckerHarness(loop, dir);
    }

    @AfterEach
    void stopChecker() {
        checker.close();
    }
}
