package org.gridgov.web.support;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.gridgov.grid.DomainException;
import org.springframework.web.multipart.MultipartFile;

/**
 * The photo a page form sends (case intake and actions, a patrol's case, a visit): its bytes, and the fingerprint
 * that goes into the idempotent request's body, so that a resent form with the same photo is recognised and one with
 * another photo is refused.
 */
public final class UploadedPhotos {

    private UploadedPhotos() {
    }

    /** The photo's bytes, or {@code null} when the form carries none. */
    public static byte[] bytes(MultipartFile file) {
        try {
            return file == null || file.isEmpty() ? null : file.getBytes();
        }
        catch (IOException ex) {
            // the upload broke off: to the user that is a photo that did not arrive
            throw DomainException.onField("photo", "photo.empty");
        }
    }

    /** The photo's SHA-256 in hex, or an empty string without a photo. */
    public static String fingerprint(byte[] photo) {
        if (photo == null) {
            return "";
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(photo));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
