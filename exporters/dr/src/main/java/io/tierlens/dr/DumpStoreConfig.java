package io.tierlens.dr;

import io.tierlens.core.config.ConfigChecked;
import io.tierlens.core.config.ConfigProblems;
import java.time.Duration;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One place in Azure Blob storage the database dumps are copied to.
 *
 * @param store the {@code store} label, e.g. {@code mysql-dumps}
 * @param accountUrl the storage account's blob endpoint, e.g. {@code https://shopdr.blob.core.windows.net}
 * @param container the container holding the dumps
 * @param prefix only blobs whose name starts with this are listed (default: all of the container)
 * @param namePattern a blob counts as a dump when its name (after the prefix) matches; default {@code .*}
 * @param retention how far back dumps are counted for {@code tierlens_dr_backup_objects}, default 7d
 * @param comparePrevious how many dumps before the newest form the median its size is compared with, default 7
 * @param accountName for shared-key access only: the storage account name
 * @param accountKeyFile shared-key access (an emulator, or an account without Entra ID): file holding the account
 *     key; empty (default) signs in with the {@code auth} identity
 * @param timeout limit for listing the container, default 10s
 */
public record DumpStoreConfig(
        String store,
        String accountUrl,
        String container,
        String prefix,
        String namePattern,
        Duration retention,
        Integer comparePrevious,
        String accountName,
        String accountKeyFile,
        Duration timeout)
        implements ConfigChecked {
    public DumpStoreConfig {
        store = store == null ? "" : store.strip();
        accountUrl = accountUrl == null ? "" : accountUrl.strip();
        container = container == null ? "" : container.strip();
        prefix = prefix == null ? "" : prefix;
        namePattern = namePattern == null || namePattern.isEmpty() ? ".*" : namePattern;
        retention = retention == null ? Duration.ofDays(7) : retention;
        comparePrevious = comparePrevious == null ? 7 : comparePrevious;
        accountName = accountName == null ? "" : accountName.strip();
        accountKeyFile = accountKeyFile == null ? "" : accountKeyFile.strip();
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    }

    public Pattern pattern() {
        return Pattern.compile(namePattern);
    }

    @Override
    public void check(String path, ConfigProblems problems) {
        if (store.isEmpty()) {
            problems.add(ConfigProblems.join(path, "store"), "a dump store needs a name", "e.g. store: mysql-dumps");
        }
        if (!DrConfig.httpUrl(accountUrl)) {
            problems.add(
                    ConfigProblems.join(path, "account_url"),
                    "missing or not an http(s) URL",
                    "write e.g. https://shopdr.blob.core.windows.net");
        }
        if (container.isEmpty()) {
            problems.add(ConfigProblems.join(path, "container"), "a dump store needs a container", "e.g. dumps");
        }
        try {
            pattern();
        } catch (PatternSyntaxException e) {
            problems.add(
                    ConfigProblems.join(path, "name_pattern"),
                    "not a valid regular expression: " + e.getDescription(),
                    "use Java regex syntax, e.g. shop-\\d{8}\\.sql\\.gz");
        }
        if (retention.isZero() || retention.isNegative()) {
            problems.add(ConfigProblems.join(path, "retention"), "must be longer than 0s", "e.g. 7d");
        }
        if (comparePrevious < 1 || comparePrevious > 100) {
            problems.add(
                    ConfigProblems.join(path, "compare_previous"),
                    "must be between 1 and 100",
                    "the default is 7 (a week of daily dumps)");
        }
        if (!accountKeyFile.isEmpty() && accountName.isEmpty()) {
            problems.add(
                    ConfigProblems.join(path, "account_name"),
                    "shared-key access (account_key_file) needs the storage account name",
                    "e.g. account_name: shopdr");
        }
        if (accountKeyFile.isEmpty() && accountUrl.startsWith("http://")) {
            problems.add(
                    ConfigProblems.join(path, "account_url"),
                    "an Entra ID token is only sent over https",
                    "use the https endpoint, or account_key_file for an emulator");
        }
        if (timeout.isZero() || timeout.isNegative()) {
            problems.add(ConfigProblems.join(path, "timeout"), "must be longer than 0s", "the default is 10s");
        }
    }
}
