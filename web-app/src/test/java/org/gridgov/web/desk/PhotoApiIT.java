package org.gridgov.web.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.web.testsupport.DemoUsers.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

import org.gridgov.web.GridGovIntegrationTest;
import org.gridgov.web.testsupport.DemoUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.json.JsonMapper;

@GridGovIntegrationTest
class PhotoApiIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    final JsonMapper json = JsonMapper.builder().build();

    String token(String username) throws Exception {
        return DemoUsers.token(mvc, username);
    }

    static byte[] png() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    @Test
    void storesAnUploadedPictureAsAFreshJpegAndAttachesItToACase() throws Exception {
        String token = token("grid1");
        MvcResult uploaded = mvc.perform(multipart("/api/v1/photos")
                        .file(new MockMultipartFile("file", "evil.php", "application/x-php", png()))
                        .with(bearer(token)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.width").value(40)).andReturn();
        long id = json.readTree(uploaded.getResponse().getContentAsString()).get("id").asLong();
        String name = json.readTree(uploaded.getResponse().getContentAsString()).get("fileName").asString();
        assertThat(name).endsWith(".jpg").doesNotContain("evil");
        byte[] content = mvc.perform(get("/api/v1/photos/" + id).with(bearer(token)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(content[0]).isEqualTo((byte) 0xFF);
        assertThat(content[1]).isEqualTo((byte) 0xD8);

        long grid = jdbc.queryForObject("select unit_id from app.user_account where username = 'grid1'", Long.class);
        String intake = "{\"gridUnitId\":" + grid + ",\"categoryCode\":\"0101\",\"nature\":\"HELP\","
                + "\"description\":\"带照片的事件\",\"photos\":[" + id + "]}";
        mvc.perform(post("/api/v1/cases").with(bearer(token))
                .contentType(MediaType.APPLICATION_JSON).content(intake)).andExpect(status().isCreated());
        String bogus = intake.replace("[" + id + "]", "[987654321]");
        mvc.perform(post("/api/v1/cases").with(bearer(token))
                        .contentType(MediaType.APPLICATION_JSON).content(bogus))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors[0].field").value("attachments"));
    }

    @Test
    void refusesAFileThatIsNotAPicture() throws Exception {
        long before = jdbc.queryForObject("select count(*) from desk.photo", Long.class);
        mvc.perform(multipart("/api/v1/photos")
                        .file(new MockMultipartFile("file", "photo.jpg", "image/jpeg",
                                "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)))
                        .with(bearer(token("grid1"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("文件不是可识别的图片(支持 JPEG、PNG、GIF、BMP)"));
        assertThat(jdbc.queryForObject("select count(*) from desk.photo", Long.class)).isEqualTo(before);
    }
}
