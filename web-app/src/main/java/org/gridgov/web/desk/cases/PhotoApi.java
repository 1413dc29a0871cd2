package org.gridgov.web.desk.cases;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridgov.desk.Photos;
import org.gridgov.grid.Hierarchy;
import org.gridgov.web.desk.cases.CaseJson.PhotoInfo;
import org.gridgov.web.security.GridGovUser;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/photos")
@Tag(name = "photos", description = "Case photos: checked by content, re-encoded without EXIF, named by the server")
class PhotoApi {

    private final Photos photos;
    private final Hierarchy hierarchy;
    private final CaseJsonMapper mapper;

    PhotoApi(Photos photos, Hierarchy hierarchy, CaseJsonMapper mapper) {
        this.photos = photos;
        this.hierarchy = hierarchy;
        this.mapper = mapper;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Upload a photo (JPEG, PNG, GIF or BMP by content, at most 10 MB); use its id as an "
            + "attachment of a case or an action")
    PhotoInfo upload(@RequestParam("file") MultipartFile file, @AuthenticationPrincipal GridGovUser user)
            throws IOException {
        return mapper.toJson(photos.upload(file.getBytes(), user.username(),
                hierarchy.scopeOf(user.unitId()).path()));
    }

    @GetMapping("/{id}")
    ResponseEntity<byte[]> content(@PathVariable long id) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG)
                .cacheControl(CacheControl.noCache().cachePrivate()).body(photos.content(id));
    }
}
