package io.jenkins.plugins.dsomm.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;

import java.io.File;
import java.io.IOException;

/**
 * The practical limit of a JVM process reading a JSON report: Jackson's streaming parser moves over every token of
 * the file and does nothing else (no string is decoded unless it is a field name, nothing is kept). Run as a
 * whole process by {@link ProcessBench}, with jackson-core alone on the class path:
 *
 * <pre>java -cp bench/target/classes:jackson-core.jar io.jenkins.plugins.dsomm.bench.TokenScan FILE</pre>
 */
public final class TokenScan {
    private TokenScan() {
    }

    private static final JsonFactory JSON = new JsonFactory();

    public static void main(final String[] args) throws IOException {
        System.out.println(scan(new File(args[0])) + " tokens");
    }

    /** Moves over every token of the file; returns how many there are. */
    static long scan(final File file) throws IOException {
        long tokens = 0;
        try (JsonParser p = JSON.createParser(file)) {
            while (p.nextToken() != null) {
                tokens++;
            }
        }
        return tokens;
    }
}
