package io.tierlens.cost.model;

/** What the {@code component} label of {@code tierlens_cost_hourly_usd} names. */
public enum Component {
    EKS_CONTROL_PLANE("eks_control_plane"),
    NODES("nodes"),
    ALB("alb"),
    RDS("rds"),
    NAT_GATEWAY("nat_gateway"),
    EBS("ebs");

    private final String label;

    Component(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static java.util.Optional<Component> ofLabel(String label) {
        for (Component c : values()) {
            if (c.label.equals(label)) {
                return java.util.Optional.of(c);
            }
        }
        return java.util.Optional.empty();
    }
}
