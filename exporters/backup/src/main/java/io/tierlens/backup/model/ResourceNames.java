package io.tierlens.backup.model;

/**
 * The short {@code resource} label of a resource ARN: the part after the last {@code :} or {@code /}
 * ({@code arn:aws:rds:…:db:shop-db-1} → {@code shop-db-1}, {@code …:volume/vol-0abc} → {@code vol-0abc}). The
 * same ARN gives the same name in jobs, recovery points and the RDS inventory, so their series line up.
 */
public final class ResourceNames {
    private ResourceNames() {}

    public static String of(String arn) {
        int cut = Math.max(arn.lastIndexOf(':'), arn.lastIndexOf('/'));
        return cut < 0 ? arn : arn.substring(cut + 1);
    }
}
