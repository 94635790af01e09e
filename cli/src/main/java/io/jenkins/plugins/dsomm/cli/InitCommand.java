package io.jenkins.plugins.dsomm.cli;

import io.jenkins.plugins.dsomm.attest.DeclarationsLoader;
import io.jenkins.plugins.dsomm.catalog.Catalog;
import io.jenkins.plugins.dsomm.catalog.CatalogLoader;
import io.jenkins.plugins.dsomm.mapping.RuleSet;
import io.jenkins.plugins.dsomm.mapping.RuleSetLoader;
import io.jenkins.plugins.dsomm.render.AttestationSkeleton;
import io.jenkins.plugins.dsomm.render.TextSummary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code dsomm-gate init}: writes a {@code .dsomm.yml} skeleton, every activity in scope up to the target that no CI
 * evidence can show as a commented attestation template. An adapter: the engine's {@link AttestationSkeleton}
 * writes the text.
 */
@Command(name = "init", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes a .dsomm.yml skeleton: every activity in scope up to the target level that no CI "
                + "evidence can show (no rule of the rule set speaks for it), each a commented attestation template "
                + "to fill in; with --scope the rest written as out of scope, with --target the target.",
                "Exit code: 0 written, 3 usage error (an existing file is not overwritten without --force)."})
final class InitCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--scope", paramLabel = "DIMENSION[ / SUB-DIMENSION]",
            description = "What is in scope, repeatable: a dimension, or \"dimension / sub-dimension\" "
                    + "(default: everything).")
    private List<String> scope = new ArrayList<>();

    @Option(names = "--target", paramLabel = "N",
            description = "The level to reach (0-5): the templates go up to it and it is written as target "
                    + "(default: templates up to level 1, no target).")
    private Integer target;

    @Option(names = "--team", paramLabel = "NAME", description = "Team name written into the file.")
    private String team;

    @Option(names = "--model", paramLabel = "FILE",
            description = "An upstream DSOMM model.yaml (v4) or generated.yaml (v3) instead of the bundled catalog.")
    private Path model;

    @Option(names = "--rules", paramLabel = "NAME|FILE", defaultValue = RuleSetLoader.STANDARD,
            description = "The rule set whose activities CI can show: standard, extended or a mapping file "
                    + "(default: ${DEFAULT-VALUE}).")
    private String rules;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = DeclarationsLoader.DEFAULT_FILE,
            description = "The file to write; - prints it (default: ${DEFAULT-VALUE}).")
    private String output;

    @Option(names = "--force", description = "Overwrite an existing file.")
    private boolean force;

    @Override
    public Integer call() throws IOException {
        Catalog catalog = model == null ? CatalogLoader.bundled() : CatalogLoader.load(model);
        RuleSetLoader loader = new RuleSetLoader(catalog);
        RuleSet ruleSet = RuleSetLoader.STANDARD.equals(rules) || RuleSetLoader.EXTENDED.equals(rules)
                ? loader.bundled(rules) : loader.load(Path.of(rules));
        String text;
        try {
            text = AttestationSkeleton.render(catalog, ruleSet, scope, target, team == null ? "" : team,
                    LocalDate.now(AssessCommand.clock));
        }
        catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if ("-".equals(output)) {
            spec.commandLine().getOut().print(text);
            return 0;
        }
        Path file = Path.of(output);
        if (Files.exists(file) && !force) {
            throw new CommandLine.ParameterException(spec.commandLine(), file + " exists: not overwritten (give "
                    + "--force to replace it, or -o another file)");
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
        long templates = AttestationSkeleton.templates(text);
        spec.commandLine().getOut().println("Wrote " + TextSummary.safe(file.toAbsolutePath().normalize().toString())
                + ": " + templates + " attestation template" + (templates == 1 ? "" : "s") + " to fill in (see "
                + "docs/attestations.md)");
        return 0;
    }
}
