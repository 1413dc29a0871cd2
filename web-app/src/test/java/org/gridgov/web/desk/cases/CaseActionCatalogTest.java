package org.gridgov.web.desk.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.gridgov.desk.CaseAction;
import org.gridgov.web.security.PermissionDeclarations;
import org.junit.jupiter.api.Test;

/**
 * What the web side needs of every case action kind: a permission string the platform grants, its name in both
 * languages, and (for the actions taken on a case) its page fragment; so a new action cannot be half added.
 */
class CaseActionCatalogTest {

    private static final Path FRAGMENTS = Path.of("src/main/resources/templates/desk/cases/actions");

    @Test
    void everyKindNeedsAPermissionThePlatformGrants() {
        for (CaseAction kind : CaseAction.values()) {
            assertThat(PermissionDeclarations.catalog().grantable()).as("%s", kind).contains(kind.permission());
        }
    }

    @Test
    void everyKindHasItsNameInChineseAndEnglish() throws IOException {
        List<Properties> chinese = bundles("");
        List<Properties> english = bundles("_en");
        for (CaseAction kind : CaseAction.values()) {
            String key = "caseAction." + kind;
            assertThat(chinese).as("%s in messages (zh-CN)", key).anyMatch(p -> p.containsKey(key));
            assertThat(english).as("%s in messages_en", key).anyMatch(p -> p.containsKey(key));
        }
    }

    @Test
    void everyActionOnACaseHasItsPageFragment() throws IOException {
        for (CaseAction kind : CaseAction.values()) {
            if (kind == CaseAction.REPORT) {
                continue; // filed on the intake page, never offered on a case
            }
            Path fragment = FRAGMENTS.resolve(kind.name().toLowerCase(Locale.ROOT) + ".html");
            assertThat(fragment).as("%s", kind).exists();
            assertThat(Files.readString(fragment)).contains("th:fragment=\"inputs\"");
        }
        try (var files = Files.list(FRAGMENTS)) {
            assertThat(files.count()).as("no fragment without its action").isEqualTo(CaseAction.values().length - 1);
        }
    }

    /** Every bundle Spring is told to read ({@code spring.messages.basename}), in one language. */
    private static List<Properties> bundles(String suffix) throws IOException {
        Properties application = load("application.properties");
        List<Properties> bundles = new ArrayList<>();
        for (String basename : application.getProperty("spring.messages.basename", "messages").split(",")) {
            bundles.add(load(basename.strip() + suffix + ".properties"));
        }
        return bundles;
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = CaseActionCatalogTest.class.getResourceAsStream("/" + name)) {
            if (in != null) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        }
        return properties;
    }
}
