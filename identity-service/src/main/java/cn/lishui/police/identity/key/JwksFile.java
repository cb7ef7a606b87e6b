package cn.lishui.police.identity.key;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Clock;
import java.util.List;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * Keys in a JWK set file with their private parts (owner-only permissions). In the embedded default it
 * is generated on first start under the data directory, outside the repository; in production it is a
 * mounted secret ({@code fengqiao.identity.keys.jwks-file}) that must exist. Saves are atomic: a crash
 * leaves the old set or the new one, never half a file.
 */
final class JwksFile implements KeyStorage {

    private final Path file;
    private final boolean createIfMissing;
    private final Clock clock;

    JwksFile(Path file, boolean createIfMissing, Clock clock) {
        this.file = file;
        this.createIfMissing = createIfMissing;
        this.clock = clock;
    }

    @Override
    public List<RSAKey> load() {
        try {
            if (!Files.exists(file)) {
                if (!createIfMissing) {
                    throw new IllegalStateException("The signing key file " + file + " does not exist");
                }
                save(List.of(SigningKeys.generate(clock.instant())));
            }
            JWKSet set = JWKSet.parse(Files.readString(file, StandardCharsets.UTF_8));
            List<RSAKey> keys = set.getKeys().stream().filter(RSAKey.class::isInstance).map(JWK::toRSAKey).toList();
            if (keys.isEmpty()) {
                throw new IllegalStateException("The signing key file " + file + " holds no RSA key");
            }
            return SigningKeys.inIssueOrder(keys);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the signing key file " + file, e);
        } catch (ParseException e) {
            throw new IllegalStateException("The signing key file " + file + " is not a JWK set", e);
        }
    }

    @Override
    public boolean writable() {
        return Files.exists(file) ? Files.isWritable(file) : createIfMissing;
    }

    @Override
    public void save(List<RSAKey> keys) {
        try {
            Path directory = file.toAbsolutePath().getParent();
            if (!Files.exists(directory)) {
                Files.createDirectories(directory);
                restrict(directory, "rwx------");
            }
            Path tmp = directory.resolve(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            Files.createFile(tmp);
            restrict(tmp, "rw-------");
            // toString(false): with the private parts; this file is the one place they are kept
            Files.writeString(tmp, new JWKSet(List.copyOf(keys)).toString(false), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the signing key file " + file, e);
        }
    }

    @Override
    public String describe() {
        return "JWK set file " + file.toAbsolutePath();
    }

    private static void restrict(Path path, String permissions) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: the directory's own protection applies
        }
    }
}
