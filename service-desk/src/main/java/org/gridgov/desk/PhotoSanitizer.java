package org.gridgov.desk;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.UUID;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import org.gridgov.grid.DomainException;

/**
 * Makes an uploaded photo safe to keep and show: the content (not the name or the declared type) must decode as a
 * JPEG, PNG, GIF or BMP image within the size and pixel limits; the picture is re-encoded as a fresh JPEG, which
 * drops EXIF (GPS position, camera serial), comments and anything appended to the file, scaled down to at most
 * {@value #MAX_EDGE} pixels on its long edge, and given a name chosen by the server.
 */
public final class PhotoSanitizer {

    public static final int MAX_BYTES = 10 * 1024 * 1024;
    public static final long MAX_PIXELS = 40_000_000L;
    public static final int MAX_EDGE = 2560;
    private static final float QUALITY = 0.85f;

    /** A sanitized photo: JPEG bytes, its pixel size and a server-chosen file name. */
    public record Photo(String fileName, byte[] jpeg, int width, int height) {
    }

    public Photo sanitize(byte[] upload) {
        if (upload == null || upload.length == 0) {
            throw DomainException.onField("photo", "photo.empty");
        }
        if (upload.length > MAX_BYTES) {
            throw DomainException.onField("photo", "photo.tooLarge", MAX_BYTES / (1024 * 1024));
        }
        BufferedImage image = decode(upload);
        BufferedImage scaled = toRgb(image, MAX_EDGE);
        byte[] jpeg = encode(scaled);
        return new Photo(UUID.randomUUID() + ".jpg", jpeg, scaled.getWidth(), scaled.getHeight());
    }

    private static BufferedImage decode(byte[] upload) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw DomainException.onField("photo", "photo.notAnImage");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                // the header tells the size before any pixel is decoded: refuse decompression bombs early
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels <= 0 || pixels > MAX_PIXELS) {
                    throw DomainException.onField("photo", "photo.tooManyPixels", MAX_PIXELS / 1_000_000);
                }
                BufferedImage image = reader.read(0);
                if (image == null) {
                    throw DomainException.onField("photo", "photo.notAnImage");
                }
                return image;
            }
            finally {
                reader.dispose();
            }
        }
        catch (IOException | RuntimeException ex) {
            if (ex instanceof DomainException domain) {
                throw domain;
            }
            throw DomainException.onField("photo", "photo.notAnImage");
        }
    }

    private static BufferedImage toRgb(BufferedImage source, int maxEdge) {
        double scale = Math.min(1.0, (double) maxEdge / Math.max(source.getWidth(), source.getHeight()));
        int width = Math.max(1, (int) Math.round(source.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(source.getHeight() * scale));
        BufferedImage rgb = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.drawImage(source, 0, 0, width, height, null);
        }
        finally {
            g.dispose();
        }
        return rgb;
    }

    private static byte[] encode(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        }
        catch (IOException ex) {
            throw new IllegalStateException("JPEG encoding failed", ex);
        }
        finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
