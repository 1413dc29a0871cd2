package org.gridgov.grid.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The keys for personal fields. Taken from {@code gridgov.crypto.key} (16 bytes, Base64) and
 * {@code gridgov.crypto.hash-key} (32 bytes, Base64) — env {@code GRIDGOV_CRYPTO_KEY},
 * {@code GRIDGOV_CRYPTO_HASH_KEY} — else from the key file {@code gridgov.crypto.key-file}, which is created with
 * fresh random keys only when {@code gridgov.crypto.generate-missing} is true (demo and tests). Without keys the
 * application refuses to start.
 */
@Component
class CryptoKeys {

    private final byte[] encryptionKey;
    private final byte[] hashKey;

    CryptoKeys(@Value("${gridgov.crypto.key:}") String key,
               @Value("${gridgov.crypto.hash-key:}") String hashKey,
               @Value("${gridgov.crypto.key-file:}") String keyFile,
               @Value("${gridgov.crypto.generate-missing:false}") boolean generateMissing) {
        Properties keys = new Properties();
        if (!key.isBlank() && !hashKey.isBlank()) {
            keys.setProperty("key", key);
            keys.setProperty("hash-key", hashKey);
        }
        else if (!keyFile.isBlank()) {
            keys = loadOrCreate(Path.of(keyFile), generateMissing);
        }
        else if (generateMissing) {
            keys = generate();
        }
        else {
            throw new IllegalStateException("No keys for personal data: set GRIDGOV_CRYPTO_KEY (16 bytes, Base64) "
                    + "and GRIDGOV_CRYPTO_HASH_KEY (32 bytes, Base64), or gridgov.crypto.key-file");
        }
        this.encryptionKey = decode(keys.getProperty("key"), 16, "gridgov.crypto.key");
        this.hashKey = decode(keys.getProperty("hash-key"), 32, "gridgov.crypto.hash-key");
    }

    byte[] encryptionKey() {
        return encryptionKey.clone();
    }

    byte[] hashKey() {
        return hashKey.clone();
    }

    private static Properties loadOrCreate(Path file, boolean generateMissing) {
        Properties keys = new Properties();
        try {
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    keys.load(in);
                }
                return keys;
            }
            if (!generateMissing) {
                throw new IllegalStateException("Key file " + file + " does not exist");
            }
            keys = generate();
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                keys.store(out, "GridGov keys for personal data: keep secret, keep with the database backup");
            }
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            return keys;
        }
        catch (IOException ex) {
            throw new IllegalStateException("Cannot read or write key file " + file, ex);
        }
    }

    private static Properties generate() {
        SecureRandom random = new SecureRandom();
        byte[] key = new byte[16];
        byte[] hash = new byte[32];
        random.nextBytes(key);
        random.nextBytes(hash);
        Properties keys = new Properties();
        keys.setProperty("key", Base64.getEncoder().encodeToString(key));
        keys.setProperty("hash-key", Base64.getEncoder().encodeToString(hash));
        return keys;
    }

    private static byte[] decode(String value, int minBytes, String name) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(value == null ? "" : value.trim());
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalStateException(name + " is not valid Base64");
        }
        if (bytes.length < minBytes || (minBytes == 16 && bytes.length != 16)) {
            throw new IllegalStateException(name + " must be " + (minBytes == 16 ? "exactly" : "at least")
                    + " " + minBytes + " bytes");
        }
        return bytes;
    }
}
