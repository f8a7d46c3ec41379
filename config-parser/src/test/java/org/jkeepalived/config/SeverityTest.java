package org.jkeepalived.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SeverityTest {

    @Test
    void configTestExitsAsKeepalivedDoesForEachClass() {
        assertEquals(0, Severity.OK.configTestExitStatus());
        assertEquals(4, Severity.BAD_IF.configTestExitStatus());
        assertEquals(5, Severity.UNKNOWN_KEYWORD.configTestExitStatus());
        assertEquals(6, Severity.SECURITY_ERROR.configTestExitStatus());
    }

    @Test
    void theNumericallyLargestClassWinsEvenWhenItIsMilder() {
        Diagnostics diagnostics = new Diagnostics();
        diagnostics.report(Severity.FATAL, null, "fatal");
        diagnostics.report(Severity.UNKNOWN_KEYWORD, null, "unknown");
        assertEquals(Severity.UNKNOWN_KEYWORD, diagnostics.worst());
    }

    @Test
    void onlyTheCannotRunClassesPreventStart() {
        assertTrue(Severity.FILE_NOT_FOUND.preventsStart());
        assertTrue(Severity.FATAL.preventsStart());
        assertFalse(Severity.SECURITY_ERROR.preventsStart());
        assertFalse(Severity.INVALID_NUMBER.preventsStart());
    }

    @Test
    void aDiagnosticRendersWithKeepalivedsLocationPrefix() {
        Diagnostic d = new Diagnostic(Severity.UNKNOWN_KEYWORD, new Location("conf.d/a.conf", 12),
                "Unknown keyword 'x'");
        assertEquals("(conf.d/a.conf: Line 12) Unknown keyword 'x'", d.render());
    }
}
