package io.tierlens.dr.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tierlens.dr.model.DnsAnswer;
import io.tierlens.dr.testing.LocalDnsServer;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Our own DNS queries (dnsjava) against a local responder: no JVM cache between us and the answer. */
class DnsJavaResolverTest {
    private LocalDnsServer dns;
    private DnsJavaResolver resolver;

    @BeforeEach
    void start() throws Exception {
        dns = new LocalDnsServer();
        resolver = new DnsJavaResolver(dns.address(), Duration.ofMillis(500), 2);
    }

    @AfterEach
    void stop() {
        dns.close();
    }

    @Test
    void seesAChangedAnswerAtOnce() throws Exception {
        dns.answer("shop.example.com", "10.0.0.1", "10.0.0.2");
        assertThat(resolver.resolve("shop.example.com", DnsType.A).addresses()).containsExactly("10.0.0.1", "10.0.0.2");

        dns.answer("shop.example.com", "203.0.113.10");
        assertThat(resolver.resolve("shop.example.com", DnsType.A).addresses()).containsExactly("203.0.113.10");
    }

    @Test
    void followsTheCnameChainTheServerSends() throws Exception {
        dns.alias("shop.example.com", "lb.dr.example.net").answer("lb.dr.example.net", "198.51.100.4");

        DnsAnswer a = resolver.resolve("shop.example.com", DnsType.A);

        assertThat(a.canonicalNames()).containsExactly("lb.dr.example.net");
        assertThat(a.addresses()).containsExactly("198.51.100.4");
    }

    @Test
    void anUnknownNameIsNxdomainNotAnError() throws Exception {
        DnsAnswer a = resolver.resolve("nothing.example.com", DnsType.A);

        assertThat(a.rcode()).isEqualTo(DnsAnswer.NXDOMAIN);
        assertThat(a.resolved()).isFalse();
    }

    @Test
    void aServerThatNeverAnswersTimesOutAfterTheAttempts() {
        dns.silence("slow.example.com");

        assertThatThrownBy(() -> resolver.resolve("slow.example.com", DnsType.A))
                .isInstanceOf(SocketTimeoutException.class)
                .hasMessageContaining("after 2 attempt(s)");
        assertThat(dns.queries()).isEqualTo(2);
    }

    @Test
    void aReplyWithAnotherIdIsRefusedAndTheQueryAskedAgain() throws Exception {
        dns.answer("shop.example.com", "10.0.0.1");
        dns.strayReplies(1);

        assertThat(resolver.resolve("shop.example.com", DnsType.A).addresses()).containsExactly("10.0.0.1");
        assertThat(dns.queries()).isEqualTo(2);
    }

    @Test
    void repliesThatNeverAnswerOurIdAreNeverBelieved() {
        dns.answer("shop.example.com", "10.0.0.1");
        dns.strayReplies(2);

        // the stray copies carry the right records under a wrong id: both attempts fail rather than take them
        assertThatThrownBy(() -> resolver.resolve("shop.example.com", DnsType.A))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("after 2 attempt(s)");
    }

    @Test
    void aTruncatedUdpAnswerIsAskedAgainOverTcp() throws Exception {
        dns.answer("big.example.com", "10.0.0.1", "10.0.0.2", "10.0.0.3").truncate("big.example.com");

        DnsAnswer a = resolver.resolve("big.example.com", DnsType.A);

        assertThat(a.addresses()).containsExactly("10.0.0.1", "10.0.0.2", "10.0.0.3");
        assertThat(a.truncated()).isFalse();
        assertThat(dns.queries()).isEqualTo(1);
        assertThat(dns.tcpQueries()).isEqualTo(1);
    }
}
