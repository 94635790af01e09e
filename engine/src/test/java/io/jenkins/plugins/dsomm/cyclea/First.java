package io.jenkins.plugins.dsomm.cyclea;

import io.jenkins.plugins.dsomm.cycleb.Second;

/** A planted package cycle (cyclea → cycleb → cyclea) that ArchitectureTest's cycle rule must reject. */
public final class First {
    public Second next() {
        return new Second();
    }
}
