package org.jkeepalived.getopt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.jkeepalived.getopt.GetoptLong.HasArg;
import org.jkeepalived.getopt.GetoptLong.LongOption;
import org.junit.jupiter.api.Test;

class GetoptLongTest {
    private static final GetoptLong GETOPT = new GetoptLong(":nf:t::", List.of(
            new LongOption("dont-fork", HasArg.NONE, 'n'),
            new LongOption("dont-respawn", HasArg.NONE, 'R'),
            new LongOption("use-file", HasArg.REQUIRED, 'f'),
            new LongOption("config-test", HasArg.OPTIONAL, 't')));

    private static String trace(String... argv) {
        GetoptLong.Result result = GETOPT.parse(List.of(argv), 0);
        StringBuilder text = new StringBuilder();
        for (GetoptLong.Event event : result.events()) {
            text.append((char) event.val()).append(event.arg().map(a -> "=" + a).orElse(""))
                    .append(event.message().isEmpty() ? "" : "(" + event.message() + ")").append(' ');
        }
        return text.append(result.operands()).toString();
    }

    @Test
    void shortOptionsBundleAndARequiredArgumentIsTheRestOrTheNextWord() {
        assertEquals("n f=x.conf n f=y []", trace("-nfx.conf", "-n", "-f", "y"));
    }

    @Test
    void anOptionalArgumentMustBeAttached() {
        assertEquals("t t=log [file]", trace("-t", "file", "-tlog"));
        assertEquals("t t=log [file]", trace("--config-test", "file", "--config-test=log"));
    }

    @Test
    void aRequiredLongArgumentMayFollowAsTheNextWordEvenWhenItLooksLikeAnOption() {
        assertEquals("f=-n []", trace("--use-file", "-n"));
    }

    @Test
    void nonOptionsAreMovedToTheEndAndDoubleDashEndsTheOptions() {
        assertEquals("n [a, -, b, -n]", trace("a", "-n", "-", "--", "b", "-n"));
    }

    @Test
    void anAmbiguousPrefixIsUnknownButAUniqueOneIsAccepted() {
        assertEquals("?(Unknown option --dont) f=z []", trace("--dont", "--use=z"));
    }

    @Test
    void aMissingLongArgumentHasNoNameAsInGlibcButAnEmptyOneHas() {
        assertEquals(":(Missing parameter for option --use-file) :(Missing parameter for option --) []",
                trace("--use-file=", "--use-file"));
    }

    @Test
    void anArgumentGivenToALongOptionWithoutOneIsAnUnknownOption() {
        assertEquals("?(Unknown option --dont-fork=1) []", trace("--dont-fork=1"));
    }

    @Test
    void theNextIndexPointsPastTheOption() {
        assertEquals(Optional.of(2), GETOPT.parse(List.of("-f", "x", "-n"), 0).events().stream().findFirst()
                .map(GetoptLong.Event::nextArgIndex));
    }
}
