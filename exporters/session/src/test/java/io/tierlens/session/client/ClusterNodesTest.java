package io.tierlens.session.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClusterNodesTest {
    private static final String REPLY = String.join(
            "\n",
            "07c37dfeb235213a872192d90877d0cd55635b91 127.0.0.1:30004@31004 slave"
                    + " e7d1eecce10fd6bb5eb35b9f99a514335d9ba9ca 0 1426238317239 4 connected",
            "67ed2db8d677e59ec4a4cefb06858cf2a1a89fa1 127.0.0.1:30002@31002,redis-2.example master - 0"
                    + " 1426238316232 2 connected 5461-10922",
            "292f8b365bb7edb5e285caf0b7e6ddc7265d2f4f 127.0.0.1:30003@31003 master - 0 1426238318243 3"
                    + " connected 10923-16383",
            "6ec23923021cf3ffec47632106199cb7f496ce01 127.0.0.1:30005@31005 slave"
                    + " 67ed2db8d677e59ec4a4cefb06858cf2a1a89fa1 0 1426238316232 5 connected",
            "824fe116063bc5fcf9f4ffd895bc17aee7731ac3 127.0.0.1:30006@31006 slave,fail"
                    + " 292f8b365bb7edb5e285caf0b7e6ddc7265d2f4f 0 1426238317741 6 connected",
            "e7d1eecce10fd6bb5eb35b9f99a514335d9ba9ca 127.0.0.1:30001@31001 myself,master - 0 0 1 connected"
                    + " 0-5460",
            "aaaaeecce10fd6bb5eb35b9f99a514335d9ba9ca :0@0 master,noaddr - 0 0 1 disconnected");

    @Test
    void findsSlotOwnersAndTheirReplicas() {
        ClusterNodes nodes = ClusterNodes.parse(REPLY, "seed");
        assertThat(nodes.slotOwners())
                .extracting(n -> n.address().instance())
                .containsExactlyInAnyOrder("redis-2.example:30002", "127.0.0.1:30003", "127.0.0.1:30001");
        ClusterNodes.Node first = nodes.slotOwners().stream()
                .filter(n -> n.address().port() == 30001)
                .findFirst()
                .orElseThrow();
        assertThat(nodes.replicaOf(first)).map(n -> n.address().port()).contains(30004);
        ClusterNodes.Node third = nodes.slotOwners().stream()
                .filter(n -> n.address().port() == 30003)
                .findFirst()
                .orElseThrow();
        assertThat(nodes.replicaOf(third)).as("its only replica has failed").isEmpty();
    }

    @Test
    void reportsEveryUsableNodeForHealth() {
        assertThat(ClusterNodes.parse(REPLY, "seed").usable())
                .extracting(RedisNode::port)
                .containsExactlyInAnyOrder(30004, 30002, 30003, 30005, 30001);
    }

    @Test
    void anEmptyIpIsTheSeedHost() {
        ClusterNodes n = ClusterNodes.parse("abc :7000@17000 myself,master - 0 0 0 connected 0-16383", "cfg.example");
        assertThat(n.slotOwners()).extracting(x -> x.address().instance()).containsExactly("cfg.example:7000");
    }
}
