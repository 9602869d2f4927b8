package io.tierlens.dr.client;

/** The query types our resolver asks for, with their wire codes. */
public enum DnsType {
    A(1),
    CNAME(5),
    AAAA(28);

    private final int code;

    DnsType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /**
     * The type to query for a record of {@code recordType}: A for A and CNAME records (a recursive resolver
     * answers an A query for a CNAME with the CNAME chain and its addresses), AAAA for AAAA.
     */
    public static DnsType queryFor(String recordType) {
        return "AAAA".equals(recordType) ? AAAA : A;
    }
}
