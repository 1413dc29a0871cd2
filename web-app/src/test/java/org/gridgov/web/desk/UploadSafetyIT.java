package org.gridgov.web.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.web.testsupport.DemoUsers.as;
import static org.gridgov.web.testsupport.DemoUsers.bearer;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.gridgov.desk.Categories;
import org.gridgov.web.GridGovIntegrationTest;
import org.gridgov.web.testsupport.DemoUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Uploads (the photo API and the case pages' photo field): the content decides, not the name or the declared type;
 * what is kept is a fresh JPEG without EXIF under a name the server chose. A polyglot, an SVG with script, a zip, an
 * oversized file and an empty one are refused with a clear message (400, the field named, in the user's language),
 * never a 5xx and nothing stored; a PNG named .jpg and a JPEG with HTML appended are accepted but re-encoded; a
 * client file name with path traversal never becomes the stored name; EXIF with a GPS position is gone.
 */
@GridGovIntegrationTest
class UploadSafetyIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String SCRIPT = "<script>alert(1)</script>";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Categories categories;

    static byte[] image(String format) throws Exception {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, 64, 48);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    /** A JPEG with an APP1 Exif segment holding a GPS IFD (latitude 39.9 N) right after SOI. */
    static byte[] jpegWithGps() throws Exception {
        byte[] jpeg = image("jpg");
        ByteBuffer tiff = ByteBuffer.allocate(128);
        tiff.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
        // IFD0: one entry, GPSInfo (0x8825) → offset 26
        tiff.putShort((short) 1).putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(26).putInt(0);
        // GPS IFD at 26: GPSLatitudeRef 'N', GPSLatitude 39/1 54/1 0/1 at offset 56
        tiff.putShort((short) 2);
        tiff.putShort((short) 1).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
        tiff.putShort((short) 2).putShort((short) 5).putInt(3).putInt(56);
        tiff.putInt(0);
        tiff.putInt(39).putInt(1).putInt(54).putInt(1).putInt(0).putInt(1);
        byte[] tiffBytes = java.util.Arrays.copyOf(tiff.array(), tiff.position());
        byte[] exifHeader = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
        int length = 2 + exifHeader.length + tiffBytes.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2); // SOI
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.write(exifHeader);
        out.write(tiffBytes);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    static byte[] zip() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("../../evil.jsp"));
            zip.write(SCRIPT.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    long photos() {
        return jdbc.queryForObject("select count(*) from desk.photo", Long.class);
    }

    MockHttpServletResponse upload(String token, String fileName, String type, byte[] content, String language)
            throws Exception {
        return mvc.perform(multipart("/api/v1/photos").file(new MockMultipartFile("file", fileName, type, content))
                .with(bearer(token)).header("Accept-Language", language))
                .andReturn().getResponse();
    }

    static void assertClean(MockHttpServletResponse response) throws Exception {
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(body).isLessThan(500);
        assertThat(body).doesNotContain("Exception", "at org.", "springframework", SCRIPT);
    }

    @Test
    void refusesWhatIsNotAPictureWithAClearMessageAndStoresNothing() throws Exception {
        String token = DemoUsers.token(mvc, "grid1");
        byte[] jpegHeader = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};
        Map<String, byte[]> refused = new LinkedHashMap<>();
        refused.put("polyglot.jpg", concat(jpegHeader, ("<html><body>" + SCRIPT + "</body></html>")
                .getBytes(StandardCharsets.UTF_8)));
        refused.put("drawing.svg", ("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">"
                + "<script>alert(1)</script><rect width=\"10\" height=\"10\"/></svg>").getBytes(StandardCharsets.UTF_8));
        refused.put("archive.jpg", zip());
        refused.put("page.html", ("<!doctype html>" + SCRIPT).getBytes(StandardCharsets.UTF_8));
        long before = photos();
        for (Map.Entry<String, byte[]> file : refused.entrySet()) {
            for (String language : new String[] {"zh-CN", "en"}) {
                MockHttpServletResponse response = upload(token, file.getKey(), "image/jpeg", file.getValue(),
                        language);
                assertClean(response);
                assertThat(response.getStatus()).as(file.getKey()).isEqualTo(400);
                JsonNode error = JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
                assertThat(error.get("message").asString()).as(file.getKey()).isEqualTo(language.equals("en")
                        ? "The file is not a picture we can read (JPEG, PNG, GIF or BMP)"
                        : "文件不是可识别的图片(支持 JPEG、PNG、GIF、BMP)");
            }
        }
        // oversized: 10 MB and one byte more (a real container refuses it earlier, with 413: NoStackTracesIT)
        byte[] oversized = concat(image("png"), new byte[10 * 1024 * 1024]);
        MockHttpServletResponse big = upload(token, "big.png", "image/png", oversized, "en");
        assertClean(big);
        assertThat(big.getStatus()).isIn(400, 413);
        assertThat(big.getContentAsString(StandardCharsets.UTF_8)).contains("at most 10 MB");
        // empty
        MockHttpServletResponse empty = upload(token, "empty.jpg", "image/jpeg", new byte[0], "en");
        assertClean(empty);
        assertThat(empty.getStatus()).isEqualTo(400);
        assertThat(photos()).as("nothing stored").isEqualTo(before);
    }

    @Test
    void keepsOnlyAFreshJpegWithoutExifUnderAServerChosenName() throws Exception {
        String token = DemoUsers.token(mvc, "grid1");
        byte[] gps = jpegWithGps();
        assertThat(contains(gps, "Exif\0\0".getBytes(StandardCharsets.US_ASCII))).isTrue();
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(gps))).as("the test image decodes").isNotNull();
        Map<String, byte[]> accepted = new LinkedHashMap<>();
        accepted.put("../../../etc/passwd.jpg", gps);
        accepted.put("..\\..\\windows\\png-named.jpg", image("png"));
        accepted.put("appended-html.jpg", concat(image("jpg"), ("<html>" + SCRIPT + "</html>")
                .getBytes(StandardCharsets.UTF_8)));
        accepted.put("<img src=x onerror=alert(1)>.gif", image("gif"));
        for (Map.Entry<String, byte[]> file : accepted.entrySet()) {
            MockHttpServletResponse response = upload(token, file.getKey(), "application/octet-stream",
                    file.getValue(), "zh-CN");
            assertClean(response);
            assertThat(response.getStatus()).as(file.getKey()).isEqualTo(201);
            JsonNode info = JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
            String name = info.get("fileName").asString();
            assertThat(name).as("server-chosen name").matches("[0-9a-f-]{36}\\.jpg");
            assertThat(UUID.fromString(name.substring(0, 36))).isNotNull();
            long id = info.get("id").asLong();
            assertThat(jdbc.queryForObject("select file_name from desk.photo where id = ?", String.class, id))
                    .isEqualTo(name);
            MockHttpServletResponse stored = mvc.perform(get("/api/v1/photos/" + id).with(bearer(token)))
                    .andReturn().getResponse();
            assertThat(stored.getContentType()).isEqualTo("image/jpeg");
            assertThat(stored.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
            byte[] content = stored.getContentAsByteArray();
            assertThat(content[0]).isEqualTo((byte) 0xFF);
            assertThat(content[1]).isEqualTo((byte) 0xD8);
            assertThat(contains(content, "Exif".getBytes(StandardCharsets.US_ASCII))).as("EXIF gone").isFalse();
            assertThat(contains(content, new byte[] {(byte) 0xFF, (byte) 0xE1})).as("no APP1 segment").isFalse();
            assertThat(contains(content, "<script".getBytes(StandardCharsets.US_ASCII))).as("nothing appended")
                    .isFalse();
            assertThat(contains(content, "passwd".getBytes(StandardCharsets.US_ASCII))).isFalse();
        }
    }

    @Test
    void theCaseIntakePageRefusesAPolyglotWithTheFormAndItsMessage() throws Exception {
        long grid = jdbc.queryForObject("select unit_id from app.user_account where username = 'grid1'", Long.class);
        String category = categories.tree().get(0).minors().get(0).code();
        byte[] polyglot = concat(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, SCRIPT.getBytes(
                StandardCharsets.UTF_8));
        long before = photos();
        long cases = jdbc.queryForObject("select count(*) from desk.case_file", Long.class);
        MockHttpServletResponse response = mvc.perform(multipart("/cases/new")
                .file(new MockMultipartFile("photo", "../../x.jpg", "image/jpeg", polyglot))
                .with(as("grid1")).with(csrf())
                .header("Accept-Language", "zh-CN")
                .param("idempotencyKey", UUID.randomUUID().toString()).param("gridUnitId", String.valueOf(grid))
                .param("categoryCode", category).param("nature", "HELP").param("address", "和平街 3 号")
                .param("description", "照片是伪装的网页")).andReturn().getResponse();
        assertClean(response);
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).isIn(200, 400);
        assertThat(body).contains("文件不是可识别的图片").contains("照片是伪装的网页");
        assertThat(photos()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from desk.case_file", Long.class)).isEqualTo(cases);
    }
}
