package org.gridgov.grid;

/**
 * Keys for other purposes derived from the look-up hash key ({@code gridgov.crypto.hash-key}): HMAC-SHA256(hash key,
 * purpose), so each purpose has its own key and the key file stays the one secret to keep.
 */
public interface DerivedKeys {

    /** 32 bytes, the same for the same purpose and key file. */
    byte[] key(String purpose);
}
