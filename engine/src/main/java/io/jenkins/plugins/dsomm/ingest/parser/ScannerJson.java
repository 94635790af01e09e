package io.jenkins.plugins.dsomm.ingest.parser;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.jenkins.plugins.dsomm.evidence.Severity;
import io.jenkins.plugins.dsomm.ingest.JsonReports;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Token-stream helpers shared by the vulnerability-scanner JSON parsers (Trivy, Grype, npm audit, OSV-Scanner,
 * Snyk): walking objects and arrays whatever their field order, checking each token type before reading, and
 * picking a severity the way every format does (the stated word first, else a CVSS score v4 &gt; v3 &gt; v2).
 */
final class ScannerJson {
    private ScannerJson() {
    }

    /** Handles one field of an object; the parser is on the field's value and the handler must consume it. */
    @FunctionalInterface
    interface FieldHandler {
        void field(String name, JsonParser p) throws IOException;
    }

    /** Handles one item of an array; the parser is on the item and the handler must consume it. */
    @FunctionalInterface
    interface ItemHandler {
        void item(JsonParser p) throws IOException;
    }

    /**
     * Walks the object the parser is on, handing each field to the handler; anything other than an object is
     * skipped. Returns false when the value was not an object.
     */
    static boolean object(final JsonParser p, final FieldHandler handler) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return false;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            handler.field(name, p);
        }
        return true;
    }

    /**
     * Walks the array the parser is on, handing each item to the handler; anything other than an array is
     * skipped. Returns false when the value was not an array.
     */
    static boolean array(final JsonParser p, final ItemHandler handler) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return false;
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            handler.item(p);
        }
        return true;
    }

    /** Walks an array of objects, handing each object's fields to the handler; other items are skipped. */
    static void objects(final JsonParser p, final FieldHandler handler) throws IOException {
        array(p, item -> object(item, handler));
    }

    /** Counts the items of the array the parser is on (0 for anything else), skipping their content. */
    static int count(final JsonParser p) throws IOException {
        int[] n = {0};
        array(p, item -> {
            n[0]++;
            item.skipChildren();
        });
        return n[0];
    }

    /** The strings of the array the parser is on (other items are skipped); empty for anything else. */
    static List<String> strings(final JsonParser p) throws IOException {
        List<String> out = new ArrayList<>();
        array(p, item -> {
            String s = JsonReports.text(item);
            if (s != null) {
                out.add(s);
            }
        });
        return out;
    }

    /** The text of a scalar value, or null (objects and arrays are skipped). */
    static String text(final JsonParser p) throws IOException {
        return JsonReports.text(p);
    }

    /** A scalar as a number (numbers and numeric strings), else NaN; objects and arrays are skipped. */
    static double number(final JsonParser p) throws IOException {
        if (p.currentToken() != null && p.currentToken().isStructStart()) {
            p.skipChildren();
            return Double.NaN;
        }
        return JsonReports.number(p);
    }

    /** CVSS scores of one finding, kept by version; the first of each version wins. */
    static final class Scores {
        private double v4 = Double.NaN;
        private double v3 = Double.NaN;
        private double v2 = Double.NaN;

        /** Offers a score of a CVSS version ("4.0", "3.1", "2", ...); the first valid one per version is kept. */
        void offer(final String version, final double score) {
            if (Double.isNaN(score) || score < 0 || score > 10 || version == null) {
                return;
            }
            String v = version.trim().toLowerCase(Locale.ROOT);
            if (v.startsWith("cvss:")) {
                v = v.substring(5);
            }
            if (v.startsWith("cvss_v")) {
                v = v.substring(6);
            }
            if (v.startsWith("v")) {
                v = v.substring(1);
            }
            if (v.startsWith("4")) {
                v4 = Double.isNaN(v4) ? score : v4;
            }
            else if (v.startsWith("3")) {
                v3 = Double.isNaN(v3) ? score : v3;
            }
            else if (v.startsWith("2")) {
                v2 = Double.isNaN(v2) ? score : v2;
            }
        }

        /** Offers a vector: its base score is computed when it is CVSS v2 or v3 (see {@link CvssBaseScore}). */
        void offerVector(final String vector) {
            double score = CvssBaseScore.of(vector);
            if (!Double.isNaN(score)) {
                offer(CvssBaseScore.version(vector), score);
            }
        }

        boolean any() {
            return !Double.isNaN(v4) || !Double.isNaN(v3) || !Double.isNaN(v2);
        }

        /** The v4 score, else v3, else v2, else NaN. */
        double best() {
            if (!Double.isNaN(v4)) {
                return v4;
            }
            return Double.isNaN(v3) ? v2 : v3;
        }
    }

    /**
     * The severity of a finding: the word the tool states wins (mapped by {@link Severity#fromWord}); only when
     * there is no word is it derived from the CVSS score (v4, else v3, else v2); with neither, UNKNOWN.
     */
    static Severity severity(final String word, final Scores scores) {
        if (word != null && !word.isBlank()) {
            return Severity.fromWord(word);
        }
        return scores == null ? Severity.UNKNOWN : Severity.fromScore(scores.best());
    }
}
