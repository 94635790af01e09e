package io.jenkins.plugins.dsomm.json;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.dsomm.catalog.Catalog;

/** JSON views of a {@link Catalog}. */
public final class CatalogJson {
    private CatalogJson() {
    }

    /**
     * The catalog summary: {@code version}, {@code activities}, {@code dimensions} (name → {@code activities},
     * {@code levels} "1".."5") and {@code levels} "1".."5".
     */
    public static ObjectNode summary(final Catalog catalog) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("version", catalog.version());
        root.put("activities", catalog.activities().size());
        ObjectNode dimensions = root.putObject("dimensions");
        for (String dimension : catalog.dimensions()) {
            int[] levels = catalog.countByLevel(dimension);
            ObjectNode d = dimensions.putObject(dimension);
            d.put("activities", sum(levels));
            putLevels(d.putObject("levels"), levels);
        }
        putLevels(root.putObject("levels"), catalog.countByLevel(null));
        return root;
    }

    private static int sum(final int[] levels) {
        int s = 0;
        for (int v : levels) {
            s += v;
        }
        return s;
    }

    private static void putLevels(final ObjectNode node, final int[] levels) {
        for (int level = 1; level <= 5; level++) {
            node.put(Integer.toString(level), levels[level]);
        }
    }
}
