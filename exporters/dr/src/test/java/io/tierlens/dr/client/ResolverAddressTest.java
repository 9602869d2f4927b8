package io.tierlens.dr.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResolverAddressTest {

    @Test
    void parsesIpLiteralsWithOptionalPorts() {
        assertThat(ResolverAddress.parse("10.0.0.2")).contains(new InetSocketAddress("10.0.0.2", 53));
        assertThat(ResolverAddress.parse("10.0.0.2:5353")).contains(new InetSocketAddress("10.0.0.2", 5353));
        assertThat(ResolverAddress.parse("[fd00::2]:53").map(InetSocketAddress::getPort))
                .contains(53);
        assertThat(ResolverAddress.parse("fd00::2").map(a -> a.getAddress().getHostAddress()))
                .contains("fd00:0:0:0:0:0:0:2");
    }

    @Test
    void refusesNamesAndNonsense() {
        assertThat(ResolverAddress.parse("dns.example.com")).isEmpty();
        assertThat(ResolverAddress.parse("kube-dns:53")).isEmpty();
        assertThat(ResolverAddress.parse("300.1.1.1")).isEmpty();
        assertThat(ResolverAddress.parse("10.0.0.2:70000")).isEmpty();
        assertThat(ResolverAddress.parse("")).isEmpty();
    }

    @Test
    void readsTheFirstNameserverOfResolvConf(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("resolv.conf");
        Files.writeString(f, """
                # generated
                search shop.svc.cluster.local svc.cluster.local
                nameserver 172.20.0.10
                nameserver 8.8.8.8
                options ndots:5
                """);

        assertThat(ResolverAddress.fromResolvConf(f)).contains(new InetSocketAddress("172.20.0.10", 53));
        Files.writeString(f, "search example.com\n");
        assertThat(ResolverAddress.fromResolvConf(f)).isEmpty();
    }
}
