package org.jkeepalived.daemon;

import java.io.PrintStream;
import java.util.List;
import org.jkeepalived.config.Diagnostic;
import org.jkeepalived.config.LoadResult;
import org.jkeepalived.config.RawSetting;

/**
 * {@code keepalived -t}: every diagnostic on stderr (or the {@code -t} log file) as keepalived prints them, the
 * keywords jkeepalived keeps but does not act on yet on stdout (so stderr stays comparable with keepalived's), and
 * keepalived's {@code -t} exit status.
 */
public final class ConfigTest {
    private final Console console;

    public ConfigTest(Console console) {
        this.console = console;
    }

    public int run(Options options, LoadResult result) {
        PrintStream err = console.err();
        for (Diagnostic diagnostic : result.diagnostics()) {
            err.println(diagnostic.render());
        }
        List<RawSetting> notActedOn = result.config().map(config -> config.notActedOn()).orElse(List.of());
        if (!notActedOn.isEmpty()) {
            PrintStream out = console.out();
            out.println("Configuration test: " + notActedOn.size()
                    + " keyword(s) accepted, not yet acted on by jkeepalived:");
            for (RawSetting setting : notActedOn) {
                out.println("  " + setting.location() + ": " + describe(setting));
            }
        }
        console.flush();
        return result.abortExitStatus()
                .orElse(result.worst().max(options.commandLineWorst()).configTestExitStatus());
    }

    private static String describe(RawSetting setting) {
        String words = setting.args().isEmpty() ? setting.keyword()
                : setting.keyword() + " " + String.join(" ", setting.args());
        return setting.blockPath().isEmpty() ? words : setting.blockPath() + " > " + words;
    }
}
