package io.tierlens.pushgateway.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class BasicAuthTest {

    @Test
    void userinfoIsDecodedAndStrippedFromTheUrl() {
        URI url = URI.create("https://ci%40shop:p%3Ass+w@pg.example.com:9091/prefix");

        assertThat(BasicAuth.fromUserInfo(url)).contains(new BasicAuth("ci@shop", "p:ss+w"));
        assertThat(BasicAuth.withoutUserInfo(url)).isEqualTo(URI.create("https://pg.example.com:9091/prefix"));
        assertThat(BasicAuth.fromUserInfo(URI.create("http://pg:9091"))).isEmpty();
    }

    @Test
    void theFirstColonSeparatesUserAndPassword() {
        assertThat(BasicAuth.parse("pusher:a:b")).isEqualTo(new BasicAuth("pusher", "a:b"));
        assertThatThrownBy(() -> BasicAuth.parse("hunter2"))
                .isInstanceOf(IllegalArgumentException.class)
                .message()
                .doesNotContain("hunter2");
        assertThatThrownBy(() -> BasicAuth.parse(":hunter2")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thePasswordIsNeverInText() {
        BasicAuth auth = new BasicAuth("pusher", "hunter2");

        assertThat(auth.toString()).doesNotContain("hunter2");
        assertThat(BasicAuth.redact("ftp://pusher:hunter2@pg:9091/x")).isEqualTo("ftp://***@pg:9091/x");
        // an unencoded @ in the password: everything up to the last @ of the authority goes
        assertThat(BasicAuth.redact("http://pusher:hun@ter2@pg:9091")).isEqualTo("http://***@pg:9091");
        assertThat(auth.header()).isEqualTo("Basic cHVzaGVyOmh1bnRlcjI=");
    }
}
