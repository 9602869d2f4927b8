package io.tierlens.cost.model;

/**
 * How tierlens knows a priced resource: the {@code source} label. An SRE reads the share of the bill each source
 * carries to know how much of it rests on a guess.
 */
public enum Source {
    /** Found by an exporter's discovery (ALB, RDS, DescribeNatGateways) with its measured usage. */
    DISCOVERED("discovered"),
    /** Written in {@code exporters.cost.inventory} (an override, or what cannot be discovered). */
    CONFIGURED("configured"),
    /** Derived from a default (node root volumes of 20 GiB, an EKS version assumed in standard support). */
    ESTIMATED("estimated");

    private final String label;

    Source(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
