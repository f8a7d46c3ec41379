package org.jkeepalived.genhash;

import java.util.List;

/** What bin/genhash runs. bin/genhash passes its own name as {@code jkeepalived.argv0}, for the usage text. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        String program = System.getProperty("jkeepalived.argv0", "genhash");
        System.exit(new Genhash(System.err).run(program, true, args.length, List.of(args)));
    }
}
