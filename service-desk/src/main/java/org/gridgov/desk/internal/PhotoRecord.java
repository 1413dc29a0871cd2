package org.gridgov.desk.internal;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.gridgov.desk.PhotoSanitizer;
import org.gridgov.desk.Photos;
import org.gridgov.grid.DataScope;
import org.hibernate.annotations.Filter;

@Entity
@Table(schema = "desk", name = "photo")
/*
 * In scope: uploaded in the caller's territory (a case's photos are re-homed to the case's grid when attached), or
 * attached to a case dispatched to the caller's department.
 */
@Filter(name = DataScope.FILTER, condition = "(unit_path like :" + DataScope.FILTER_PARAM + " or (:"
        + DataScope.DEPARTMENT_PARAM + " > 0 and id = any(desk.department_photos(:" + DataScope.DEPARTMENT_PARAM
        + "))))")
class PhotoRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String fileName;
    private byte[] content;
    private int width;
    private int height;
    private int sizeBytes;
    private String uploadedBy;
    private String unitPath;
    private Instant uploadedAt;

    protected PhotoRecord() {
    }

    PhotoRecord(PhotoSanitizer.Photo photo, String uploadedBy, String unitPath, Instant uploadedAt) {
        this.fileName = photo.fileName();
        this.content = photo.jpeg();
        this.width = photo.width();
        this.height = photo.height();
        this.sizeBytes = photo.jpeg().length;
        this.uploadedBy = uploadedBy;
        this.unitPath = unitPath;
        this.uploadedAt = uploadedAt;
    }

    Photos.PhotoInfo info() {
        return new Photos.PhotoInfo(id, fileName, width, height, sizeBytes);
    }

    byte[] content() {
        return content.clone();
    }
}
