package io.tierlens.core.aws;

import java.util.function.Function;

/**
 * Hands out our client interfaces ({@code AlbApi}, {@code CloudWatchApi}, ...) per target. In production each is
 * built by the exporter's {@code live} function over the AWS SDK; the demo answers with its simulation. This is
 * the only place the two modes differ: everything above it is the same code.
 */
public interface ApiClients {

    /**
     * The client of type {@code api} for {@code target}.
     *
     * @param live builds the real client over the SDK with {@link AwsClientFactory}; used in production only
     */
    <T> T get(Class<T> api, AwsTarget target, Function<AwsTarget, T> live);

    /** The factory real clients are built with. */
    AwsClientFactory factory();
}
