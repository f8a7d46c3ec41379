package org.jkeepalived.healthcheck.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StatusCodesTest {
    @Test
    void theDefaultAccepts2xxOnly() {
        StatusCodes codes = StatusCodes.defaults();
        assertTrue(codes.accepts(200));
        assertTrue(codes.accepts(299));
        assertFalse(codes.accepts(199));
        assertFalse(codes.accepts(301));
        assertFalse(codes.accepts(0));
    }

    @Test
    void rangesReplaceTheDefault() {
        StatusCodes codes = StatusCodes.ranges(new int[][] {{301, 302}, {404, 404}});
        assertTrue(codes.accepts(302));
        assertTrue(codes.accepts(404));
        assertFalse(codes.accepts(200));
        assertFalse(codes.accepts(-20));
    }

    @Test
    void aRangeOutside100To599IsRefused() {
        assertThrows(IllegalArgumentException.class, () -> StatusCodes.ranges(new int[][] {{99, 200}}));
    }
}
