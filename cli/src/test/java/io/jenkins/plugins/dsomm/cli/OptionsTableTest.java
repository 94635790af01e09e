package io.jenkins.plugins.dsomm.cli;

import io.jenkins.plugins.dsomm.run.AssessOption;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One table of options ({@link AssessOption}) drives the command line and the Jenkins steps: the {@code assess}
 * command has exactly the table's flags, and the plugin's gate step, freestyle publisher, form and help files
 * exactly its Jenkins options (an option one side lacks says why in the table). The plugin's help files and
 * docs/jenkins-options.generated.md are generated from the table ({@code -Ddsomm.regenerate=true} rewrites
 * them); the plugin-only options of {@code dsommRecord} and of the global configuration are listed here.
 */
class OptionsTableTest {
    private static final Path ROOT = Path.of(System.getProperty("maven.multiModuleProjectDirectory", ".."))
            .toAbsolutePath().normalize();
    private static final Path RES = ROOT.resolve("plugin/src/main/resources/io/jenkins/plugins/dsomm/plugin");
    private static final Path JAVA = ROOT.resolve("plugin/src/main/java/io/jenkins/plugins/dsomm/plugin");
    private static final Path DOC = ROOT.resolve("docs/jenkins-options.generated.md");
    private static final boolean REGENERATE = Boolean.getBoolean("dsomm.regenerate");

    /** An option of a plugin-only form: its name, Java type, default and help (HTML with {@code <code>}). */
    record PluginOption(String name, String type, String defaultValue, String help) {
    }

    /** Options of dsommRecord. */
    static final List<PluginOption> RECORD = List.of(
            new PluginOption("pattern", "String", "(required)", "Ant-style patterns (comma separated, relative to the workspace) of the reports to read. Parsing happens on the agent; only the small evidence model is sent to the controller. Patterns never reach outside the workspace."),
            new PluginOption("format", "String", "", "An explicit report format for every file this call's <code>pattern</code> selects; empty: detect by content. Reports of different formats that content detection cannot tell apart: one <code>dsommRecord</code> call per pattern and format."));

    /** Options of the global configuration. */
    static final List<PluginOption> GLOBAL = List.of(
            new PluginOption("minimumLevel", "Integer", "", "Default minimum overall DSOMM level (0-5) of every gate that sets none. Empty: no minimum."),
            new PluginOption("dimensionMinimums", "String", "", "Default minimum level per dimension, e.g. <code>Test and Verification=2, Implementation=1</code>."),
            new PluginOption("maxOpen", "String", "", "Default maximum open findings per severity (after waivers), e.g. <code>critical=0, high=5, total=100</code>."),
            new PluginOption("levelOutcome", "String", "FAILURE", "Default build result when a minimum level is not met: <code>UNSTABLE</code> or <code>FAILURE</code>."),
            new PluginOption("regressionOutcome", "String", "UNSTABLE", "Default build result on a regression: <code>UNSTABLE</code> or <code>FAILURE</code>."),
            new PluginOption("thresholdOutcome", "String", "UNSTABLE", "Default build result when a finding threshold is exceeded: <code>UNSTABLE</code> or <code>FAILURE</code>."),
            new PluginOption("rules", "String", "standard", "Default rule set of gates that set no <code>rules</code>: <code>standard</code> or <code>extended</code>."),
            new PluginOption("catalogOverride", "String", "", "The content of an upstream DSOMM <code>model.yaml</code> (v4) or <code>generated.yaml</code> (v3), to follow a newer DSOMM release than the bundled 4.3.1. Empty: the bundled catalog. A step's <code>model</code> option wins."),
            new PluginOption("mappingOverride", "String", "", "The content of a mapping file (docs/mapping.md) used instead of the bundled standard or extended rule set when a gate names no <code>rules</code>, for example one that <code>extends: standard</code> and adds rules for your own tools. A step's <code>rules</code> (a file, or <code>standard</code> or <code>extended</code> named explicitly) wins."));

    /** The step help pages. */
    static final List<PluginOption> STEP_HELP = List.of(
            new PluginOption("GateStep", "", "", "Assesses all evidence recorded in this build (by <code>dsommRecord</code>, by <code>pattern</code>, and the test results <code>junit</code> recorded before) against the DSOMM catalog, the mapping and the workspace's attestation file, evaluates the policy and sets the build and stage result (UNSTABLE or FAILURE as configured). Logs one line per gate rule and returns the result: <code>def r = dsommGate minimumLevel: 2; echo \"${r.overall} ${r.outcome} ${r.reasons}\"</code>."),
            new PluginOption("RecordStep", "", "", "Reads the reports the pattern selects in the workspace, on the agent, and adds their evidence to the build. Call it as often as needed, in any stage or parallel branch: nothing recorded is lost, and <code>dsommGate</code> assesses all of it. Returns the number of reports read."));

    /** The gate step's options as the table gives them to Jenkins: help with the global fallback named. */
    static List<PluginOption> gate() {
        List<PluginOption> gate = new ArrayList<>();
        for (AssessOption o : AssessOption.jenkins()) {
            String help = o.description() + (o.hasGlobalDefault() ? " Empty: the global default (Manage Jenkins » "
                    + "System » DSOMM Gate)." : "");
            gate.add(new PluginOption(o.property(), javaType(o), o.defaultValue(), help));
        }
        return gate;
    }

    private static String javaType(final AssessOption o) {
        return switch (o.type()) {
            case BOOLEAN -> "boolean";
            case LEVEL -> "Integer";
            case COUNT -> o == AssessOption.COVERAGE_WINDOW ? "int" : "Integer";
            default -> "String";
        };
    }

    @Test
    void theAssessCommandHasExactlyTheTablesFlags() {
        CommandSpec assess = DsommGateCommand.commandLine().getSubcommands().get("assess").getCommandSpec();
        Set<String> flags = new TreeSet<>();
        for (OptionSpec o : assess.options()) {
            if (!o.usageHelp() && !o.versionHelp()) {
                flags.add(o.longestName());
            }
        }
        Set<String> table = AssessOption.commandLine().stream().map(AssessOption::flag)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(flags).isEqualTo(table);
    }

    @Test
    void everyOptionOneSideLacksSaysWhy() {
        for (AssessOption o : AssessOption.values()) {
            assertThat(o.onCommandLine() || o.inJenkins()).as(o.name()).isTrue();
            boolean both = o.onCommandLine() && o.inJenkins();
            assertThat(o.onlyOneSideBecause() == null).as(o.name() + ": a reason exactly when one side lacks it")
                    .isEqualTo(both);
        }
    }

    @Test
    void theGateStepThePublisherAndTheirFormHaveExactlyTheTablesJenkinsOptions() throws IOException {
        Set<String> table = names(gate());
        assertThat(setters(JAVA.resolve("steps/GateStep.java"))).isEqualTo(table);
        assertThat(setters(JAVA.resolve("steps/DsommGatePublisher.java"))).isEqualTo(table);
        assertThat(fields(RES.resolve("steps/GateStep/config.jelly"))).isEqualTo(table);
        assertThat(getters(JAVA.resolve("GateSettings.java"))).containsAll(table);
        assertThat(setters(JAVA.resolve("steps/RecordStep.java"))).isEqualTo(names(RECORD));
        assertThat(fields(RES.resolve("steps/RecordStep/config.jelly"))).isEqualTo(names(RECORD));
        assertThat(setters(JAVA.resolve("DsommGlobalConfiguration.java"))).isEqualTo(names(GLOBAL));
        assertThat(fields(RES.resolve("DsommGlobalConfiguration/config.jelly"))).isEqualTo(names(GLOBAL));
        Set<String> globalDefaults = AssessOption.jenkins().stream().filter(AssessOption::hasGlobalDefault)
                .map(AssessOption::property).collect(Collectors.toCollection(TreeSet::new));
        assertThat(names(GLOBAL)).containsAll(globalDefaults);
    }

    @Test
    void helpFilesAndTheOptionsDocumentAreGeneratedFromTheTable() throws IOException {
        List<String> stale = new ArrayList<>();
        check(RES.resolve("steps/GateStep"), gate(), stale);
        check(RES.resolve("steps/RecordStep"), RECORD, stale);
        check(RES.resolve("DsommGlobalConfiguration"), GLOBAL, stale);
        for (PluginOption step : STEP_HELP) {
            expect(RES.resolve("steps/" + step.name() + "/help.html"), help(step.help()), stale);
        }
        expect(DOC, document(), stale);
        assertThat(stale).as("run ./mvnw -pl cli -am test -Dtest=OptionsTableTest -Ddsomm.regenerate=true "
                + "-Dsurefire.failIfNoSpecifiedTests=false -Dfuzz.skip=true").isEmpty();
    }

    @Test
    void commandLineHelpNamesOtherOptionsByTheirFlags() {
        assertThat(AssessOption.MINIMUM_LEVEL.plainDescription()).contains("gives --level-outcome (default FAILURE)")
                .doesNotContain("<code>");
        assertThat(AssessOption.MINIMUM_LEVEL.description()).contains("<code>levelOutcome</code>");
    }

    private static void check(final Path folder, final List<PluginOption> options, final List<String> stale)
            throws IOException {
        Set<String> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.map(p -> p.getFileName().toString()).filter(f -> f.startsWith("help-") && f.endsWith(".html"))
                    .map(f -> f.substring(5, f.length() - 5)).collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> extra = new TreeSet<>(files);
        extra.removeAll(names(options));
        for (String name : extra) {
            stale.add(folder.resolve("help-" + name + ".html") + " (no such option)");
            if (REGENERATE) {
                Files.delete(folder.resolve("help-" + name + ".html"));
            }
        }
        for (PluginOption o : options) {
            expect(folder.resolve("help-" + o.name() + ".html"), help(o.help()), stale);
        }
    }

    private static void expect(final Path file, final String content, final List<String> stale) throws IOException {
        if (!Files.exists(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(content)) {
            stale.add(ROOT.relativize(file).toString());
            if (REGENERATE) {
                Files.writeString(file, content, StandardCharsets.UTF_8);
            }
        }
    }

    private static String help(final String html) {
        return "<div>\n  " + html + "\n</div>\n";
    }

    static String document() {
        return "<!-- generated from the options table (engine AssessOption, cli OptionsTableTest): do not edit -->\n\n"
                + "### `dsommRecord`\n\n" + table(RECORD) + "\n\n"
                + "### `dsommGate` and the freestyle publisher\n\n"
                + "The same options; an empty text option falls back to the global configuration where one is named. "
                + "The command line's `dsomm-gate assess` has the same options under the flags of the last column.\n\n"
                + table(gate()) + "\n\n"
                + "### Global configuration (Manage Jenkins » System » DSOMM Gate; JCasC `unclassified: dsommGate:`)\n\n"
                + table(GLOBAL) + "\n";
    }

    private static String table(final List<PluginOption> options) {
        boolean gate = options.equals(gate());
        StringBuilder t = new StringBuilder("| option | type | default | meaning |" + (gate ? " command line |" : "")
                + "\n|---|---|---|---|" + (gate ? "---|" : "") + "\n");
        for (PluginOption o : options) {
            String d = o.defaultValue().isEmpty() || o.defaultValue().startsWith("(") ? o.defaultValue()
                    : "`" + o.defaultValue() + "`";
            t.append("| `").append(o.name()).append("` | ").append(o.type()).append(" | ").append(d).append(" | ")
                    .append(o.help().replace("<code>", "`").replace("</code>", "`")).append(" |");
            if (gate) {
                AssessOption a = AssessOption.ofProperty(o.name()).orElseThrow();
                t.append(' ').append(a.onCommandLine() ? "`" + a.flag() + "`" : "— (" + a.onlyOneSideBecause() + ")")
                        .append(" |");
            }
            t.append('\n');
        }
        return t.toString().stripTrailing();
    }

    private static Set<String> names(final List<PluginOption> options) {
        return options.stream().map(PluginOption::name).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> fields(final Path jelly) throws IOException {
        return matches(jelly, Pattern.compile("field=\"([A-Za-z]+)\""));
    }

    private static Set<String> setters(final Path java) throws IOException {
        Set<String> s = matches(java, Pattern.compile("@DataBoundSetter\\s+public void set(\\w+)\\("));
        Matcher ctor = Pattern.compile("@DataBoundConstructor\\s+public \\w+\\(([^)]*)\\)")
                .matcher(Files.readString(java, StandardCharsets.UTF_8));
        if (ctor.find() && !ctor.group(1).isBlank()) {
            Arrays.stream(ctor.group(1).split(",")).map(p -> p.trim().split("\\s+"))
                    .forEach(p -> s.add(p[p.length - 1]));
        }
        return s;
    }

    private static Set<String> getters(final Path java) throws IOException {
        return matches(java, Pattern.compile("public \\S+ (?:get|is)(\\w+)\\(\\)"));
    }

    private static Set<String> matches(final Path file, final Pattern p) throws IOException {
        Set<String> s = new TreeSet<>();
        Matcher m = p.matcher(Files.readString(file, StandardCharsets.UTF_8));
        while (m.find()) {
            String g = m.group(1);
            s.add(p.pattern().contains("set(") || p.pattern().contains("get|is")
                    ? Character.toLowerCase(g.charAt(0)) + g.substring(1) : g);
        }
        return s;
    }
}
