package io.tierlens.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class LogSetupTest {
    @Test
    void theAzureSdkDoesNotRepeatWhatTheDrExporterLogsOnce() {
        LogSetup.configure(LogFormat.HUMAN, "info");

        assertThat(Logger.getLogger("com.azure.core.http.jdk.httpclient.JdkHttpClient")
                        .isLoggable(Level.SEVERE))
                .isFalse();
        assertThat(Logger.getLogger("com.microsoft.aad.msal4j.ConfidentialClientApplication")
                        .isLoggable(Level.SEVERE))
                .isFalse();
        assertThat(Logger.getLogger("io.tierlens.dr.AzureReads").isLoggable(Level.WARNING))
                .isTrue();
        assertThat(Logger.getLogger("software.amazon.awssdk").isLoggable(Level.WARNING))
                .isTrue();
    }
}
