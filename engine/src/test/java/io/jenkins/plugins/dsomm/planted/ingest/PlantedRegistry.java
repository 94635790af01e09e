package io.jenkins.plugins.dsomm.planted.ingest;

import io.jenkins.plugins.dsomm.planted.ingest.parser.PlantedParser;

import java.util.List;

/** A registry that names its parsers: with {@link PlantedParser} a package cycle the ArchitectureTest must see. */
public final class PlantedRegistry {
    private PlantedRegistry() {
    }

    public static List<Object> all() {
        return List.of(new PlantedParser());
    }
}
