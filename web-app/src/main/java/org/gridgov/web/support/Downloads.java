package org.gridgov.web.support;

import org.springframework.http.MediaType;

/** Media types of the files the web layer hands out. */
public final class Downloads {

    /** An Excel workbook (.xlsx). */
    public static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private Downloads() {
    }
}
