package io.tierlens.dr.model;

import java.util.Locale;

/** The kinds of DR site resource whose readiness is read from Azure Resource Manager: the {@code kind} label. */
public enum SiteResourceKind {
    VIRTUAL_MACHINE,
    MYSQL_FLEXIBLE_SERVER;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
