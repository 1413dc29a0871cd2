package org.gridgov.grid;

/**
 * Keeps personal fields (ID number, phone) unreadable in the database: encrypted with SM4 and looked up by a keyed
 * SM3 hash of the normalized value.
 */
public interface FieldProtector {

    /** SM4-GCM encryption with a 16-byte key, HMAC-SM3 look-up hashes with a key of at least 32 bytes. */
    static FieldProtector sm4(byte[] encryptionKey, byte[] hashKey) {
        return new org.gridgov.grid.internal.Sm4FieldProtector(encryptionKey, hashKey);
    }

    byte[] encrypt(String plain);

    String decrypt(byte[] cipher);

    /** A keyed hash for exact look-up; equal inputs give equal hashes. */
    byte[] lookupHash(String plain);
}
