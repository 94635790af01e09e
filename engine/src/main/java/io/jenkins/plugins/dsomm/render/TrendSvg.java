package io.jenkins.plugins.dsomm.render;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The trend chart: overall and per-dimension levels (0 to 5) over builds, oldest left. A build without a level
 * leaves a gap in its line. Readable at a glance: thick overall line, thin dimension lines, legend, level grid.
 */
public final class TrendSvg {
    /** Series colours, one per dimension in model order. */
    private static final String[] COLORS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2",
            "#17becf", "#bcbd22"};
    private static final int WIDTH = 760;
    private static final int HEIGHT = 340;
    private static final int LEFT = 48;
    private static final int RIGHT = 20;
    private static final int TOP = 36;
    private static final int BOTTOM = 110;
    private static final int MAX_LABELS = 15;

    private TrendSvg() {
    }

    public static String render(final List<TrendPoint> points) {
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        StringBuilder b = new StringBuilder();
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" font-family=\"Verdana,DejaVu Sans,sans-serif\" font-size=\"11\" role=\"img\" aria-label=\"")
                .append("DSOMM levels over ").append(points.size()).append(" builds\">");
        b.append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>");
        b.append("<text x=\"").append(LEFT).append("\" y=\"20\" font-size=\"14\" font-weight=\"bold\">DSOMM levels over ")
                .append(points.size()).append(points.size() == 1 ? " build" : " builds").append("</text>");
        for (int level = 0; level <= 5; level++) {
            double y = TOP + plotH - level * plotH / 5.0;
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>",
                    LEFT, y, LEFT + plotW, y));
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#555\">%d</text>",
                    LEFT - 8, y + 4, level));
        }
        if (points.isEmpty()) {
            b.append("<text x=\"").append(LEFT + plotW / 2).append("\" y=\"").append(TOP + plotH / 2)
                    .append("\" text-anchor=\"middle\" fill=\"#555\">No assessments yet</text></svg>\n");
            return b.toString();
        }
        double step = points.size() == 1 ? 0 : plotW / (double) (points.size() - 1);
        int every = Math.max(1, (int) Math.ceil(points.size() / (double) MAX_LABELS));
        for (int i = 0; i < points.size(); i++) {
            if (i % every == 0 || i == points.size() - 1) {
                double x = x(i, step, plotW, points.size());
                b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#555\">%s</text>",
                        x, TOP + plotH + 16, Markup.escape(shorten(points.get(i).label()))));
            }
        }
        Set<String> dimensions = new LinkedHashSet<>();
        points.forEach(p -> dimensions.addAll(p.dimensions().keySet()));
        List<String> legend = new ArrayList<>();
        int c = 0;
        for (String d : dimensions) {
            String color = COLORS[c++ % COLORS.length];
            List<Integer> values = points.stream().map(p -> p.dimensions().get(d)).toList();
            series(b, values, step, plotW, plotH, color, 2, points.size(), c);
            legend.add(color + "\u0000" + d);
        }
        series(b, points.stream().map(TrendPoint::overall).toList(), step, plotW, plotH, "#222", 4, points.size(), 0);
        legend.add(0, "#222\u0000Overall");
        int lx = LEFT;
        int ly = TOP + plotH + 40;
        for (String entry : legend) {
            String[] parts = entry.split("\u0000", 2);
            String label = Markup.escape(parts[1]);
            int w = BadgeSvg.width(parts[1]) + 36;
            if (lx + w > WIDTH - RIGHT) {
                lx = LEFT;
                ly += 20;
            }
            b.append("<line x1=\"").append(lx).append("\" y1=\"").append(ly - 4).append("\" x2=\"").append(lx + 18)
                    .append("\" y2=\"").append(ly - 4).append("\" stroke=\"").append(parts[0])
                    .append("\" stroke-width=\"").append("Overall".equals(parts[1]) ? 4 : 2).append("\"/>");
            b.append("<text x=\"").append(lx + 24).append("\" y=\"").append(ly).append("\">").append(label)
                    .append("</text>");
            lx += w;
        }
        b.append("</svg>\n");
        return b.toString();
    }

    private static double x(final int i, final double step, final int plotW, final int n) {
        return n == 1 ? LEFT + plotW / 2.0 : LEFT + i * step;
    }

    /** One line; dimension lines are nudged a little so equal levels stay visible. */
    private static void series(final StringBuilder b, final List<Integer> values, final double step, final int plotW,
            final int plotH, final String color, final int width, final int n, final int index) {
        double nudge = index == 0 ? 0 : (index - 3) * 1.5;
        StringBuilder path = new StringBuilder();
        boolean pen = false;
        for (int i = 0; i < values.size(); i++) {
            Integer v = values.get(i);
            if (v == null) {
                pen = false;
                continue;
            }
            double x = x(i, step, plotW, n);
            double y = TOP + plotH - v * plotH / 5.0 + nudge;
            path.append(pen ? " L" : " M").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
            pen = true;
            b.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%d\" fill=\"%s\"/>", x, y,
                    width == 4 ? 4 : 3, color));
        }
        if (path.length() > 0) {
            b.append("<path d=\"").append(path.toString().trim()).append("\" fill=\"none\" stroke=\"").append(color)
                    .append("\" stroke-width=\"").append(width).append("\" stroke-linejoin=\"round\"/>");
        }
    }

    private static String shorten(final String s) {
        return s.length() > 12 ? s.substring(0, 11) + "…" : s;
    }
}
