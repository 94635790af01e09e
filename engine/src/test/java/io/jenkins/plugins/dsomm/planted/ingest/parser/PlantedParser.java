package io.jenkins.plugins.dsomm.planted.ingest.parser;

import io.jenkins.plugins.dsomm.planted.ingest.PlantedRegistry;

/** A parser that asks the registry for the others: the way back of the planted cycle. */
public final class PlantedParser {
    public int others() {
        return PlantedRegistry.all().size() - 1;
    }
}
