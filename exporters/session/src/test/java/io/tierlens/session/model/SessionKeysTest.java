package io.tierlens.session.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Calendar;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

class SessionKeysTest {
    private final SessionKeys keys = new SessionKeys("spring:session");

    @Test
    void buildsTheKeyNamesSpringSessionUses() {
        assertThat(keys.sessionKey("33fd")).isEqualTo("spring:session:sessions:33fd");
        assertThat(keys.expiresKey("33fd")).isEqualTo("spring:session:sessions:expires:33fd");
        assertThat(keys.bucketKey(1439245080000L)).isEqualTo("spring:session:expirations:1439245080000");
        assertThat(keys.sortedSetKey()).isEqualTo("spring:session:sessions:expirations");
        assertThat(keys.principalKey("alice"))
                .isEqualTo("spring:session:index:org.springframework.session.FindByIndexNameSessionRepository"
                        + ".PRINCIPAL_NAME_INDEX_NAME:alice");
    }

    @Test
    void onlySessionHashesAreSessions() {
        assertThat(keys.isSessionKey("spring:session:sessions:33fd")).isTrue();
        assertThat(keys.isSessionKey("spring:session:sessions:expires:33fd")).isFalse();
        assertThat(keys.isSessionKey("spring:session:sessions:expirations")).isFalse();
        assertThat(keys.isSessionKey("spring:session:sessions:")).isFalse();
        assertThat(keys.isSessionKey("spring:session:expirations:1439245080000"))
                .isFalse();
        assertThat(keys.isSessionKey("other:sessions:33fd")).isFalse();
        assertThat(keys.sessionIdOf("spring:session:sessions:33fd")).contains("33fd");
    }

    @Test
    void bucketIsTheNextWholeMinuteLikeRoundUpToNextMinute() {
        long[] samples = {1439245080000L, 1439245080001L, 1439245139999L, 1_700_000_012_345L};
        for (long t : samples) {
            assertThat(SessionKeys.bucketOf(t)).as("bucket of %d", t).isEqualTo(springRoundUp(t));
        }
        assertThat(SessionKeys.bucketOf(Instant.ofEpochMilli(1439245080000L))).isEqualTo(1439245140000L);
    }

    @Test
    void membersMapToSessionIds() {
        assertThat(SessionKeys.sessionIdOfMember("expires:33fd")).isEqualTo("33fd");
        assertThat(SessionKeys.sessionIdOfMember("33fd")).isEqualTo("33fd");
    }

    @Test
    void globCharactersInTheNamespaceAreMatchedLiterally() {
        assertThat(new SessionKeys("app[1]*").sessionScanPattern()).isEqualTo("app\\[1\\]\\*:sessions:*");
        assertThat(keys.principalScanPattern())
                .isEqualTo("spring:session:index:org.springframework.session.FindByIndexNameSessionRepository"
                        + ".PRINCIPAL_NAME_INDEX_NAME:*");
    }

    @Test
    void rejectsAnEmptyNamespace() {
        assertThatThrownBy(() -> new SessionKeys(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    /** RedisSessionExpirationPolicy.roundUpToNextMinute, with the Calendar it uses. */
    private static long springRoundUp(long timeInMs) {
        Calendar date = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        date.setTimeInMillis(timeInMs);
        date.add(Calendar.MINUTE, 1);
        date.clear(Calendar.SECOND);
        date.clear(Calendar.MILLISECOND);
        return date.getTimeInMillis();
    }
}
