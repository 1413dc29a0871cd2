package org.gridgov.desk.internal;

import java.util.Collection;
import java.util.HashSet;

import org.gridgov.desk.PhotoSanitizer;
import org.gridgov.desk.Photos;
import org.gridgov.grid.DomainException;
import org.gridgov.grid.NotFoundException;
import org.gridgov.grid.PlatformTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class PhotoStore implements Photos {

    private final PhotoRepository photos;
    private final PhotoSanitizer sanitizer = new PhotoSanitizer();
    private final PlatformTime time;

    PhotoStore(PhotoRepository photos, PlatformTime time) {
        this.photos = photos;
        this.time = time;
    }

    @Override
    @Transactional
    public PhotoInfo upload(byte[] content, String uploadedBy, String unitPath) {
        return photos.save(new PhotoRecord(sanitizer.sanitize(content), uploadedBy, unitPath, time.now())).info();
    }

    @Override
    public byte[] content(long id) {
        return photos.findById(id).orElseThrow(() -> new NotFoundException("photo", id)).content();
    }

    @Override
    public void requireVisible(Collection<Long> ids) {
        if (ids == null || ids.isEmpty()) {
            return;
        }
        HashSet<Long> distinct = new HashSet<>(ids);
        if (photos.countVisible(distinct) != distinct.size()) {
            throw DomainException.onField("attachments", "case.attachment.unknown");
        }
    }
}
