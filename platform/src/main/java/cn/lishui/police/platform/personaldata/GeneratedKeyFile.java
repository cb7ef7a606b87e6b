package cn.lishui.police.platform.personaldata;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;

/**
 * The embedded default's personal-data keys: generated once, on first start, into a file beside the
 * service's data ({@code <data dir>/<service>/personal-data-keys.properties}, owner-only), and read
 * back on every later start so what was sealed stays readable.
 */
final class GeneratedKeyFile {

    private GeneratedKeyFile() {
    }

    static PersonalDataKeys loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Properties generated = new Properties();
                generated.setProperty("active-key-id", "k1");
                generated.setProperty("keys.k1", randomKey());
                generated.setProperty("blind-index-key", randomKey());
                Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
                try (Writer out = Files.newBufferedWriter(tmp)) {
                    generated.store(out, "Generated personal-data keys of the embedded default. Keep secret; never commit.");
                }
                restrictToOwner(tmp);
                Files.move(tmp, file);
            }
            Properties stored = new Properties();
            try (Reader in = Files.newBufferedReader(file)) {
                stored.load(in);
            }
            String active = stored.getProperty("active-key-id");
            return new PersonalDataKeys(active, Map.of(active, stored.getProperty("keys." + active)),
                    stored.getProperty("blind-index-key"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the personal-data key file " + file, e);
        }
    }

    static PersonalDataKeys ephemeral() {
        return new PersonalDataKeys("ephemeral", Map.of("ephemeral", randomKey()), randomKey());
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static void restrictToOwner(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: the directory's own protection applies
        }
    }
}
