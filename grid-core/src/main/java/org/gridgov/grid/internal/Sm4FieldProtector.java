package org.gridgov.grid.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.gridgov.grid.FieldProtector;

/** SM4-GCM with a random 96-bit nonce per value (nonce ‖ ciphertext ‖ tag) and HMAC-SM3 for look-ups. */
public final class Sm4FieldProtector implements FieldProtector {

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static final int NONCE_BYTES = 12;

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec hashKey;
    private final SecureRandom random = new SecureRandom();

    public Sm4FieldProtector(byte[] encryptionKey, byte[] hashKey) {
        if (encryptionKey.length != 16 || hashKey.length < 32) {
            throw new IllegalArgumentException("SM4 needs a 16-byte key and HMAC-SM3 at least 32 bytes");
        }
        this.encryptionKey = new SecretKeySpec(encryptionKey.clone(), "SM4");
        this.hashKey = new SecretKeySpec(hashKey.clone(), "HMACSM3");
    }

    @Override
    public byte[] encrypt(String plain) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("SM4/GCM/NoPadding", BC);
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(128, nonce));
            byte[] body = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE_BYTES + body.length).put(nonce).put(body).array();
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("SM4 encryption failed", ex);
        }
    }

    @Override
    public String decrypt(byte[] value) {
        try {
            Cipher cipher = Cipher.getInstance("SM4/GCM/NoPadding", BC);
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(128, value, 0, NONCE_BYTES));
            byte[] plain = cipher.doFinal(value, NONCE_BYTES, value.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("SM4 decryption failed (wrong key or tampered value)", ex);
        }
    }

    @Override
    public byte[] lookupHash(String plain) {
        try {
            Mac mac = Mac.getInstance("HMACSM3", BC);
            mac.init(hashKey);
            return mac.doFinal(plain.getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HMAC-SM3 failed", ex);
        }
    }
}
