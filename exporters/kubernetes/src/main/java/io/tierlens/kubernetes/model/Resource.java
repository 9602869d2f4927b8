package io.tierlens.kubernetes.model;

/** The capacity dimensions tierlens reports; {@link #label()} is the {@code resource} label value. */
public enum Resource {
    CPU("cpu"),
    MEMORY("memory_bytes"),
    PODS("pods"),
    NODES("nodes");

    private final String label;

    Resource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
