package io.tierlens.cost.model;

import java.util.Set;

/** The {@code tier} label values. */
public final class Tier {
    public static final String WEB = "web";
    public static final String WAS = "was";
    public static final String DB = "db";
    public static final String SHARED = "shared";
    public static final Set<String> ALL = Set.of(WEB, WAS, DB, SHARED);

    private Tier() {}
}
