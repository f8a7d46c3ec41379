import java.util.Arrays;
import java.util.SplittableRandom;
import org.jkeepalived.config.ConfigLoader;
import org.jkeepalived.config.LoadOptions;
import org.jkeepalived.config.LoadResult;
import org.jkeepalived.config.value.LiveHost;

/**
 * Parse time of a config inside a warm JVM: the whole ConfigLoader pipeline (lines, tree, model, validation), as a
 * reload would run it. Run by run-bench.sh as a single-file program:
 * {@code java -cp 'packaging/target/lib/*' src-it/bench/ParseBench.java FILE [WARMUPS] [RUNS]}; prints the median
 * in milliseconds.
 */
public final class ParseBench {
    public static void main(String[] args) {
        String file = args[0];
        int warmups = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        LoadOptions options = new LoadOptions(file, "bench", false, true, LiveHost.system(), new SplittableRandom(1));
        for (int i = 0; i < warmups; i++) {
            ConfigLoader.load(options);
        }
        long[] micros = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            LoadResult result = ConfigLoader.load(options);
            micros[i] = (System.nanoTime() - start) / 1_000;
            if (result.config().isEmpty()) {
                throw new IllegalStateException("no config loaded from " + file);
            }
        }
        Arrays.sort(micros);
        System.out.println(micros[runs / 2] / 1000.0);
    }
}
