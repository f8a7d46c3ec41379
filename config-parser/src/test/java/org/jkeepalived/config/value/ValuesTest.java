package org.jkeepalived.config.value;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.jkeepalived.config.Diagnostic;
import org.jkeepalived.config.Diagnostics;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.Severity;
import org.junit.jupiter.api.Test;

class ValuesTest {
    private static final Location AT = new Location("keepalived.conf", 7);

    private final Diagnostics diagnostics = new Diagnostics();

    private BuildContext context(boolean configTest) {
        return new BuildContext(diagnostics, new NoHost(), configTest);
    }

    private List<String> messages() {
        return diagnostics.list().stream().map(Diagnostic::message).toList();
    }

    @Test
    void anUnsignedInRangeIsReadWithoutComplaint() {
        assertEquals(OptionalLong.of(51), Values.readUnsigned(context(false), AT, "51", 1, 255, false));
        assertEquals(List.of(), messages());
    }

    @Test
    void anUnsignedOutOfRangeIsRejectedWithKeepalivedsMessage() {
        assertEquals(OptionalLong.empty(), Values.readUnsigned(context(false), AT, "0", 1, 2678400, false));
        assertEquals(List.of("number '0' outside range [1, 2678400]"), messages());
        assertEquals(Severity.INVALID_NUMBER, diagnostics.worst());
    }

    @Test
    void trailingJunkIsUsedWithAWarningOutsideConfigTestWhenErrorsMayBeIgnored() {
        assertEquals(OptionalLong.of(5), Values.readUnsigned(context(false), AT, "5abc", 0, 10, true));
        assertEquals(List.of("WARNING - invalid number '5abc'"), messages());
    }

    @Test
    void trailingJunkIsRejectedUnderConfigTest() {
        assertEquals(OptionalLong.empty(), Values.readUnsigned(context(true), AT, "5abc", 0, 10, true));
        assertEquals(List.of("invalid number '5abc'"), messages());
    }

    @Test
    void aNegativeUnsignedIsReportedAsNegative() {
        assertEquals(OptionalLong.empty(), Values.readUnsigned(context(false), AT, "-3", 0, 10, false));
        assertEquals(List.of("negative number '-3'"), messages());
    }

    @Test
    void baseZeroReadsHexAndOctalAsStrtoulDoes() {
        assertEquals(OptionalLong.of(18), Values.readUnsignedBase(context(false), AT, "0x12", 0, 0, 100, false));
        assertEquals(OptionalLong.of(18), Values.readUnsignedBase(context(false), AT, "022", 0, 0, 100, false));
    }

    @Test
    void aSignedIntegerOutOfRangeNamesTheRange() {
        assertEquals(OptionalLong.empty(), Values.readInt(context(false), AT, "300", -253, 253, false));
        assertEquals(List.of("number '300' outside range [-253, 253]"), messages());
    }

    @Test
    void aTimerIsReadInMicroseconds() {
        assertEquals(OptionalLong.of(2_500_000), Values.readTimerMicros(context(false), AT, "2.5", 0, 0, false));
    }

    @Test
    void aTimerBelowItsMinimumPrintsTheRangeInSeconds() {
        Values.readTimerMicros(context(false), AT, "0", 1, 4_294_967_295L, false);
        assertEquals(List.of("number '0' outside range [0.000001, 4294.967295]"), messages());
    }

    @Test
    void aTimerWithTooManyDecimalsIsRoundedWithAWarning() {
        assertEquals(OptionalLong.of(1_000_001),
                Values.readTimerMicros(context(false), AT, "1.0000005", 0, 0, true));
        assertEquals(List.of("WARNING - number '1.0000005' has too many decimal places"), messages());
    }

    @Test
    void onlyLowerCaseBooleanWordsAreBooleans() {
        assertEquals(1, Values.checkTrueFalse("yes"));
        assertEquals(0, Values.checkTrueFalse("off"));
        assertEquals(-1, Values.checkTrueFalse("TRUE"));
    }

    /** A host with nothing on it: these readers never ask. */
    private static final class NoHost implements HostEnvironment {
        @Override
        public boolean interfaceExists(String name) {
            return false;
        }

        @Override
        public OptionalInt uid(String user) {
            return OptionalInt.empty();
        }

        @Override
        public OptionalInt gid(String group) {
            return OptionalInt.empty();
        }

        @Override
        public OptionalInt primaryGid(String user) {
            return OptionalInt.empty();
        }

        @Override
        public ScriptFile script(String path) {
            return new ScriptFile(path, false, false, false);
        }

        @Override
        public String shortHostname() {
            return "host";
        }
    }
}
