package io.tierlens.session.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The reply of {@code CLUSTER NODES}, reduced to what scanning needs: which nodes are primaries owning slots, and
 * which replica follows which primary. Lines look like:
 *
 * <pre>
 * 07c37dfeb235 127.0.0.1:30004@31004,host-4 slave e7d1eecce10f 0 1426238317239 4 connected
 * e7d1eecce10f 127.0.0.1:30001@31001 myself,master - 0 0 1 connected 0-5460
 * </pre>
 */
public record ClusterNodes(List<Node> nodes) {

    /** One cluster member; {@code primaryId} is empty for primaries. */
    public record Node(String id, RedisNode address, Set<String> flags, Optional<String> primaryId, boolean hasSlots) {

        public boolean primary() {
            return flags.contains("master");
        }

        public boolean replica() {
            return flags.contains("slave") || flags.contains("replica");
        }

        /** Failed, still joining, or without an address: not a node to talk to. */
        public boolean unusable() {
            return flags.contains("fail") || flags.contains("handshake") || flags.contains("noaddr");
        }
    }

    public ClusterNodes {
        nodes = List.copyOf(nodes);
    }

    /**
     * Parses the reply; {@code seedHost} replaces an empty IP (a single-node view of itself). A hostname announced
     * after the comma is preferred over the IP, which TLS hostname verification needs.
     */
    public static ClusterNodes parse(String text, String seedHost) {
        List<Node> out = new ArrayList<>();
        for (String line : text.split("\r?\n")) {
            String[] f = line.trim().split(" ");
            if (f.length < 8) {
                continue;
            }
            String addr = f[1];
            String hostname = "";
            int comma = addr.indexOf(',');
            if (comma >= 0) {
                hostname = addr.substring(comma + 1);
                addr = addr.substring(0, comma);
            }
            int at = addr.indexOf('@');
            if (at >= 0) {
                addr = addr.substring(0, at);
            }
            int colon = addr.lastIndexOf(':');
            if (colon < 0) {
                continue;
            }
            String ip = addr.substring(0, colon);
            int port;
            try {
                port = Integer.parseInt(addr.substring(colon + 1));
            } catch (NumberFormatException e) {
                continue;
            }
            if (port == 0) {
                continue;
            }
            String host = !hostname.isEmpty() ? hostname : ip.isEmpty() ? seedHost : ip;
            Set<String> flags = Set.of(f[2].split(","));
            Optional<String> primary = "-".equals(f[3]) ? Optional.empty() : Optional.of(f[3]);
            out.add(new Node(f[0], new RedisNode(host, port), flags, primary, f.length > 8));
        }
        return new ClusterNodes(out);
    }

    /** Every usable node, for INFO. */
    public List<RedisNode> usable() {
        return nodes.stream().filter(n -> !n.unusable()).map(Node::address).toList();
    }

    /** Primaries that own slots: together they hold every key once. */
    public List<Node> slotOwners() {
        return nodes.stream()
                .filter(n -> n.primary() && n.hasSlots() && !n.unusable())
                .toList();
    }

    /** A usable replica of {@code primary}, if it has one. */
    public Optional<Node> replicaOf(Node primary) {
        return nodes.stream()
                .filter(n -> n.replica() && !n.unusable() && n.primaryId().equals(Optional.of(primary.id())))
                .findFirst();
    }
}
