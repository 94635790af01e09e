package io.jenkins.plugins.dsomm.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jenkins.plugins.dsomm.catalog.Catalog;
import io.jenkins.plugins.dsomm.catalog.CatalogLoader;
import io.jenkins.plugins.dsomm.json.CatalogJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code dsomm-gate catalog}: the catalog version and activity counts per dimension and level. */
@Command(name = "catalog", mixinStandardHelpOptions = true,
        description = "Prints the DSOMM catalog version and its activity counts per dimension and per level.")
final class CatalogCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--model", paramLabel = "FILE",
            description = "An upstream DSOMM model.yaml (v4) or generated.yaml (v3) instead of the bundled catalog.")
    private Path model;

    @Option(names = "--json", description = "Print JSON instead of text.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        Catalog catalog = model == null ? CatalogLoader.bundled() : CatalogLoader.load(model);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(CatalogJson.summary(catalog)));
            return 0;
        }
        out.printf("DSOMM %s%s: %d activities (%s)%n", catalog.version(),
                catalog.released().isEmpty() ? "" : ", released " + catalog.released(),
                catalog.activities().size(), catalog.source());
        out.printf("%-28s %10s %6s %6s %6s %6s %6s%n", "dimension", "activities", "L1", "L2", "L3", "L4", "L5");
        for (String dimension : catalog.dimensions()) {
            printRow(out, dimension, catalog.countByLevel(dimension));
        }
        printRow(out, "all", catalog.countByLevel(null));
        return 0;
    }

    private static void printRow(final PrintWriter out, final String name, final int[] levels) {
        int total = levels[1] + levels[2] + levels[3] + levels[4] + levels[5];
        out.printf("%-28s %10d %6d %6d %6d %6d %6d%n", name, total, levels[1], levels[2], levels[3], levels[4],
                levels[5]);
    }
}
