package org.jkeepalived.genhash;

import io.netty.util.internal.logging.InternalLoggerFactory;
import io.netty.util.internal.logging.JdkLoggerFactory;
import java.util.List;

/** What bin/genhash runs. bin/genhash passes its own name as {@code jkeepalived.argv0}, for the usage text. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // genhash prints only its results: Netty's debug lines stay below java.util.logging's default INFO
        InternalLoggerFactory.setDefaultFactory(JdkLoggerFactory.INSTANCE);
        String program = System.getProperty("jkeepalived.argv0", "genhash");
        Genhash genhash = new Genhash(System.out, System.err, System::nanoTime);
        System.exit(genhash.run(program, true, args.length, List.of(args)));
    }
}
