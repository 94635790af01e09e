package io.jenkins.plugins.dsomm.render;

/** Colours of levels, shared by badge, trend and report (shields.io palette). */
public final class LevelColors {
    /** Grey for "no level". */
    public static final String NONE = "#9f9f9f";
    private static final String[] BY_LEVEL = {"#e05d44", "#fe7d37", "#dfb317", "#a4a61d", "#97ca00", "#44cc11"};

    private LevelColors() {
    }

    /** Red (0) to bright green (5); grey for null. */
    public static String of(final Integer level) {
        if (level == null || level < 0 || level > 5) {
            return NONE;
        }
        return BY_LEVEL[level];
    }
}
