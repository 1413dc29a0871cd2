package org.gridgov.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The public API's contract, pinned: the OpenAPI document served at /v3/api-docs must equal the committed snapshot,
 * so that a change inside a module (a renamed field of a view record, say) cannot change the JSON by accident.
 * Keys are sorted so that diffs read well, except the members of a schema's {@code properties}: their order is the
 * order of the fields in the JSON the API writes, which is part of the contract.
 */
@GridGovIntegrationTest
class OpenApiSnapshotIT {

    static final String SNAPSHOT = "src/test/resources/openapi/gridgov-api.json";
    static final String ACCEPT = "gridgov.openapi.accept";

    @Autowired
    MockMvc mvc;

    final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Test
    void servesTheDocumentOfTheCommittedSnapshot() throws Exception {
        String served = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String actual = json.writeValueAsString(normalised(json.readTree(served), false)) + "\n";
        Path snapshot = moduleDir().resolve(SNAPSHOT);
        if (Boolean.getBoolean(ACCEPT)) {
            Files.writeString(snapshot, actual, StandardCharsets.UTF_8);
            return;
        }
        String expected = Files.exists(snapshot) ? Files.readString(snapshot, StandardCharsets.UTF_8) : "";
        if (!expected.equals(actual)) {
            Path written = moduleDir().resolve("target/openapi/gridgov-api.actual.json");
            write(written, actual);
            assertThat(actual)
                    .as("The OpenAPI document differs from %s; the served one is in %s. If the change is intended, "
                            + "accept it with -D%s=true (rewrites the snapshot) and commit the snapshot with a note "
                            + "on why the public API changed.", SNAPSHOT, written, ACCEPT)
                    .isEqualTo(expected);
        }
    }

    /** Sorted keys at every level, except the property names of a schema, which keep the JSON's field order. */
    private JsonNode normalised(JsonNode node, boolean keepOrder) {
        if (node instanceof ObjectNode object) {
            ObjectNode out = json.createObjectNode();
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(object.properties());
            if (!keepOrder) {
                fields.sort(Map.Entry.comparingByKey());
            }
            for (Map.Entry<String, JsonNode> field : fields) {
                out.set(field.getKey(), normalised(field.getValue(), field.getKey().equals("properties")
                        && field.getValue().isObject() && !keepOrder));
            }
            return out;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode out = json.createArrayNode();
            array.forEach(element -> out.add(normalised(element, false)));
            return out;
        }
        return node;
    }

    private static Path moduleDir() {
        return Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
