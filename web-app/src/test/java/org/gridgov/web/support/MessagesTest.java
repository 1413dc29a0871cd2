package org.gridgov.web.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.web.support.MessageBundles.EN;
import static org.gridgov.web.support.MessageBundles.ZH;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.gridgov.grid.Gender;
import org.gridgov.grid.HouseholdTag;
import org.gridgov.grid.Relation;
import org.gridgov.grid.SpecialGroup;
import org.gridgov.grid.StaffPost;
import org.gridgov.grid.UnitLevel;
import org.junit.jupiter.api.Test;

/** Every text a user sees comes from the message bundles, in both languages. */
class MessagesTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final List<Path> MODULE_SOURCES = List.of(Path.of("../grid-core/src/main/java"),
            Path.of("../accounts/src/main/java"), Path.of("../party-org/src/main/java"), Path.of("../service-desk/src/main/java"),
            Path.of("../grid-work/src/main/java"));

    @Test
    void everyModuleHasItsBundleInBothLanguages() {
        List<String> basenames = MessageBundles.basenames();
        assertThat(basenames).as("spring.messages.basename").containsExactlyInAnyOrder("messages/common",
                "messages/grid", "messages/desk", "messages/party", "messages/work", "messages/admin",
                "messages/account", "messages/reporting");
        for (String basename : basenames) {
            assertThat(MessageBundles.bundle(basename, ZH)).as(basename + " (zh-CN)").isNotEmpty();
            assertThat(MessageBundles.bundle(basename, EN)).as(basename + " (en)").isNotEmpty();
        }
    }

    @Test
    void noBundleIsLeftOutsideTheBasenameList() {
        // keys appended to the old single bundle would be invisible to the application: they belong in a module's
        assertThat(MessageBundles.exists("messages.properties")).as("messages.properties").isFalse();
        assertThat(MessageBundles.exists("messages_en.properties")).as("messages_en.properties").isFalse();
    }

    @Test
    void chineseAndEnglishHaveTheSameKeys() {
        for (String basename : MessageBundles.basenames()) {
            Set<String> zh = new TreeSet<>(MessageBundles.bundle(basename, ZH).stringPropertyNames());
            Set<String> en = new TreeSet<>(MessageBundles.bundle(basename, EN).stringPropertyNames());
            assertThat(en).as("keys missing in " + basename + EN).containsAll(zh);
            assertThat(zh).as("keys missing in " + basename + " (zh-CN)").containsAll(en);
        }
    }

    @Test
    void noMessageIsEmpty() {
        List<String> empty = new ArrayList<>();
        for (String basename : MessageBundles.basenames()) {
            for (String language : List.of(ZH, EN)) {
                Properties bundle = MessageBundles.bundle(basename, language);
                bundle.stringPropertyNames().stream().filter(k -> bundle.getProperty(k).isBlank())
                        .forEach(k -> empty.add(basename + language + ": " + k));
            }
        }
        assertThat(empty).isEmpty();
    }

    @Test
    void noKeyIsDefinedInTwoBundles() {
        for (String language : List.of(ZH, EN)) {
            Map<String, String> owner = new HashMap<>();
            List<String> twice = new ArrayList<>();
            for (String basename : MessageBundles.basenames()) {
                for (String key : MessageBundles.bundle(basename, language).stringPropertyNames()) {
                    String first = owner.putIfAbsent(key, basename);
                    if (first != null) {
                        twice.add(key + " in " + first + language + " and " + basename + language);
                    }
                }
            }
            assertThat(twice).isEmpty();
        }
    }

    @Test
    void eachKeyPrefixLivesInOneBundle() {
        // a key's first segment names its bundle (party.* in messages/party), so a new key goes where its prefix is
        Map<String, Set<String>> bundlesOfPrefix = new TreeMap<>();
        for (String basename : MessageBundles.basenames()) {
            for (String key : MessageBundles.bundle(basename, ZH).stringPropertyNames()) {
                bundlesOfPrefix.computeIfAbsent(key.split("\\.")[0], p -> new TreeSet<>()).add(basename);
            }
        }
        assertThat(bundlesOfPrefix).allSatisfy((prefix, bundles) -> assertThat(bundles).as(prefix).hasSize(1));
    }

    @Test
    void everyMessageKeyInTheTemplatesExists() throws IOException {
        Properties zh = MessageBundles.all(ZH);
        Pattern key = Pattern.compile("#\\{([a-zA-Z0-9_.]+)[(}]");
        List<String> missing = new ArrayList<>();
        for (Path template : templates()) {
            Matcher m = key.matcher(Files.readString(template));
            while (m.find()) {
                if (!zh.containsKey(m.group(1))) {
                    missing.add(TEMPLATES.relativize(template) + ": " + m.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyEnumShownToUsersHasALabel() throws IOException {
        Properties zh = MessageBundles.all(ZH);
        List<String> keys = new ArrayList<>();
        Stream.of(UnitLevel.values()).forEach(v -> keys.add("level." + v));
        Stream.of(1, 2, 3).forEach(t -> keys.add("level.GRID_" + t));
        Stream.of(HouseholdTag.values()).forEach(v -> keys.add("tag." + v));
        Stream.of(Gender.values()).forEach(v -> keys.add("gender." + v));
        Stream.of(Relation.values()).forEach(v -> keys.add("relation." + v));
        Stream.of(SpecialGroup.values()).forEach(v -> keys.add("group." + v));
        Stream.of(StaffPost.values()).forEach(v -> keys.add("post." + v));
        Stream.of(org.gridgov.party.PartyOrgType.values()).forEach(v -> keys.add("party.type." + v));
        Stream.of(org.gridgov.party.MemberCategory.values()).forEach(v -> keys.add("party.category." + v));
        Stream.of(org.gridgov.party.MemberUnitKind.values()).forEach(v -> keys.add("party.unitKind." + v));
        Stream.of(org.gridgov.party.RegistrationStatus.values()).forEach(v -> keys.add("party.status." + v));
        Stream.of(org.gridgov.party.RegistrationKind.values()).forEach(v -> keys.add("party.kind." + v));
        Stream.of(org.gridgov.work.PersonKind.values()).forEach(v -> keys.add("points.person." + v));
        Stream.of(org.gridgov.work.PointEvent.values()).forEach(v -> keys.add("points.reason." + v));
        Stream.of(org.gridgov.audit.AuditLog.Action.values()).forEach(v -> keys.add("audit.action." + v));
        Stream.of(org.gridgov.audit.AuditLog.Result.values()).forEach(v -> keys.add("audit.result." + v));
        Stream.of(org.gridgov.desk.LimitUnit.values()).forEach(v -> keys.add("limitUnit." + v));
        assertThat(keys).allMatch(zh::containsKey, "has a label");
    }

    @Test
    void everyDomainErrorCodeHasAMessage() throws IOException {
        Properties zh = MessageBundles.all(ZH);
        // DomainException.onField, new DomainException, and the factories of its subclasses (forbidden, conflict)
        Pattern code = Pattern.compile("(?:(?:onField|forbidden|conflict)\\(\"\\w+\", |DomainException\\()"
                + "\"([a-zA-Z.]+)\"");
        Pattern annotation = Pattern.compile("message = \"\\{([a-zA-Z.]+)}\"|default \"\\{([a-zA-Z.]+)}\"");
        Set<String> codes = new TreeSet<>();
        for (Path root : MODULE_SOURCES) {
          try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher m = code.matcher(source);
                while (m.find()) {
                    codes.add(m.group(1));
                }
                Matcher a = annotation.matcher(source);
                while (a.find()) {
                    codes.add(a.group(1) != null ? a.group(1) : a.group(2));
                }
            }
          }
        }
        assertThat(codes).as("codes found in the domain modules").hasSizeGreaterThan(20);
        assertThat(codes).allMatch(zh::containsKey, "has a message");
    }

    @Test
    void templatesHaveNoHardCodedText() throws IOException {
        Pattern token = Pattern.compile("<!--.*?-->|<(?:[^>\"']|\"[^\"]*\"|'[^']*')*>|[^<]+",
                Pattern.DOTALL);
        List<String> hardCoded = new ArrayList<>();
        for (Path template : templates()) {
            Deque<String> open = new ArrayDeque<>();
            Matcher m = token.matcher(Files.readString(template));
            while (m.find()) {
                String t = m.group();
                if (t.startsWith("<!--") || t.startsWith("<!") || t.startsWith("<?")) {
                    continue;
                }
                if (t.startsWith("</")) {
                    if (!open.isEmpty()) {
                        open.pop();
                    }
                }
                else if (t.startsWith("<")) {
                    if (!t.endsWith("/>") && !isVoid(t)) {
                        open.push(t);
                    }
                }
                else if (t.codePoints().anyMatch(Character::isLetter) && !open.isEmpty()
                        && !replacedByThymeleaf(open.peek()) && !open.peek().startsWith("<title")
                        && !open.peek().startsWith("<style") && !open.peek().startsWith("<script")) {
                    hardCoded.add(TEMPLATES.relativize(template) + ": '" + t.strip() + "' in " + open.peek());
                }
            }
        }
        assertThat(hardCoded).isEmpty();
    }

    private static boolean replacedByThymeleaf(String tag) {
        return tag.contains("th:text") || tag.contains("th:utext") || tag.contains("th:replace")
                || tag.contains("th:insert") || tag.contains("th:errors") || tag.contains("sec:authentication")
                || tag.contains("layout:fragment");
    }

    private static boolean isVoid(String tag) {
        return tag.matches("<(meta|link|input|br|img|hr)\\b.*");
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            List<Path> list = files.filter(f -> f.toString().endsWith(".html")).toList();
            assertThat(list).hasSizeGreaterThan(10);
            return list;
        }
    }
}
