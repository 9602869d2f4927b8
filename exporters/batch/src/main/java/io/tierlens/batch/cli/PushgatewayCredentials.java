package io.tierlens.batch.cli;

import io.tierlens.pushgateway.client.BasicAuth;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where run-job's basic-auth credentials come from: the URL's userinfo or {@code --pushgateway-auth-file}. Errors
 * name the flag and never quote the file's contents.
 */
final class PushgatewayCredentials {
    private PushgatewayCredentials() {}

    /**
     * @throws IllegalArgumentException when the file is missing, unreadable or not one line {@code user:password},
     *     or when both sources are given (which one wins would be a guess)
     */
    static Optional<BasicAuth> of(URI url, Optional<Path> authFile) {
        Optional<BasicAuth> inUrl;
        try {
            inUrl = BasicAuth.fromUserInfo(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--pushgateway: the credentials in the URL are not user:password");
        }
        if (authFile.isEmpty()) {
            return inUrl;
        }
        if (inUrl.isPresent()) {
            throw new IllegalArgumentException(
                    "--pushgateway-auth-file: the --pushgateway URL has credentials too; give them in one place");
        }
        return Optional.of(read(authFile.get()));
    }

    private static BasicAuth read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("--pushgateway-auth-file: cannot read " + file + " ("
                    + e.getClass().getSimpleName() + ")");
        }
        List<String> content = lines.stream().filter(l -> !l.isBlank()).toList();
        if (content.size() != 1) {
            throw new IllegalArgumentException("--pushgateway-auth-file: " + file
                    + " must hold one line user:password, found " + content.size() + " lines");
        }
        try {
            // a file edited on Windows ends its line with \r; the password itself is taken as written
            return BasicAuth.parse(content.get(0).replace("\r", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "--pushgateway-auth-file: " + file + " must hold one line user:password (" + e.getMessage() + ")");
        }
    }
}
