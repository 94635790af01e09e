package io.jenkins.plugins.dsomm.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the shared sample reports ({@code ../shared/samples} beside the repository), which are never copied
 * into the project. Tests that use them skip, loudly, when the folder is not there.
 */
public final class SharedSamples {
    private SharedSamples() {
    }

    /** The samples folder, if present. */
    public static Optional<Path> folder() {
        String property = System.getProperty("dsomm.shared");
        if (property != null && Files.isDirectory(Path.of(property, "samples"))) {
            return Optional.of(Path.of(property, "samples").toAbsolutePath().normalize());
        }
        Path dir = Path.of("").toAbsolutePath();
        for (int i = 0; i < 4 && dir != null; i++) {
            Path candidate = dir.resolveSibling("shared").resolve("samples");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate.normalize());
            }
            dir = dir.getParent();
        }
        return Optional.empty();
    }

    /** DefectDojo's parser-test samples ({@code ../shared/defectdojo-samples}), if present. */
    public static Optional<Path> defectDojo() {
        return folder().map(samples -> samples.resolveSibling("defectdojo-samples")).filter(Files::isDirectory);
    }

    /** The shared DSOMM folder, if present. */
    public static Optional<Path> dsomm() {
        return folder().map(samples -> samples.resolveSibling("dsomm"));
    }

    /** Prints, to the test output, why a test is skipped. */
    public static String skipMessage(final String what) {
        String message = "SKIPPED " + what + ": ../shared/samples not found (set -Ddsomm.shared=PATH to run it)";
        System.err.println("*** " + message + " ***");
        return message;
    }
}
