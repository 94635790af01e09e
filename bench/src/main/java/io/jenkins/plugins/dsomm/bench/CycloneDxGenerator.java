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
 * Writes a CycloneDX 1.5 JSON BOM shaped like the output of the CycloneDX Maven plugin, cdxgen or Trivy: metadata
 * with 1.5 {@code tools.components}, components (Maven, npm and PyPI package URLs as {@code bom-ref}, hashes,
 * licenses, external references, properties; one in ten with nested components), the dependency graph and
 * vulnerabilities (ratings, CWEs, advisories, {@code affects} by package URL, a few with a VEX analysis). About
 * 78 % of the bytes are components, 10 % dependencies, 12 % vulnerabilities. Deterministic for a seed and a size;
 * streamed to disk.
 */
public final class CycloneDxGenerator {
    private static final double COMPONENTS_SHARE = 0.78;
    private static final double DEPENDENCIES_SHARE = 0.88;

    private CycloneDxGenerator() {
    }

    public static Generated write(final Path file, final long targetBytes, final long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            CountingOutputStream out = new CountingOutputStream(os);
            try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
                g.writeStartObject();
                g.writeStringField("$schema", "http://cyclonedx.org/schema/bom-1.5.schema.json");
                g.writeStringField("bomFormat", "CycloneDX");
                g.writeStringField("specVersion", "1.5");
                g.writeStringField("serialNumber", "urn:uuid:" + Words.hex(r, 8) + "-" + Words.hex(r, 4) + "-4"
                        + Words.hex(r, 3) + "-a" + Words.hex(r, 3) + "-" + Words.hex(r, 12));
                g.writeNumberField("version", 1);
                writeMetadata(g);
                g.writeArrayFieldStart("components");
                int n = 0;
                while (out.count() + g.getOutputBuffered() < targetBytes * COMPONENTS_SHARE) {
                    n = writeComponent(g, seed, n, true);
                }
                g.writeEndArray();
                int components = n;
                g.writeArrayFieldStart("dependencies");
                for (int i = 0; i < components
                        && out.count() + g.getOutputBuffered() < targetBytes * DEPENDENCIES_SHARE; i++) {
                    g.writeStartObject();
                    g.writeStringField("ref", purl(seed, i));
                    g.writeArrayFieldStart("dependsOn");
                    int deps = r.nextInt(6);
                    for (int d = 0; d < deps; d++) {
                        g.writeString(purl(seed, r.nextInt(components)));
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }
                g.writeEndArray();
                int[] findings = writeVulnerabilities(g, r, seed, components, out, targetBytes);
                g.writeEndObject();
                g.flush();
                return new Generated(file, out.count(), components, findings[0], findings[1],
                        findings[0] + findings[1]);
            }
        }
    }

    private static void writeMetadata(final JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("metadata");
        g.writeStringField("timestamp", "2025-03-14T09:41:07Z");
        g.writeObjectFieldStart("tools");
        g.writeArrayFieldStart("components");
        g.writeStartObject();
        g.writeStringField("type", "library");
        g.writeStringField("author", "OWASP Foundation");
        g.writeStringField("group", "org.cyclonedx");
        g.writeStringField("name", "cyclonedx-core-java");
        g.writeStringField("version", "8.0.3");
        g.writeEndObject();
        g.writeStartObject();
        g.writeStringField("type", "application");
        g.writeStringField("author", "OWASP Foundation");
        g.writeStringField("group", "org.cyclonedx");
        g.writeStringField("name", "cyclonedx-maven-plugin");
        g.writeStringField("version", "2.7.11");
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.writeObjectFieldStart("component");
        g.writeStringField("type", "application");
        g.writeStringField("bom-ref", "pkg:maven/com.example/shop@4.2.0?type=jar");
        g.writeStringField("group", "com.example");
        g.writeStringField("name", "shop");
        g.writeStringField("version", "4.2.0");
        g.writeStringField("purl", "pkg:maven/com.example/shop@4.2.0?type=jar");
        g.writeEndObject();
        g.writeEndObject();
    }

    /** The ecosystem of component {@code i}: 0 Maven, 1 npm, 2 PyPI. */
    private static int ecosystem(final long seed, final int i) {
        int e = Math.floorMod(seed * 7 + i * 31L, 10);
        return e < 6 ? 0 : e < 9 ? 1 : 2;
    }

    private static String group(final long seed, final int i) {
        return Words.GROUPS[Math.floorMod(seed + i * 13L, Words.GROUPS.length)];
    }

    private static String name(final int i) {
        String base = Words.NOUNS[i % Words.NOUNS.length] + "-" + Words.VERBS[(i / Words.NOUNS.length)
                % Words.VERBS.length];
        int round = i / (Words.NOUNS.length * Words.VERBS.length);
        return round == 0 ? base : base + "-" + round;
    }

    private static String version(final int i) {
        return (1 + i % 9) + "." + (i % 23) + "." + (i % 7);
    }

    /** The package URL of component {@code i}, also its bom-ref. */
    static String purl(final long seed, final int i) {
        return switch (ecosystem(seed, i)) {
            case 0 -> "pkg:maven/" + group(seed, i) + "/" + name(i) + "@" + version(i) + "?type=jar";
            case 1 -> "pkg:npm/" + (i % 4 == 0 ? "%40" + Words.NOUNS[i % 17] + "/" : "") + name(i) + "@"
                    + version(i);
            default -> "pkg:pypi/" + name(i).replace('-', '_') + "@" + version(i);
        };
    }

    /** Writes component {@code i} (and its nested ones); returns the next free index. */
    private static int writeComponent(final JsonGenerator g, final long seed, final int i, final boolean top)
            throws IOException {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + i);
        int eco = ecosystem(seed, i);
        g.writeStartObject();
        g.writeStringField("type", "library");
        g.writeStringField("bom-ref", purl(seed, i));
        if (eco == 0) {
            g.writeObjectFieldStart("publisher");
            g.writeStringField("name", "The " + Words.camel(Words.NOUNS[i % 50]) + " Project");
            g.writeEndObject();
            g.writeStringField("group", group(seed, i));
        }
        g.writeStringField("name", eco == 2 ? name(i).replace('-', '_') : name(i));
        g.writeStringField("version", version(i));
        g.writeStringField("description", Words.sentence(r, 10));
        g.writeStringField("scope", r.nextInt(8) == 0 ? "optional" : "required");
        g.writeArrayFieldStart("hashes");
        String[][] algs = {{"MD5", "32"}, {"SHA-1", "40"}, {"SHA-256", "64"}, {"SHA-512", "128"}};
        for (String[] alg : algs) {
            g.writeStartObject();
            g.writeStringField("alg", alg[0]);
            g.writeStringField("content", Words.hex(r, Integer.parseInt(alg[1])));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("licenses");
        g.writeStartObject();
        if (r.nextInt(6) == 0) {
            g.writeStringField("expression", Words.pick(r, Words.LICENSES) + " OR " + Words.pick(r, Words.LICENSES));
        }
        else {
            g.writeObjectFieldStart("license");
            g.writeStringField("id", Words.pick(r, Words.LICENSES));
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeEndArray();
        g.writeStringField("purl", purl(seed, i));
        g.writeArrayFieldStart("externalReferences");
        String project = "https://github.com/" + Words.NOUNS[i % 50] + "/" + name(i);
        g.writeStartObject();
        g.writeStringField("type", "website");
        g.writeStringField("url", project);
        g.writeEndObject();
        g.writeStartObject();
        g.writeStringField("type", "vcs");
        g.writeStringField("url", project + ".git");
        g.writeEndObject();
        g.writeStartObject();
        g.writeStringField("type", "issue-tracker");
        g.writeStringField("url", project + "/issues");
        g.writeEndObject();
        g.writeEndArray();
        if (eco == 1) {
            g.writeArrayFieldStart("properties");
            g.writeStartObject();
            g.writeStringField("name", "cdx:npm:package:path");
            g.writeStringField("value", "node_modules/" + name(i));
            g.writeEndObject();
            g.writeEndArray();
        }
        int next = i + 1;
        if (top && r.nextInt(10) == 0) {
            g.writeArrayFieldStart("components");
            int nested = 1 + r.nextInt(4);
            for (int k = 0; k < nested; k++) {
                next = writeComponent(g, seed, next, false);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
        return next;
    }

    /** Returns {open, suppressed} findings: one per vulnerability and affected component. */
    private static int[] writeVulnerabilities(final JsonGenerator g, final SplittableRandom r, final long seed,
            final int components, final CountingOutputStream out, final long targetBytes) throws IOException {
        int open = 0;
        int suppressed = 0;
        g.writeArrayFieldStart("vulnerabilities");
        String[] severities = {"critical", "high", "medium", "low", "info"};
        String[] notAffected = {"not_affected", "false_positive", "resolved"};
        while (out.count() + g.getOutputBuffered() < targetBytes && components > 0) {
            String id = Words.cve(r);
            g.writeStartObject();
            g.writeStringField("bom-ref", Words.hex(r, 8) + "-" + Words.hex(r, 4) + "-" + Words.hex(r, 12));
            g.writeStringField("id", id);
            g.writeObjectFieldStart("source");
            g.writeStringField("name", "NVD");
            g.writeStringField("url", "https://nvd.nist.gov/vuln/detail/" + id);
            g.writeEndObject();
            g.writeArrayFieldStart("ratings");
            double score = r.nextInt(101) / 10.0;
            g.writeStartObject();
            g.writeObjectFieldStart("source");
            g.writeStringField("name", "NVD");
            g.writeEndObject();
            g.writeNumberField("score", score);
            g.writeStringField("severity", severities[r.nextInt(severities.length)]);
            g.writeStringField("method", "CVSSv31");
            g.writeStringField("vector", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
            g.writeEndObject();
            if (r.nextBoolean()) {
                g.writeStartObject();
                g.writeObjectFieldStart("source");
                g.writeStringField("name", "GitHub Advisories");
                g.writeEndObject();
                g.writeStringField("severity", severities[r.nextInt(severities.length)]);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("cwes");
            g.writeNumber(20 + r.nextInt(900));
            g.writeEndArray();
            g.writeStringField("description", Words.sentence(r, 30));
            g.writeStringField("recommendation", "Upgrade to " + Words.version(r) + " or later.");
            g.writeArrayFieldStart("advisories");
            for (int a = 0; a < 3; a++) {
                g.writeStartObject();
                g.writeStringField("url", "https://github.com/advisories/GHSA-" + Words.hex(r, 4) + "-"
                        + Words.hex(r, 4) + "-" + Words.hex(r, 4));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeStringField("published", Words.timestamp(r));
            g.writeStringField("updated", Words.timestamp(r));
            boolean isSuppressed = false;
            int a = r.nextInt(20);
            if (a == 0) {
                isSuppressed = true;
                g.writeObjectFieldStart("analysis");
                g.writeStringField("state", notAffected[r.nextInt(notAffected.length)]);
                g.writeStringField("justification", "code_not_reachable");
                g.writeEndObject();
            }
            else if (a == 1) {
                g.writeObjectFieldStart("analysis");
                g.writeStringField("state", "in_triage");
                g.writeEndObject();
            }
            g.writeArrayFieldStart("affects");
            int affects = 1 + (r.nextInt(4) == 0 ? r.nextInt(3) : 0);
            for (int k = 0; k < affects; k++) {
                g.writeStartObject();
                g.writeStringField("ref", purl(seed, r.nextInt(components)));
                g.writeArrayFieldStart("versions");
                g.writeStartObject();
                g.writeStringField("range", "vers:generic/<" + Words.version(r));
                g.writeStringField("status", "affected");
                g.writeEndObject();
                g.writeEndArray();
                g.writeEndObject();
                if (isSuppressed) {
                    suppressed++;
                }
                else {
                    open++;
                }
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        return new int[] {open, suppressed};
    }
}
