package io.tierlens.contract.dashboards.definitions;

/** DR queries that 001 and 006 share, so both say the same thing about which site serves. */
final class DrQueries {
    private DrQueries() {}

    /**
     * The site serving each failover record now: 1 when public DNS confirms it, 2 while DNS still answers with
     * the other site (for a TTL after every failover, or for good when something outside Route53 answers). A
     * record whose confirmation tierlens does not know shows 1.
     */
    static String currentSite(String selector) {
        String serving = "max by (record, site) (tierlens_dr_active_site{" + selector + "} == 1)";
        return "(" + serving + " + on (record) group_left () (1 - max by (record)"
                + " (tierlens_dr_active_site_confirmed{" + selector + "}))) or " + serving;
    }
}
