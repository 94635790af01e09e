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
 * Writes an OWASP Dependency-Check JSON report (report schema 1.1, engine 12.x layout) shaped like the Maven
 * plugin's: scan and project info, then dependencies with hashes, collected vendor/product/version evidence,
 * package URLs, CPE identifiers; three in ten with vulnerabilities (CVSS v2 and v3, CWEs, description,
 * references, vulnerable software), a few with suppressed vulnerabilities. Deterministic for a seed and a size;
 * streamed to disk.
 */
public final class DependencyCheckGenerator {
    private DependencyCheckGenerator() {
    }

    public static Generated write(final Path file, final long targetBytes, final long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            CountingOutputStream out = new CountingOutputStream(os);
            try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
                g.writeStartObject();
                g.writeStringField("reportSchema", "1.1");
                g.writeObjectFieldStart("scanInfo");
                g.writeStringField("engineVersion", "12.1.0");
                g.writeArrayFieldStart("dataSource");
                for (String source : new String[] {"NVD API Last Checked", "NVD API Last Modified"}) {
                    g.writeStartObject();
                    g.writeStringField("name", source);
                    g.writeStringField("timestamp", "2025-03-14T08:16:31Z");
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
                g.writeObjectFieldStart("projectInfo");
                g.writeStringField("name", "Shop");
                g.writeStringField("groupID", "com.example");
                g.writeStringField("artifactID", "shop");
                g.writeStringField("version", "4.2.0");
                g.writeStringField("reportDate", "2025-03-14T09:41:07.104Z");
                g.writeObjectFieldStart("credits");
                g.writeStringField("NVD", "This product uses the NVD API but is not endorsed or certified by the NVD.");
                g.writeStringField("CISA", "This report may contain data retrieved from the CISA Known Exploited "
                        + "Vulnerability Catalog.");
                g.writeEndObject();
                g.writeEndObject();
                g.writeArrayFieldStart("dependencies");
                int dependencies = 0;
                int open = 0;
                int suppressed = 0;
                while (out.count() + g.getOutputBuffered() < targetBytes) {
                    int[] counts = writeDependency(g, r, dependencies);
                    open += counts[0];
                    suppressed += counts[1];
                    dependencies++;
                }
                g.writeEndArray();
                g.writeEndObject();
                g.flush();
                return new Generated(file, out.count(), dependencies, open, suppressed, open);
            }
        }
    }

    /** Returns {open, suppressed}. */
    private static int[] writeDependency(final JsonGenerator g, final SplittableRandom r, final int i)
            throws IOException {
        String group = Words.pick(r, Words.GROUPS);
        String artifact = Words.NOUNS[i % Words.NOUNS.length] + "-" + Words.VERBS[(i / Words.NOUNS.length)
                % Words.VERBS.length] + (i >= 1500 ? "-" + i / 1500 : "");
        String version = Words.version(r);
        String fileName = artifact + "-" + version + ".jar";
        g.writeStartObject();
        g.writeBooleanField("isVirtual", false);
        g.writeStringField("fileName", fileName);
        g.writeStringField("filePath", "/home/runner/.m2/repository/" + group.replace('.', '/') + "/" + artifact + "/"
                + version + "/" + fileName);
        g.writeStringField("md5", Words.hex(r, 32));
        g.writeStringField("sha1", Words.hex(r, 40));
        g.writeStringField("sha256", Words.hex(r, 64));
        g.writeStringField("description", Words.sentence(r, 12));
        g.writeStringField("license", Words.pick(r, Words.LICENSES) + ": https://spdx.org/licenses/");
        g.writeArrayFieldStart("projectReferences");
        g.writeString("Shop:compile");
        g.writeEndArray();
        g.writeObjectFieldStart("evidenceCollected");
        writeEvidence(g, r, "vendorEvidence", "vendor", group, artifact, 8);
        writeEvidence(g, r, "productEvidence", "product", group, artifact, 9);
        writeEvidence(g, r, "versionEvidence", "version", version, version, 3);
        g.writeEndObject();
        String purl = "pkg:maven/" + group + "/" + artifact + "@" + version;
        g.writeArrayFieldStart("packages");
        g.writeStartObject();
        g.writeStringField("id", purl);
        g.writeStringField("confidence", "HIGH");
        g.writeStringField("url", "https://ossindex.sonatype.org/component/" + purl + "?utm_source=dependency-check");
        g.writeEndObject();
        g.writeEndArray();
        g.writeArrayFieldStart("vulnerabilityIds");
        g.writeStartObject();
        g.writeStringField("id", "cpe:2.3:a:" + Words.NOUNS[i % Words.NOUNS.length] + ":" + artifact + ":" + version
                + ":*:*:*:*:*:*:*");
        g.writeStringField("confidence", "HIGHEST");
        g.writeEndObject();
        g.writeEndArray();
        int open = 0;
        int suppressed = 0;
        if (r.nextInt(10) < 3) {
            g.writeArrayFieldStart("vulnerabilities");
            open = 1 + r.nextInt(5);
            for (int v = 0; v < open; v++) {
                writeVulnerability(g, r, artifact, version);
            }
            g.writeEndArray();
        }
        if (r.nextInt(30) == 0) {
            g.writeArrayFieldStart("suppressedVulnerabilities");
            suppressed = 1 + r.nextInt(2);
            for (int v = 0; v < suppressed; v++) {
                writeVulnerability(g, r, artifact, version);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
        return new int[] {open, suppressed};
    }

    private static void writeEvidence(final JsonGenerator g, final SplittableRandom r, final String field,
            final String type, final String group, final String artifact, final int count) throws IOException {
        String[] sources = {"file", "jar", "Manifest", "pom"};
        String[] names = {"name", "package name", "Implementation-Vendor", "artifactid", "groupid", "url",
            "parent-artifactid", "Bundle-SymbolicName"};
        String[] confidence = {"LOW", "MEDIUM", "HIGH", "HIGHEST"};
        g.writeArrayFieldStart(field);
        for (int e = 0; e < count; e++) {
            g.writeStartObject();
            g.writeStringField("type", type);
            g.writeStringField("confidence", Words.pick(r, confidence));
            g.writeStringField("source", Words.pick(r, sources));
            g.writeStringField("name", Words.pick(r, names));
            g.writeStringField("value", e % 2 == 0 ? group : artifact);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeVulnerability(final JsonGenerator g, final SplittableRandom r, final String artifact,
            final String version) throws IOException {
        String[] severities = {"CRITICAL", "HIGH", "MEDIUM", "LOW"};
        String cve = Words.cve(r);
        double v3 = 1 + r.nextInt(90) / 10.0;
        g.writeStartObject();
        g.writeStringField("source", "NVD");
        g.writeStringField("name", cve);
        g.writeStringField("severity", r.nextInt(20) == 0 ? "moderate" : Words.pick(r, severities));
        g.writeObjectFieldStart("cvssv2");
        g.writeNumberField("score", 1 + r.nextInt(90) / 10.0);
        g.writeStringField("accessVector", "NETWORK");
        g.writeStringField("accessComplexity", "LOW");
        g.writeStringField("authentication", "NONE");
        g.writeStringField("confidentialImpact", "PARTIAL");
        g.writeStringField("integrityImpact", "PARTIAL");
        g.writeStringField("availabilityImpact", "PARTIAL");
        g.writeStringField("severity", "MEDIUM");
        g.writeStringField("version", "2.0");
        g.writeEndObject();
        g.writeObjectFieldStart("cvssv3");
        g.writeNumberField("baseScore", v3);
        g.writeStringField("attackVector", "NETWORK");
        g.writeStringField("attackComplexity", "LOW");
        g.writeStringField("privilegesRequired", "NONE");
        g.writeStringField("userInteraction", "NONE");
        g.writeStringField("scope", "UNCHANGED");
        g.writeStringField("confidentialityImpact", "HIGH");
        g.writeStringField("integrityImpact", "HIGH");
        g.writeStringField("availabilityImpact", "HIGH");
        g.writeStringField("baseSeverity", v3 >= 9 ? "CRITICAL" : v3 >= 7 ? "HIGH" : v3 >= 4 ? "MEDIUM" : "LOW");
        g.writeStringField("exploitabilityScore", "3.9");
        g.writeStringField("impactScore", "5.9");
        g.writeStringField("version", "3.1");
        g.writeEndObject();
        g.writeArrayFieldStart("cwes");
        g.writeString(Words.pick(r, Words.CWES));
        g.writeEndArray();
        g.writeStringField("description", "In " + artifact + " before " + version + ", " + Words.sentence(r, 35)
                .toLowerCase(java.util.Locale.ROOT));
        g.writeStringField("notes", "");
        g.writeArrayFieldStart("references");
        int refs = 2 + r.nextInt(4);
        for (int k = 0; k < refs; k++) {
            g.writeStartObject();
            g.writeStringField("source", "security-advisories@github.com");
            g.writeStringField("url", "https://github.com/" + artifact + "/security/advisories/GHSA-"
                    + Words.hex(r, 4) + "-" + Words.hex(r, 4));
            g.writeStringField("name", k == 0 ? "VENDOR_ADVISORY" : "PATCH");
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("vulnerableSoftware");
        g.writeStartObject();
        g.writeObjectFieldStart("software");
        g.writeStringField("id", "cpe:2.3:a:" + artifact + ":" + artifact + ":*:*:*:*:*:*:*:*");
        g.writeStringField("vulnerabilityIdMatched", "true");
        g.writeStringField("versionEndExcluding", Words.version(r));
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
    }
}
