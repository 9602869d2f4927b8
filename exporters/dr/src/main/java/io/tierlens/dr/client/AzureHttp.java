package io.tierlens.dr.client;

import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/** The one HTTP client the Azure side uses: the JDK's, through azure-core (no netty in the jar). */
public final class AzureHttp {
    private AzureHttp() {}

    /**
     * @param timeout connect and response limit of each request
     * @param trust a TLS context other than the JVM's default (tests with a self-signed stub); empty in production
     */
    public static HttpClient client(Duration timeout, Optional<SSLContext> trust) {
        java.net.http.HttpClient.Builder jdk = java.net.http.HttpClient.newBuilder();
        trust.ifPresent(jdk::sslContext);
        return new JdkHttpClientBuilder(jdk)
                .connectionTimeout(timeout)
                .responseTimeout(timeout)
                .readTimeout(timeout)
                .build();
    }
}
