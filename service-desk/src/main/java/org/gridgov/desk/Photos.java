package org.gridgov.desk;

import java.util.Collection;

/** Case photos: sanitized on upload ({@link PhotoSanitizer}), then seen within the uploader's node's scope. */
public interface Photos {

    /** A stored photo's description, without its bytes. */
    record PhotoInfo(long id, String fileName, int width, int height, int sizeBytes) {
    }

    PhotoInfo upload(byte[] content, String uploadedBy, String unitPath);

    /** The JPEG bytes of a photo in scope. */
    byte[] content(long id);

    /** Refuses ({@code case.attachment.unknown}) any id that is not a photo in the caller's scope. */
    void requireVisible(Collection<Long> ids);
}
