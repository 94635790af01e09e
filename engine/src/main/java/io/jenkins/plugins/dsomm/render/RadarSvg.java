package io.jenkins.plugins.dsomm.render;

import io.jenkins.plugins.dsomm.assess.DimensionLevel;

import java.util.List;
import java.util.Locale;

/** A radar chart of the dimension levels (0 to 5), one axis per dimension. */
public final class RadarSvg {
    private static final int WIDTH = 600;
    private static final int HEIGHT = 420;
    private static final double RADIUS = 130;

    private RadarSvg() {
    }

    public static String render(final List<DimensionLevel> dimensions) {
        double cx = WIDTH / 2.0;
        double cy = HEIGHT / 2.0;
        int n = dimensions.size();
        StringBuilder b = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH)
                .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" font-family=\"Verdana,DejaVu Sans,sans-serif\" font-size=\"11\" role=\"img\" "
                        + "aria-label=\"Levels per dimension\">");
        if (n < 3) {
            return b.append("<text x=\"10\" y=\"20\">Radar chart needs 3 or more dimensions</text></svg>").toString();
        }
        for (int ring = 1; ring <= 5; ring++) {
            b.append("<polygon fill=\"none\" stroke=\"#ddd\" points=\"").append(polygon(cx, cy, n, ring)).append("\"/>");
            b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" fill=\"#888\" font-size=\"9\">%d</text>",
                    cx + 3, cy - ring * RADIUS / 5 + 10, ring));
        }
        for (int i = 0; i < n; i++) {
            double[] p = point(cx, cy, n, i, 5);
            b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ccc\"/>",
                    cx, cy, p[0], p[1]));
            double[] label = point(cx, cy, n, i, 5.9);
            DimensionLevel d = dimensions.get(i);
            String anchor = Math.abs(label[0] - cx) < 5 ? "middle" : label[0] > cx ? "start" : "end";
            b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>", label[0],
                    label[1], anchor, Markup.escape(d.name())));
            b.append(String.format(Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-weight=\"bold\" fill=\"%s\">%s</text>",
                    label[0], label[1] + 14, anchor, LevelColors.of(d.level()),
                    d.level() == null ? "n/a" : "level " + d.level()));
        }
        StringBuilder area = new StringBuilder();
        for (int i = 0; i < n; i++) {
            Integer level = dimensions.get(i).level();
            double[] p = point(cx, cy, n, i, level == null ? 0 : level);
            area.append(String.format(Locale.ROOT, "%.1f,%.1f ", p[0], p[1]));
        }
        b.append("<polygon fill=\"#1f77b4\" fill-opacity=\".25\" stroke=\"#1f77b4\" stroke-width=\"2\" points=\"")
                .append(area.toString().trim()).append("\"/>");
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
