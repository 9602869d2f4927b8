package io.tierlens.demo.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionLayoutTest {

    @Test
    void parsesTheOptionsSpellings() {
        assertThat(SessionLayout.parse("indexed")).contains(SessionLayout.INDEXED);
        assertThat(SessionLayout.parse("indexed-zset")).contains(SessionLayout.INDEXED_ZSET);
        assertThat(SessionLayout.parse("INDEXED_ZSET")).contains(SessionLayout.INDEXED_ZSET);
        assertThat(SessionLayout.parse(" Plain ")).contains(SessionLayout.PLAIN);
        assertThat(SessionLayout.parse("sorted")).isEmpty();
    }

    @Test
    void printsTheOptionsSpelling() {
        assertThat(SessionLayout.INDEXED_ZSET.option()).isEqualTo("indexed-zset");
        for (SessionLayout l : SessionLayout.values()) {
            assertThat(SessionLayout.parse(l.option())).contains(l);
        }
    }
}
