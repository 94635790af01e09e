package io.jenkins.plugins.dsomm.cycleb;

import io.jenkins.plugins.dsomm.cyclea.First;

/** The other half of the planted cycle. */
public final class Second {
    public First back() {
        return new First();
    }
}
