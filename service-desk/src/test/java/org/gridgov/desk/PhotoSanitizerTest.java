package org.gridgov.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.gridgov.grid.DomainException;
import org.junit.jupiter.api.Test;

class PhotoSanitizerTest {

    private final PhotoSanitizer sanitizer = new PhotoSanitizer();

    static byte[] picture(String format, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, Color.RED.getRGB());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    /** Inserts an EXIF (APP1) segment with a GPS-like marker right after the JPEG's start-of-image marker. */
    static byte[] withExif(byte[] jpeg) {
        byte[] payload = "Exif\0\0GPS-LAT-34.0060N-LNG-112.5280E-CAMERA-SERIAL-123456".getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + payload.length + 4);
        out.put(jpeg, 0, 2).put((byte) 0xFF).put((byte) 0xE1).putShort((short) (payload.length + 2)).put(payload)
                .put(jpeg, 2, jpeg.length - 2);
        return out.array();
    }

    @Test
    void reencodesAJpegWithoutItsExif() throws IOException {
        byte[] upload = withExif(picture("jpeg", 64, 48));
        assertThat(new String(upload, StandardCharsets.ISO_8859_1)).contains("GPS-LAT");
        PhotoSanitizer.Photo photo = sanitizer.sanitize(upload);
        assertThat(new String(photo.jpeg(), StandardCharsets.ISO_8859_1)).doesNotContain("GPS-LAT")
                .doesNotContain("Exif");
        assertThat(ImageIO.read(new ByteArrayInputStream(photo.jpeg()))).isNotNull();
        assertThat(photo.fileName()).matches("[0-9a-f-]{36}\\.jpg");
        assertThat(photo.width()).isEqualTo(64);
    }

    @Test
    void acceptsAPngByContentAndTurnsItIntoAJpeg() throws IOException {
        PhotoSanitizer.Photo photo = sanitizer.sanitize(picture("png", 30, 20));
        assertThat(photo.jpeg()[0]).isEqualTo((byte) 0xFF);
        assertThat(photo.jpeg()[1]).isEqualTo((byte) 0xD8);
    }

    @Test
    void scalesDownLargePictures() throws IOException {
        PhotoSanitizer.Photo photo = sanitizer.sanitize(picture("png", 4000, 1000));
        assertThat(photo.width()).isEqualTo(PhotoSanitizer.MAX_EDGE);
        assertThat(photo.height()).isEqualTo(640);
    }

    @Test
    void refusesSomethingThatIsNotAPictureWhateverItIsCalled() {
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> sanitizer.sanitize(html)).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code()).isEqualTo("photo.notAnImage");
        assertThatThrownBy(() -> sanitizer.sanitize(new byte[0]))
                .extracting(e -> ((DomainException) e).code()).isEqualTo("photo.empty");
        assertThatThrownBy(() -> sanitizer.sanitize(new byte[PhotoSanitizer.MAX_BYTES + 1]))
                .extracting(e -> ((DomainException) e).code()).isEqualTo("photo.tooLarge");
    }

    @Test
    void refusesADecompressionBombFromItsHeaderAlone() {
        assertThatThrownBy(() -> sanitizer.sanitize(pngHeader(50_000, 50_000)))
                .extracting(e -> ((DomainException) e).code()).isEqualTo("photo.tooManyPixels");
    }

    /** A PNG signature and IHDR chunk claiming a huge size, with no pixel data. */
    static byte[] pngHeader(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}).putInt(13).put(ihdr.array())
                .putInt((int) crc.getValue());
        return png.array();
    }
}
