package io.jenkins.plugins.dsomm.render;

import io.jenkins.plugins.dsomm.assess.DimensionLevel;
import io.jenkins.plugins.dsomm.assess.LevelView;

import java.util.List;
import java.util.Locale;

/**
 * A radar chart of the dimension levels (0 to 5), one axis per dimension: the levels as a filled area, the targets
 * (where set) as a dashed outline, each axis labelled "level 1 · target 2" (or "out of scope"). In the evidence-only
 * view the chart says so.
 */
public final class RadarSvg {
    private static final int WIDTH = 600;
    private static final int HEIGHT = 440;
    private static final double RADIUS = 130;
    private static final String TARGET = "#7a3db8";

    private RadarSvg() {
    }

    public static String render(final List<DimensionLevel> dimensions) {
        return render(dimensions, LevelView.DSOMM);
    }

    public static String render(final List<DimensionLevel> dimensions, final LevelView view) {
        double cx = WIDTH / 2.0;
        double cy = HEIGHT / 2.0 - 10;
        int n = dimensions.size();
        String title = "Levels per dimension" + (view == LevelView.EVIDENCE_ONLY ? " (evidence-only view)" : "");
        StringBuilder b = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH)
                .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" font-family=\"Verdana,DejaVu Sans,sans-serif\" font-size=\"11\" role=\"img\" "
                        + "aria-label=\"").append(title).append("\">");
        if (n < 3) {
            return b.append("<text x=\"10\" y=\"20\">Radar chart needs 3 or more dimensions</text></svg>").toString();
        }
        for (int ring = 1; ring <= 5; ring++) {
            b.append("<polygon fill=\"none\" stroke=\"#ddd\" points=\"").append(polygon(cx, cy, n, ring)).append("\"/>");
            b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" fill=\"#888\" font-size=\"9\">%d</text>",
                    cx + 3, cy - ring * RADIUS / 5 + 10, ring));
        }
        boolean targets = false;
        for (int i = 0; i < n; i++) {
            double[] p = point(cx, cy, n, i, 5);
            b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ccc\"/>",
                    cx, cy, p[0], p[1]));
            double[] label = point(cx, cy, n, i, 5.9);
            DimensionLevel d = dimensions.get(i);
            targets |= d.target() != null;
            String anchor = Math.abs(label[0] - cx) < 5 ? "middle" : label[0] > cx ? "start" : "end";
            b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>", label[0],
                    label[1], anchor, Markup.escape(d.name())));
            String value = !d.inScope() ? "out of scope" : (d.level() == null ? "n/a" : "level " + d.level())
                    + (d.target() == null ? "" : " · target " + d.target());
            b.append(String.format(Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-weight=\"bold\" fill=\"%s\">%s</text>",
                    label[0], label[1] + 14, anchor, d.inScope() ? LevelColors.of(d.level()) : LevelColors.NONE, value));
        }
        StringBuilder area = new StringBuilder();
        StringBuilder target = new StringBuilder();
        for (int i = 0; i < n; i++) {
            DimensionLevel d = dimensions.get(i);
            double[] p = point(cx, cy, n, i, d.level() == null || !d.inScope() ? 0 : d.level());
            area.append(String.format(Locale.ROOT, "%.1f,%.1f ", p[0], p[1]));
            double[] t = point(cx, cy, n, i, d.target() == null || !d.inScope() ? 0 : d.target());
            target.append(String.format(Locale.ROOT, "%.1f,%.1f ", t[0], t[1]));
        }
        b.append("<polygon class=\"level\" fill=\"#1f77b4\" fill-opacity=\".25\" stroke=\"#1f77b4\" stroke-width=\"2\" "
                + "points=\"").append(area.toString().trim()).append("\"/>");
        double legend = HEIGHT - 14;
        b.append(String.format(Locale.ROOT, "<rect x=\"10\" y=\"%.1f\" width=\"14\" height=\"10\" fill=\"#1f77b4\" "
                + "fill-opacity=\".25\" stroke=\"#1f77b4\"/><text x=\"30\" y=\"%.1f\">level</text>", legend - 9, legend));
        if (targets) {
            b.append("<polygon class=\"target\" fill=\"none\" stroke=\"").append(TARGET)
                    .append("\" stroke-width=\"2\" stroke-dasharray=\"6 4\" points=\"").append(target.toString().trim())
                    .append("\"/>");
            b.append(String.format(Locale.ROOT, "<line x1=\"80\" y1=\"%.1f\" x2=\"100\" y2=\"%.1f\" stroke=\"%s\" "
                    + "stroke-width=\"2\" stroke-dasharray=\"6 4\"/><text x=\"106\" y=\"%.1f\">target</text>",
                    legend - 4, legend - 4, TARGET, legend));
        }
        if (view == LevelView.EVIDENCE_ONLY) {
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#b00\" "
                    + "font-weight=\"bold\">evidence-only view: not DSOMM levels</text>", WIDTH - 10, legend));
        }
        return b.append("</svg>").toString();
    }

    private static String polygon(final double cx, final double cy, final int n, final double level) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            double[] p = point(cx, cy, n, i, level);
            s.append(String.format(Locale.ROOT, "%.1f,%.1f ", p[0], p[1]));
        }
        return s.toString().trim();
    }

    private static double[] point(final double cx, final double cy, final int n, final int i, final double level) {
        double angle = -Math.PI / 2 + 2 * Math.PI * i / n;
        double r = RADIUS * level / 5;
        return new double[] {cx + r * Math.cos(angle), cy + r * Math.sin(angle)};
    }
}
