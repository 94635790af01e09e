package io.jenkins.plugins.dsomm.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a SARIF 2.1.0 log shaped like CodeQL output: one run, a few hundred rules (short and full descriptions,
 * help, default level, {@code security-severity} on most), the artifacts, and results up to the size asked for
 * (about 580 bytes each: message, one location with a region, partial fingerprints; some with related locations
 * or code flows, some suppressed in source). {@link #writeSemgrep} writes a log shaped like Semgrep's instead: no
 * artifacts, the rule's long message repeated in every result, snippets and match-based fingerprints.
 * Deterministic for a seed and a size; streamed to disk.
 */
public final class SarifGenerator {
    /** Rules in the log. */
    static final int RULES = 300;
    private static final int ARTIFACTS = 4000;

    private SarifGenerator() {
    }

    public static Generated write(final Path file, final long targetBytes, final long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            CountingOutputStream out = new CountingOutputStream(os);
            try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
                g.writeStartObject();
                g.writeStringField("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
                g.writeStringField("version", "2.1.0");
                g.writeArrayFieldStart("runs");
                g.writeStartObject();
                Rule[] rules = writeTool(g, r);
                writeInvocations(g, r);
                g.writeObjectFieldStart("originalUriBaseIds");
                g.writeObjectFieldStart("%SRCROOT%");
                g.writeStringField("uri", "file:///home/runner/work/shop/shop/");
                g.writeEndObject();
                g.writeEndObject();
                String[] artifacts = writeArtifacts(g, r);
                int[] counts = writeResults(g, r, rules, artifacts, out, targetBytes);
                g.writeStringField("columnKind", "utf16CodeUnits");
                g.writeObjectFieldStart("properties");
                g.writeStringField("semmle.formatSpecifier", "sarif-latest");
                g.writeEndObject();
                g.writeEndObject();
                g.writeEndArray();
                g.writeEndObject();
                g.flush();
                // analysis-model leaves out every result with a suppression, also one under review
                return new Generated(file, out.count(), counts[0], counts[0] - counts[1], counts[1],
                        counts[0] - counts[1] - counts[2]);
            }
        }
    }

    private record Rule(String id, String name, String level, boolean path) {
    }

    /**
     * A Semgrep-like log: rules with dotted ids, a severity word as {@code security-severity} (not a score), and
     * results of about 2 KB (the rule's message of several lines, a location with a snippet, a match-based
     * fingerprint), 3 % suppressed in source.
     */
    public static Generated writeSemgrep(final Path file, final long targetBytes, final long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            CountingOutputStream out = new CountingOutputStream(os);
            try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
                g.writeStartObject();
                g.writeStringField("$schema", "https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json");
                g.writeArrayFieldStart("runs");
                g.writeStartObject();
                g.writeArrayFieldStart("invocations");
                g.writeStartObject();
                g.writeBooleanField("executionSuccessful", true);
                g.writeArrayFieldStart("toolExecutionNotifications");
                g.writeEndArray();
                g.writeEndObject();
                g.writeEndArray();
                // not written by Semgrep; without it violations-lib logs a warning per location, which is left out
                // of the comparison
                g.writeObjectFieldStart("originalUriBaseIds");
                g.writeObjectFieldStart("%SRCROOT%");
                g.writeStringField("uri", "file:///home/runner/work/shop/shop/");
                g.writeEndObject();
                g.writeEndObject();
                String[] ids = new String[RULES];
                String[] messages = new String[RULES];
                for (int i = 0; i < RULES; i++) {
                    ids[i] = "semgrep-rules." + Words.pick(r, new String[] {"java", "javascript", "python", "go"})
                            + "." + Words.pick(r, Words.NOUNS) + ".security." + Words.pick(r, Words.VERBS) + "-"
                            + Words.pick(r, Words.ADJECTIVES).replace(' ', '-') + "-" + Words.pick(r, Words.NOUNS)
                            + "-" + i;
                    StringBuilder m = new StringBuilder();
                    int lines = 3 + r.nextInt(12);
                    for (int l = 0; l < lines; l++) {
                        m.append(Words.sentence(r, 8 + r.nextInt(10))).append('\n');
                    }
                    messages[i] = m.toString();
                }
                // the tool comes after the results, as Semgrep writes it: made first, so that the size is right
                String tool = semgrepTool(r, ids, messages);
                long resultsTarget = targetBytes - tool.length() - 40;
                g.writeArrayFieldStart("results");
                int results = 0;
                int suppressed = 0;
                while (out.count() + g.getOutputBuffered() < resultsTarget) {
                    int rule = r.nextInt(RULES);
                    g.writeStartObject();
                    g.writeObjectFieldStart("fingerprints");
                    g.writeStringField("matchBasedId/v1", Words.hex(r, 128) + "_" + r.nextInt(3));
                    g.writeEndObject();
                    g.writeArrayFieldStart("locations");
                    g.writeStartObject();
                    g.writeObjectFieldStart("physicalLocation");
                    g.writeObjectFieldStart("artifactLocation");
                    g.writeStringField("uri", Words.path(r));
                    g.writeStringField("uriBaseId", "%SRCROOT%");
                    g.writeEndObject();
                    g.writeObjectFieldStart("region");
                    int line = 1 + r.nextInt(3000);
                    int column = 1 + r.nextInt(40);
                    g.writeNumberField("endColumn", column + 20 + r.nextInt(40));
                    g.writeNumberField("endLine", line);
                    g.writeObjectFieldStart("snippet");
                    g.writeStringField("text", "      const " + Words.pick(r, Words.NOUNS) + " = "
                            + Words.pick(r, Words.VERBS) + Words.camel(Words.pick(r, Words.NOUNS)) + "(req."
                            + Words.pick(r, Words.NOUNS) + ")");
                    g.writeEndObject();
                    g.writeNumberField("startColumn", column);
                    g.writeNumberField("startLine", line);
                    g.writeEndObject();
                    g.writeEndObject();
                    g.writeEndObject();
                    g.writeEndArray();
                    g.writeObjectFieldStart("message");
                    g.writeStringField("text", messages[rule]);
                    g.writeEndObject();
                    g.writeObjectFieldStart("properties");
                    g.writeEndObject();
                    g.writeStringField("ruleId", ids[rule]);
                    if (r.nextInt(100) < 3) {
                        g.writeArrayFieldStart("suppressions");
                        g.writeStartObject();
                        g.writeStringField("kind", "inSource");
                        g.writeEndObject();
                        g.writeEndArray();
                        suppressed++;
                    }
                    g.writeEndObject();
                    results++;
                }
                g.writeEndArray();
                g.writeFieldName("tool");
                g.writeRawValue(tool);
                g.writeEndObject();
                g.writeEndArray();
                g.writeStringField("version", "2.1.0");
                g.writeEndObject();
                g.flush();
                return new Generated(file, out.count(), results, results - suppressed, suppressed,
                        results - suppressed);
            }
        }
    }

    private static String semgrepTool(final SplittableRandom r, final String[] ids, final String[] messages)
            throws IOException {
        java.io.StringWriter w = new java.io.StringWriter();
        try (JsonGenerator t = new JsonFactory().createGenerator(w)) {
            t.writeStartObject();
            t.writeObjectFieldStart("driver");
            t.writeStringField("name", "Semgrep OSS");
            t.writeStringField("semanticVersion", "1.69.0");
            t.writeArrayFieldStart("rules");
            String[] levels = {"error", "warning", "note"};
            String[] words = {"HIGH", "MEDIUM", "LOW"};
            for (int i = 0; i < RULES; i++) {
                int level = r.nextInt(levels.length);
                t.writeStartObject();
                t.writeObjectFieldStart("defaultConfiguration");
                t.writeStringField("level", levels[level]);
                t.writeEndObject();
                t.writeObjectFieldStart("fullDescription");
                t.writeStringField("text", messages[i]);
                t.writeEndObject();
                t.writeObjectFieldStart("help");
                t.writeStringField("markdown", messages[i]);
                t.writeStringField("text", messages[i]);
                t.writeEndObject();
                t.writeStringField("id", ids[i]);
                t.writeStringField("name", ids[i]);
                t.writeObjectFieldStart("properties");
                t.writeStringField("precision", "very-high");
                t.writeStringField("security-severity", words[level]);
                t.writeArrayFieldStart("tags");
                t.writeString(Words.pick(r, Words.CWES));
                t.writeString("security");
                t.writeEndArray();
                t.writeEndObject();
                t.writeObjectFieldStart("shortDescription");
                t.writeStringField("text", Words.sentence(r, 4));
                t.writeEndObject();
                t.writeEndObject();
        }
        t.writeEndArray();
        t.writeEndObject();
        t.writeEndObject();
        }
        return w.toString();
    }

    private static Rule[] writeTool(final JsonGenerator g, final SplittableRandom r) throws IOException {
        g.writeObjectFieldStart("tool");
        g.writeObjectFieldStart("driver");
        g.writeStringField("name", "CodeQL");
        g.writeStringField("organization", "GitHub");
        g.writeStringField("semanticVersion", "2.15.3");
        g.writeStringField("informationUri", "https://codeql.github.com");
        g.writeArrayFieldStart("rules");
        Rule[] rules = new Rule[RULES];
        String[] levels = {"error", "warning", "warning", "note"};
        for (int i = 0; i < RULES; i++) {
            String lang = Words.pick(r, new String[] {"java", "js", "py", "go", "rb", "cs"});
            String name = Words.pick(r, Words.ADJECTIVES).replace(' ', '-') + "-" + Words.pick(r, Words.NOUNS) + "-"
                    + Words.pick(r, Words.VERBS) + "-" + i;
            String id = lang + "/" + name;
            boolean path = r.nextInt(3) == 0;
            String level = levels[r.nextInt(levels.length)];
            rules[i] = new Rule(id, name, level, path);
            String title = Words.sentence(r, 5);
            g.writeStartObject();
            g.writeStringField("id", id);
            g.writeStringField("name", id);
            g.writeObjectFieldStart("shortDescription");
            g.writeStringField("text", title);
            g.writeEndObject();
            g.writeObjectFieldStart("fullDescription");
            g.writeStringField("text", Words.sentence(r, 18));
            g.writeEndObject();
            g.writeObjectFieldStart("defaultConfiguration");
            g.writeBooleanField("enabled", true);
            g.writeStringField("level", level);
            g.writeEndObject();
            g.writeObjectFieldStart("help");
            String help = "# " + title + "\n" + Words.sentence(r, 40) + "\n\n## Recommendation\n" + Words.sentence(r, 30)
                    + "\n\n## References\n* [" + Words.pick(r, Words.CWES) + "](https://cwe.mitre.org/)\n";
            g.writeStringField("text", help);
            g.writeStringField("markdown", help);
            g.writeEndObject();
            g.writeObjectFieldStart("properties");
            g.writeArrayFieldStart("tags");
            g.writeString("security");
            g.writeString("external/cwe/" + Words.pick(r, Words.CWES).toLowerCase(java.util.Locale.ROOT));
            g.writeEndArray();
            g.writeStringField("description", title);
            g.writeStringField("id", id);
            g.writeStringField("kind", path ? "path-problem" : "problem");
            g.writeStringField("name", title);
            g.writeStringField("precision", Words.pick(r, new String[] {"high", "medium", "very-high", "low"}));
            g.writeStringField("problem.severity", level.equals("note") ? "recommendation" : level);
            if (r.nextInt(5) != 0) {
                g.writeStringField("security-severity", (r.nextInt(100) / 10.0) + "");
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
        return rules;
    }

    private static void writeInvocations(final JsonGenerator g, final SplittableRandom r) throws IOException {
        g.writeArrayFieldStart("invocations");
        g.writeStartObject();
        g.writeBooleanField("executionSuccessful", true);
        g.writeStringField("startTimeUtc", "2025-03-14T09:26:53.589Z");
        g.writeStringField("endTimeUtc", "2025-03-14T09:41:07.104Z");
        g.writeArrayFieldStart("toolExecutionNotifications");
        for (int i = 0; i < 20; i++) {
            g.writeStartObject();
            g.writeObjectFieldStart("message");
            g.writeStringField("text", "Extracted " + r.nextInt(1000) + " files in " + Words.pick(r, Words.DIRECTORIES));
            g.writeEndObject();
            g.writeStringField("level", "none");
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
    }

    private static String[] writeArtifacts(final JsonGenerator g, final SplittableRandom r) throws IOException {
        String[] paths = new String[ARTIFACTS];
        g.writeArrayFieldStart("artifacts");
        for (int i = 0; i < ARTIFACTS; i++) {
            paths[i] = Words.path(r);
            g.writeStartObject();
            g.writeObjectFieldStart("location");
            g.writeStringField("uri", paths[i]);
            g.writeStringField("uriBaseId", "%SRCROOT%");
            g.writeNumberField("index", i);
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        return paths;
    }

    /** Returns {results, suppressed, under review}. */
    private static int[] writeResults(final JsonGenerator g, final SplittableRandom r, final Rule[] rules,
            final String[] artifacts, final CountingOutputStream out, final long targetBytes) throws IOException {
        g.writeArrayFieldStart("results");
        int results = 0;
        int suppressed = 0;
        int underReview = 0;
        while (out.count() + g.getOutputBuffered() < targetBytes) {
            int ruleIndex = r.nextInt(rules.length);
            Rule rule = rules[ruleIndex];
            int file = r.nextInt(artifacts.length);
            int line = 1 + r.nextInt(3000);
            int column = 1 + r.nextInt(80);
            g.writeStartObject();
            g.writeStringField("ruleId", rule.id());
            g.writeNumberField("ruleIndex", ruleIndex);
            g.writeObjectFieldStart("rule");
            g.writeStringField("id", rule.id());
            g.writeNumberField("index", ruleIndex);
            g.writeEndObject();
            if (r.nextInt(3) == 0) {
                g.writeStringField("level", rule.level());
            }
            g.writeObjectFieldStart("message");
            g.writeStringField("text", "This " + Words.pick(r, Words.NOUNS) + " depends on a [" + Words.pick(r,
                    Words.ADJECTIVES) + " value](1) and flows to " + Words.pick(r, Words.VERBS) + Words.camel(
                    Words.pick(r, Words.NOUNS)) + "(" + Words.pick(r, Words.NOUNS) + ").");
            g.writeEndObject();
            g.writeArrayFieldStart("locations");
            writeLocation(g, artifacts[file], file, line, column, null);
            g.writeEndArray();
            g.writeObjectFieldStart("partialFingerprints");
            g.writeStringField("primaryLocationLineHash", Words.hex(r, 16) + ":" + (1 + r.nextInt(3)));
            g.writeStringField("primaryLocationStartColumnFingerprint", Integer.toString(column - 1));
            g.writeEndObject();
            if (r.nextInt(10) == 0) {
                g.writeArrayFieldStart("relatedLocations");
                g.writeStartObject();
                g.writeNumberField("id", 1);
                writePhysical(g, artifacts[file], file, Math.max(1, line - r.nextInt(20)), 1 + r.nextInt(60));
                g.writeObjectFieldStart("message");
                g.writeStringField("text", Words.pick(r, Words.ADJECTIVES) + " value");
                g.writeEndObject();
                g.writeEndObject();
                g.writeEndArray();
            }
            if (rule.path() && r.nextInt(8) == 0) {
                writeCodeFlow(g, r, artifacts, file, line);
            }
            int s = r.nextInt(100);
            if (s < 3) {
                g.writeArrayFieldStart("suppressions");
                g.writeStartObject();
                g.writeStringField("kind", "inSource");
                if (s < 2) {
                    g.writeStringField("status", "accepted");
                }
                g.writeStringField("justification", Words.sentence(r, 6));
                g.writeEndObject();
                g.writeEndArray();
                suppressed++;
            }
            else if (s == 3) {
                g.writeArrayFieldStart("suppressions");
                g.writeStartObject();
                g.writeStringField("kind", "external");
                g.writeStringField("status", "underReview");
                g.writeEndObject();
                g.writeEndArray();
                underReview++;
            }
            g.writeEndObject();
            results++;
        }
        g.writeEndArray();
        return new int[] {results, suppressed, underReview};
    }

    private static void writeCodeFlow(final JsonGenerator g, final SplittableRandom r, final String[] artifacts,
            final int file, final int line) throws IOException {
        g.writeArrayFieldStart("codeFlows");
        g.writeStartObject();
        g.writeArrayFieldStart("threadFlows");
        g.writeStartObject();
        g.writeArrayFieldStart("locations");
        int steps = 2 + r.nextInt(4);
        for (int i = 0; i < steps; i++) {
            g.writeStartObject();
            g.writeFieldName("location");
            writeLocation(g, artifacts[file], file, Math.max(1, line - steps + i), 1 + r.nextInt(60),
                    Words.pick(r, Words.NOUNS) + "." + Words.pick(r, Words.NOUNS));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
    }

    private static void writeLocation(final JsonGenerator g, final String uri, final int index, final int line,
            final int column, final String message) throws IOException {
        g.writeStartObject();
        writePhysical(g, uri, index, line, column);
        if (message != null) {
            g.writeObjectFieldStart("message");
            g.writeStringField("text", message);
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void writePhysical(final JsonGenerator g, final String uri, final int index, final int line,
            final int column) throws IOException {
        g.writeObjectFieldStart("physicalLocation");
        g.writeObjectFieldStart("artifactLocation");
        g.writeStringField("uri", uri);
        g.writeStringField("uriBaseId", "%SRCROOT%");
        g.writeNumberField("index", index);
        g.writeEndObject();
        g.writeObjectFieldStart("region");
        g.writeNumberField("startLine", line);
        g.writeNumberField("startColumn", column);
        g.writeNumberField("endColumn", column + 5 + index % 40);
        g.writeEndObject();
        g.writeEndObject();
    }
}
