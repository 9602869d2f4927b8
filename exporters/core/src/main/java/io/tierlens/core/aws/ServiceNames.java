package io.tierlens.core.aws;

import java.util.Locale;

/** Turns SDK service ids ("Elastic Load Balancing v2", "CloudWatch") into label values ("elasticloadbalancingv2"). */
public final class ServiceNames {
    private ServiceNames() {}

    public static String label(String serviceId) {
        if (serviceId == null) {
            return "unknown";
        }
        return serviceId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
