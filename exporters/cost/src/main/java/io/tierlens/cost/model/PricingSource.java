package io.tierlens.cost.model;

/** Where a price came from: the {@code pricing_source} label (and {@code source} of the price age). */
public enum PricingSource {
    /** Pricing API GetProducts, on-demand term of the cluster's region. */
    ONDEMAND_LIST("ondemand_list"),
    /** EC2 DescribeSpotPriceHistory, newest price of the instance type in the node's zone. */
    SPOT_HISTORY("spot_history"),
    /**
     * The tables bundled with tierlens (instance prices of us-east-1, unit prices per region, of their date), when
     * the APIs cannot be asked. Unit prices of a region the table lacks are us-east-1's, labelled estimated.
     */
    STATIC_FALLBACK("static_fallback"),
    /**
     * Estimated from the bundled table's price of the family's {@code .large} and the size (a type with no row of
     * its own); as old as the table.
     */
    ESTIMATED("estimated"),
    /** A unit price written under {@code unit_prices:} in the configuration. */
    CONFIGURED("configured");

    private final String label;

    PricingSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
