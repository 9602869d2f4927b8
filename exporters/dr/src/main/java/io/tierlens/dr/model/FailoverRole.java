package io.tierlens.dr.model;

import java.util.Locale;

/** The failover role of a Route53 record set, and of a site: the {@code role} label. */
public enum FailoverRole {
    PRIMARY,
    SECONDARY;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
