package io.jenkins.plugins.dsomm.render;

import io.jenkins.plugins.dsomm.assess.Assessment;
import io.jenkins.plugins.dsomm.assess.DimensionLevel;
import io.jenkins.plugins.dsomm.assess.LevelView;

/**
 * A shields.io-style flat badge: "DSOMM | level 3", coloured by level (red 0 … bright green 5, grey when there
 * is no level); in the evidence-only view labelled "DSOMM (evidence only)". Text widths follow Verdana 11 px, as shields.io measures them.
 */
public final class BadgeSvg {
    /** Advance widths of ASCII 32..126 in Verdana 11 px, tenths of a pixel. */
    private static final int[] WIDTHS = {
        38, 43, 50, 90, 70, 120, 79, 30, 50, 50, 70, 90, 40, 50, 40, 50, // space ! " # $ % & ' ( ) * + , - . /
        70, 70, 70, 70, 70, 70, 70, 70, 70, 70, 50, 50, 90, 90, 90, 60,  // 0-9 : ; < = > ?
        110, 75, 75, 77, 85, 70, 63, 85, 84, 46, 50, 76, 61, 93, 82, 87, // @ A-O
        66, 87, 77, 75, 68, 81, 75, 110, 75, 68, 75, 50, 50, 50, 90, 70, // P-Z [ \ ] ^ _
        70, 66, 69, 57, 69, 66, 39, 69, 70, 30, 38, 65, 30, 107, 70, 66, // ` a-o
        69, 69, 47, 57, 43, 70, 65, 90, 65, 65, 58, 70, 50, 70, 90       // p-z { | } ~
    };

    private BadgeSvg() {
    }

    /** "level 3", or "no level" for null. */
    public static String message(final Integer level) {
        return level == null ? "no level" : "level " + level;
    }

    /**
     * "DSOMM", "DSOMM Implementation"; in the evidence-only view "DSOMM (evidence only)": a badge of that view
     * always says so.
     *
     * @param dimension the dimension, or null for the overall badge
     */
    public static String label(final LevelView view, final String dimension) {
        return "DSOMM" + (dimension == null ? "" : " " + dimension)
                + (view == LevelView.EVIDENCE_ONLY ? " (evidence only)" : "");
    }

    /** A badge of a level in a view: the overall one ({@code dimension} null) or a dimension's. */
    public static String render(final LevelView view, final String dimension, final Integer level) {
        return render(label(view, dimension), message(level), LevelColors.of(level));
    }

    /** The overall badge of an assessment, labelled with its view when that is not the DSOMM view. */
    public static String of(final Assessment a) {
        return render(a.view(), null, a.overall());
    }

    /** The badge of a dimension of an assessment; "out of scope" in grey for a dimension out of scope. */
    public static String of(final Assessment a, final DimensionLevel d) {
        return d.inScope() ? render(a.view(), d.name(), d.level())
                : render(label(a.view(), d.name()), "out of scope", LevelColors.NONE);
    }

    /** The overall badge: "DSOMM | level N". */
    public static String render(final Integer level) {
        return render("DSOMM", message(level), LevelColors.of(level));
    }

    /** A dimension badge: "DSOMM Implementation | level N". */
    public static String render(final String dimension, final Integer level) {
        return render("DSOMM " + dimension, message(level), LevelColors.of(level));
    }

    /** A badge with any label, message and colour (all escaped). */
    public static String render(final String label, final String message, final String color) {
        int lw = width(label) + 10;
        int mw = width(message) + 10;
        int total = lw + mw;
        String l = Markup.escape(label);
        String m = Markup.escape(message);
        String c = color.matches("#[0-9a-fA-F]{3,8}") ? color : LevelColors.NONE;
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + total + "\" height=\"20\" role=\"img\" "
                + "aria-label=\"" + l + ": " + m + "\">"
                + "<title>" + l + ": " + m + "</title>"
                + "<linearGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#bbb\" "
                + "stop-opacity=\".1\"/><stop offset=\"1\" stop-opacity=\".1\"/></linearGradient>"
                + "<clipPath id=\"r\"><rect width=\"" + total + "\" height=\"20\" rx=\"3\" fill=\"#fff\"/></clipPath>"
                + "<g clip-path=\"url(#r)\"><rect width=\"" + lw + "\" height=\"20\" fill=\"#555\"/>"
                + "<rect x=\"" + lw + "\" width=\"" + mw + "\" height=\"20\" fill=\"" + c + "\"/>"
                + "<rect width=\"" + total + "\" height=\"20\" fill=\"url(#s)\"/></g>"
                + "<g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" "
                + "text-rendering=\"geometricPrecision\" font-size=\"110\">"
                + text(l, lw / 2.0, width(label)) + text(m, lw + mw / 2.0, width(message))
                + "</g></svg>\n";
    }

    private static String text(final String escaped, final double center, final int width) {
        int x = (int) Math.round(center * 10);
        int len = width * 10;
        return "<text aria-hidden=\"true\" x=\"" + x + "\" y=\"150\" fill=\"#010101\" fill-opacity=\".3\" "
                + "transform=\"scale(.1)\" textLength=\"" + len + "\">" + escaped + "</text>"
                + "<text x=\"" + x + "\" y=\"140\" transform=\"scale(.1)\" fill=\"#fff\" textLength=\"" + len + "\">"
                + escaped + "</text>";
    }

    /** Width of a text in Verdana 11 px, in pixels (rounded up). */
    static int width(final String s) {
        int tenths = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            tenths += c >= 32 && c <= 126 ? WIDTHS[c - 32] : 70;
        }
        return (tenths + 9) / 10;
    }
}
