package io.tierlens.pushgateway.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * HTTP basic-auth credentials for a Pushgateway behind {@code --web.config.file} or an authenticating proxy. The
 * password never reaches a message: {@link #toString()} hides it, and {@link #withoutUserInfo(URI)} is the form of
 * a URL that may be printed.
 */
public record BasicAuth(String user, String password) {

    public BasicAuth {
        if (user == null || user.isEmpty() || user.contains(":")) {
            throw new IllegalArgumentException("a user name that is not empty and has no ':'");
        }
        if (password == null) {
            throw new IllegalArgumentException("a password");
        }
    }

    /**
     * {@code user:password} as in a URL's userinfo or an auth file's one line; the first colon separates them (a
     * password may contain colons).
     *
     * @throws IllegalArgumentException when there is no colon or the user is empty; the message never quotes the
     *     text
     */
    public static BasicAuth parse(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("expected user:password");
        }
        return new BasicAuth(text.substring(0, colon), text.substring(colon + 1));
    }

    /** Credentials written into the URL ({@code http://user:pass@host:9091}), percent-decoded. */
    public static Optional<BasicAuth> fromUserInfo(URI url) {
        String raw = url.getRawUserInfo();
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        int colon = raw.indexOf(':');
        String user = colon < 0 ? raw : raw.substring(0, colon);
        String password = colon < 0 ? "" : raw.substring(colon + 1);
        return Optional.of(new BasicAuth(decode(user), decode(password)));
    }

    /** The URL without its userinfo: what every message, log line and connection URL uses. */
    public static URI withoutUserInfo(URI url) {
        if (url.getRawUserInfo() == null) {
            return url;
        }
        try {
            return new URI(
                    url.getScheme(),
                    null,
                    url.getHost(),
                    url.getPort(),
                    url.getPath(),
                    url.getQuery(),
                    url.getFragment());
        } catch (URISyntaxException e) {
            // the parts came from a valid URI; rebuilding it cannot fail
            throw new IllegalStateException(e);
        }
    }

    /** Text that might be a URL with credentials (a rejected {@code --pushgateway} value), safe to print. */
    public static String redact(String text) {
        return text == null ? null : text.replaceAll("//[^/\\s]*@", "//***@");
    }

    /** The value of an {@code Authorization} header. */
    public String header() {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "BasicAuth[user=" + user + ", password=***]";
    }

    private static String decode(String s) {
        // URLDecoder reads '+' as a space, which is form encoding, not URL userinfo: keep a literal plus
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
