package org.gridgov.web.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCodeUnitAccess;
import com.tngtech.archunit.core.domain.properties.CanBeAnnotated;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.gridgov.archfixture.AuditAndReportingShortcut;
import org.gridgov.accounts.archfixture.AccountsToWeb;
import org.gridgov.archfixture.InternalShortcut;
import org.gridgov.audit.archfixture.AuditToDesk;
import org.gridgov.desk.archfixture.DeskToParty;
import org.gridgov.grid.archfixture.UpwardArrow;
import org.gridgov.party.archfixture.PartyToDesk;
import org.gridgov.web.archfixture.DemoReference;
import org.gridgov.reporting.archfixture.ReportingToWeb;
import org.gridgov.web.archfixture.AccountTableReader;
import org.gridgov.web.archfixture.WallClockReader;
import org.gridgov.work.archfixture.WorkToAudit;
import org.gridgov.work.archfixture.WorkToWeb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.stereotype.Controller;

/**
 * The second fence after the Maven module graph: arrows between modules, internals kept private, no JPA in controllers.
 * Each rule is checked against the production classes, shown to match real classes, and shown to fail on a violator.
 */
class ModularityTests {

    private static final String GRID = "org.gridgov.grid..";
    private static final String ACCOUNTS = "org.gridgov.accounts..";
    private static final String PARTY = "org.gridgov.party..";
    private static final String DESK = "org.gridgov.desk..";
    private static final String WORK = "org.gridgov.work..";
    private static final String WEB = "org.gridgov.web..";
    private static final String DEMO = "org.gridgov.demo..";
    private static final String JPA = "jakarta.persistence..";
    private static final String AUDIT = "org.gridgov.audit..";
    private static final String REPORTING = "org.gridgov.reporting..";

    static final ArchRule GRID_CORE_KNOWS_NO_OTHER_MODULE = noClasses().that().resideInAPackage(GRID)
            .should().dependOnClassesThat().resideInAnyPackage(ACCOUNTS, PARTY, DESK, WORK, WEB)
            .as("grid-core depends on neither accounts, party-org, service-desk, grid-work nor web");
    static final ArchRule ACCOUNTS_KNOWS_ONLY_GRID_CORE = noClasses().that().resideInAPackage(ACCOUNTS)
            .should().dependOnClassesThat().resideInAnyPackage(PARTY, DESK, WORK, WEB)
            .as("accounts depends on grid-core only, not on party-org, service-desk, grid-work or web");
    static final ArchRule PARTY_ORG_KNOWS_NEITHER_DESK_NOR_WEB = noClasses().that().resideInAPackage(PARTY)
            .should().dependOnClassesThat().resideInAnyPackage(ACCOUNTS, DESK, WORK, WEB)
            .as("party-org depends on neither accounts, service-desk, grid-work nor web");
    static final ArchRule SERVICE_DESK_KNOWS_NEITHER_PARTY_NOR_WEB = noClasses().that().resideInAPackage(DESK)
            .should().dependOnClassesThat().resideInAnyPackage(ACCOUNTS, PARTY, WORK, WEB)
            .as("service-desk depends on neither accounts, party-org, grid-work nor web");
    static final ArchRule GRID_WORK_KNOWS_NO_WEB = noClasses().that().resideInAPackage(WORK)
            .should().dependOnClassesThat().resideInAnyPackage(ACCOUNTS, WEB)
            .as("grid-work depends on neither accounts nor web");
    static final ArchRule GRID_INTERNALS_STAY_INSIDE = internalsStayInside("org.gridgov.grid");
    static final ArchRule ACCOUNTS_INTERNALS_STAY_INSIDE = internalsStayInside("org.gridgov.accounts");
    static final ArchRule PARTY_INTERNALS_STAY_INSIDE = internalsStayInside("org.gridgov.party");
    static final ArchRule DESK_INTERNALS_STAY_INSIDE = internalsStayInside("org.gridgov.desk");
    static final ArchRule WORK_INTERNALS_STAY_INSIDE = internalsStayInside("org.gridgov.work");
    /** The run command's extras come in through Boot's extension points, never through a reference. */
    static final ArchRule NOTHING_REFERENCES_THE_DEMO = noClasses().that().resideOutsideOfPackage(DEMO)
            .should().dependOnClassesThat().resideInAPackage(DEMO)
            .as("no class outside org.gridgov.demo depends on the demo module");
    /** The domain modules mark what is audited (@Audited in grid-core); the audit module knows none of them. */
    static final ArchRule AUDIT_KNOWS_NO_DOMAIN_MODULE = noClasses().that().resideInAPackage(AUDIT)
            .should().dependOnClassesThat().resideInAnyPackage(PARTY, DESK, WORK, REPORTING, WEB)
            .as("audit depends on neither party-org, service-desk, grid-work, reporting nor web");
    static final ArchRule DOMAIN_MODULES_KNOW_NEITHER_AUDIT_NOR_REPORTING = noClasses()
            .that().resideInAnyPackage(GRID, PARTY, DESK, WORK)
            .should().dependOnClassesThat().resideInAnyPackage(AUDIT, REPORTING)
            .as("grid-core, party-org, service-desk and grid-work depend on neither audit nor reporting");
    static final ArchRule REPORTING_KNOWS_NEITHER_WORK_NOR_WEB = noClasses().that().resideInAPackage(REPORTING)
            .should().dependOnClassesThat().resideInAnyPackage(WORK, WEB)
            .as("reporting depends on neither grid-work nor web");
    static final ArchRule AUDIT_INTERNALS_STAY_INSIDE = internalsStayInside("org.gridgov.audit");
    static final ArchRule REPORTING_INTERNALS_STAY_INSIDE = internalsStayInside("org.gridgov.reporting");
    static final ArchRule CONTROLLERS_SEE_NO_JPA = noClasses().that(webControllers())
            .should().dependOnClassesThat().resideInAPackage(JPA)
            .as("web controllers do not depend on jakarta.persistence");

    /**
     * The tables the accounts module owns. Its services are the only classes whose SQL names them, apart from the
     * readers listed in {@link #ACCOUNT_TABLE_READERS}.
     */
    static final List<String> ACCOUNT_TABLES = List.of("app.user_account", "app.role_permission", "app.api_token",
            "app.user_totp", "app.account_request");
    /**
     * Classes outside accounts that still read {@code app.user_account} by SQL (a worker's name and unit, who asked
     * for a report) or load it in bulk (the demo county); none of them touches the other account tables. Each is
     * to go through the accounts API when its own module moves.
     */
    static final Set<String> ACCOUNT_TABLE_READERS = Set.of("org.gridgov.work.internal.People",
            "org.gridgov.reporting.internal.ReportJobs", "org.gridgov.demo.DemoCountyGenerator",
            "org.gridgov.web.security.DemoPasswordGuard", "org.gridgov.demo.DemoVisits", "org.gridgov.demo.DemoCases");
    static final ArchRule ACCOUNT_TABLES_STAY_IN_ACCOUNTS = classes().that(outsideAccountsAndNotAKnownReader())
            .should(nameNoAccountTable())
            .as("only the accounts module touches the account tables " + ACCOUNT_TABLES);

    /** The one source of time (平台时间): the application's clock and gridgov.time-zone, turned into PlatformTime. */
    static final Set<String> TIME_SOURCE = Set.of("org.gridgov.grid.PlatformTime",
            "org.gridgov.grid.internal.PlatformTimeConfiguration");
    static final ArchRule TIME_COMES_FROM_PLATFORM_TIME = classes().that(outsideTheTimeSource())
            .should(readNeitherTheSystemClockNorAZone())
            .as("main code takes the time and the zone from PlatformTime: no now(), Clock.system*, ZoneId.of/"
                    + "systemDefault, TimeZone, new Date() or System.currentTimeMillis() elsewhere");

    /** Our module jars (a {@code -pl web-app} build takes them from the local repository), not grid-core's test-jar. */
    private static final Pattern OUR_JARS = Pattern.compile(
            ".*/(grid-core|accounts|party-org|service-desk|grid-work|audit|reporting|demo)-[^/]*\\.jar!/.*");
    private static final Pattern TEST_JARS = Pattern.compile(".*-tests\\.jar!/.*");
    private static final ImportOption OUR_JARS_ONLY =
            location -> !location.isJar() || (location.matches(OUR_JARS) && !location.matches(TEST_JARS));

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(OUR_JARS_ONLY)
            .importPackages("org.gridgov");

    /** Test classes included: the violators live in web-app's test sources. */
    private static final JavaClasses FIXTURES = new ClassFileImporter().importPackages("org.gridgov.archfixture",
            "org.gridgov.accounts.archfixture",
            "org.gridgov.grid.archfixture", "org.gridgov.party.archfixture", "org.gridgov.desk.archfixture",
            "org.gridgov.work.archfixture", "org.gridgov.web.archfixture", "org.gridgov.audit.archfixture",
            "org.gridgov.reporting.archfixture");

    static Stream<Arguments> rulesAndTheirViolators() {
        return Stream.of(
                Arguments.of(GRID_CORE_KNOWS_NO_OTHER_MODULE, UpwardArrow.class.getName()),
                Arguments.of(ACCOUNTS_KNOWS_ONLY_GRID_CORE, AccountsToWeb.class.getName()),
                Arguments.of(PARTY_ORG_KNOWS_NEITHER_DESK_NOR_WEB, PartyToDesk.class.getName()),
                Arguments.of(SERVICE_DESK_KNOWS_NEITHER_PARTY_NOR_WEB, DeskToParty.class.getName()),
                Arguments.of(GRID_WORK_KNOWS_NO_WEB, WorkToWeb.class.getName()),
                Arguments.of(GRID_INTERNALS_STAY_INSIDE, InternalShortcut.class.getName()),
                Arguments.of(ACCOUNTS_INTERNALS_STAY_INSIDE, InternalShortcut.class.getName()),
                Arguments.of(ACCOUNT_TABLES_STAY_IN_ACCOUNTS, AccountTableReader.class.getName()),
                Arguments.of(PARTY_INTERNALS_STAY_INSIDE, InternalShortcut.class.getName()),
                Arguments.of(DESK_INTERNALS_STAY_INSIDE, InternalShortcut.class.getName()),
                Arguments.of(WORK_INTERNALS_STAY_INSIDE, InternalShortcut.class.getName()),
                Arguments.of(NOTHING_REFERENCES_THE_DEMO, DemoReference.class.getName()),
                // package-private, so named by string
                Arguments.of(CONTROLLERS_SEE_NO_JPA, "org.gridgov.web.archfixture.EntityLeakingController"),
                Arguments.of(TIME_COMES_FROM_PLATFORM_TIME, WallClockReader.class.getName()),
                Arguments.of(AUDIT_KNOWS_NO_DOMAIN_MODULE, AuditToDesk.class.getName()),
                Arguments.of(DOMAIN_MODULES_KNOW_NEITHER_AUDIT_NOR_REPORTING, WorkToAudit.class.getName()),
                Arguments.of(REPORTING_KNOWS_NEITHER_WORK_NOR_WEB, ReportingToWeb.class.getName()),
                Arguments.of(AUDIT_INTERNALS_STAY_INSIDE, AuditAndReportingShortcut.class.getName()),
                Arguments.of(REPORTING_INTERNALS_STAY_INSIDE, AuditAndReportingShortcut.class.getName()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rulesAndTheirViolators")
    void productionClassesKeepTheRule(ArchRule rule, String violator) {
        rule.check(PRODUCTION);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rulesAndTheirViolators")
    void ruleReportsItsDeliberateViolator(ArchRule rule, String violator) {
        EvaluationResult result = rule.evaluate(FIXTURES);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anyMatch(line -> line.contains("<" + violator));
    }

    @Test
    void everyPackageTheRulesNameHoldsProductionClasses() {
        for (String pkg : List.of(GRID, ACCOUNTS, PARTY, DESK, WEB, "org.gridgov.grid.internal..",
                "org.gridgov.accounts.internal..", "org.gridgov.party.internal..",
                "org.gridgov.desk.internal..", "org.gridgov.work..", "org.gridgov.work.internal..", DEMO)) {
            assertThat(PRODUCTION.that(JavaClass.Predicates.resideInAPackage(pkg))).as(pkg).isNotEmpty();
        }
        assertThat(PRODUCTION.that(webControllers())).as("web controllers").isNotEmpty();
        // the JPA the controllers must not see is really there, on the entities behind grid-core's API
        assertThat(PRODUCTION.that(describe("JPA entities", c -> c.isAnnotatedWith("jakarta.persistence.Entity"))))
                .as("JPA entities").isNotEmpty();
    }

    @Test
    void theAuditAndReportingRulesMatchProductionClasses() {
        for (String pkg : List.of(AUDIT, REPORTING, "org.gridgov.audit.internal..",
                "org.gridgov.reporting.internal..")) {
            assertThat(PRODUCTION.that(JavaClass.Predicates.resideInAPackage(pkg))).as(pkg).isNotEmpty();
        }
        // what the audit module matches instead of naming other modules' methods: the mark on their operations
        assertThat(PRODUCTION.stream().flatMap(c -> c.getMethods().stream())
                .filter(m -> m.isAnnotatedWith(org.gridgov.grid.Audited.class))
                .map(m -> m.getOwner().getSimpleName() + "#" + m.getName()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("Cases#act", "Cases#report", "Residents#create", "Residents#update",
                        "Residents#unmask", "ResidentLookups#lookUp", "Cases#reporterPhoneForCallback", "Warnings#issue",
                        "Departments#create",
                        "Departments#update");
    }

    @Test
    void theAccountTableRuleSeesTheAccountsServicesAndEveryListedReader() {
        Set<String> naming = PRODUCTION.stream().filter(c -> !namedTables(c).isEmpty()).map(JavaClass::getName)
                .collect(Collectors.toSet());
        // the detector finds the real owners: the accounts services that keep users, grants, tokens and factors
        assertThat(naming).contains("org.gridgov.accounts.internal.AccountDirectoryService",
                "org.gridgov.accounts.internal.RolePermissionService",
                "org.gridgov.accounts.internal.ApiTokenService", "org.gridgov.accounts.internal.TotpFactorService",
                "org.gridgov.accounts.internal.LoginAttemptService",
                "org.gridgov.accounts.internal.PasswordChangeService",
                "org.gridgov.accounts.internal.AccountAdministrationService",
                "org.gridgov.accounts.internal.AccountRequestService", "org.gridgov.accounts.internal.AccountChanges");
        // each exception is still needed, and reads nothing but the user table
        for (String reader : ACCOUNT_TABLE_READERS) {
            assertThat(PRODUCTION.contain(reader)).as(reader).isTrue();
            assertThat(namedTables(PRODUCTION.get(reader))).as(reader).containsExactly("app.user_account");
        }
        assertThat(PRODUCTION.that(outsideAccountsAndNotAKnownReader()).size()).as("classes the rule checks")
                .isGreaterThan(100);
    }

    @Test
    void theTimeRuleMatchesClassesAndSeesTheOneAllowedReadingOfTheClock() {
        assertThat(PRODUCTION.that(outsideTheTimeSource()).size()).as("classes the time rule checks")
                .isGreaterThan(100);
        for (String source : TIME_SOURCE) {
            assertThat(PRODUCTION.contain(source)).as(source).isTrue();
        }
        // the detector finds the real readings: the configuration's Clock.systemUTC() and ZoneId.of(...)
        assertThat(PRODUCTION.stream().flatMap(c -> c.getCodeUnitAccessesFromSelf().stream())
                .filter(ModularityTests::readsTheClockOrNamesAZone)
                .map(access -> access.getOriginOwner().getName())
                .collect(Collectors.toSet())).containsExactly("org.gridgov.grid.internal.PlatformTimeConfiguration");
    }

    @Test
    void theTimeRuleReportsEveryWayTheViolatorReadsTheClockButNotADuration() {
        List<String> details = TIME_COMES_FROM_PLATFORM_TIME.evaluate(FIXTURES).getFailureReport().getDetails();
        assertThat(details).anyMatch(line -> line.contains("java.time.LocalDate.now("))
                .anyMatch(line -> line.contains("java.time.ZoneId.of("))
                .anyMatch(line -> line.contains("java.time.Instant.now()"))
                .anyMatch(line -> line.contains("java.time.YearMonth.now()"))
                .anyMatch(line -> line.contains("java.lang.System.currentTimeMillis()"))
                .anyMatch(line -> line.contains("java.time.Clock.systemUTC()"))
                .noneMatch(line -> line.contains("nanoTime"));
    }

    @Test
    void productionImportHoldsNoTestClasses() {
        assertThat(PRODUCTION.that(JavaClass.Predicates.resideInAnyPackage("..archfixture..",
                "org.gridgov.testsupport.."))).isEmpty();
        assertThat(PRODUCTION.contain("org.gridgov.testsupport.HierarchyFixture")).isFalse();
        assertThat(PRODUCTION.contain(ModularityTests.class)).isFalse();
    }

    private static ArchRule internalsStayInside(String module) {
        return noClasses().that().resideOutsideOfPackage(module + "..")
                .should().dependOnClassesThat().resideInAPackage(module + ".internal..")
                .as("only " + module + " uses " + module + ".internal");
    }

    private static final Set<String> NOW_TYPES = Stream.of(Instant.class, LocalDate.class, LocalDateTime.class,
            LocalTime.class, YearMonth.class, Year.class, ZonedDateTime.class, OffsetDateTime.class, OffsetTime.class,
            MonthDay.class).map(Class::getName).collect(Collectors.toSet());

    /** A call or method reference that reads the wall clock, or picks a zone, instead of asking PlatformTime. */
    static boolean readsTheClockOrNamesAZone(JavaCodeUnitAccess<?> access) {
        String owner = access.getTargetOwner().getName();
        String name = access.getTarget().getName();
        return NOW_TYPES.contains(owner) && name.equals("now")
                || owner.equals(Clock.class.getName()) && name.startsWith("system")
                || owner.equals(ZoneId.class.getName()) && List.of("of", "ofOffset", "systemDefault").contains(name)
                || owner.equals(ZoneOffset.class.getName()) && name.startsWith("of")
                || owner.equals(TimeZone.class.getName())
                && List.of("getDefault", "setDefault", "getTimeZone").contains(name)
                || owner.equals(System.class.getName()) && name.equals("currentTimeMillis")
                || owner.equals(Calendar.class.getName()) && name.equals("getInstance")
                || owner.equals(Date.class.getName()) && name.equals("<init>")
                && access.getTarget().getRawParameterTypes().isEmpty();
    }

    private static ArchCondition<JavaClass> readNeitherTheSystemClockNorAZone() {
        return new ArchCondition<>("read neither the system clock nor a zone of their own") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                javaClass.getCodeUnitAccessesFromSelf().stream().filter(ModularityTests::readsTheClockOrNamesAZone)
                        .forEach(access -> events.add(SimpleConditionEvent.violated(access,
                                access.getDescription())));
            }
        };
    }

    /** The account tables a class's constants name (its SQL), read from the class file itself. */
    static List<String> namedTables(JavaClass javaClass) {
        if (javaClass.getSource().isEmpty()) {
            return List.of();
        }
        try (InputStream in = javaClass.getSource().get().getUri().toURL().openStream()) {
            String constants = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            return ACCOUNT_TABLES.stream().filter(table -> containsTable(constants, table)).toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** {@code app.user_account} but not {@code app.user_accounts_archive}: the name must end there. */
    private static boolean containsTable(String constants, String table) {
        for (int at = constants.indexOf(table); at >= 0; at = constants.indexOf(table, at + 1)) {
            int end = at + table.length();
            if (end == constants.length() || !(Character.isLetterOrDigit(constants.charAt(end))
                    || constants.charAt(end) == '_')) {
                return true;
            }
        }
        return false;
    }

    private static ArchCondition<JavaClass> nameNoAccountTable() {
        return new ArchCondition<>("name no account table in their SQL") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                namedTables(javaClass).forEach(table -> events.add(SimpleConditionEvent.violated(javaClass,
                        "Class <" + javaClass.getName() + "> names " + table + " in its SQL")));
            }
        };
    }

    private static DescribedPredicate<JavaClass> outsideAccountsAndNotAKnownReader() {
        return describe("are outside accounts and not a listed reader of app.user_account",
                c -> !c.getPackageName().startsWith("org.gridgov.accounts")
                        && !ACCOUNT_TABLE_READERS.contains(c.getName()));
    }

    private static DescribedPredicate<JavaClass> outsideTheTimeSource() {
        return describe("are not the time source " + TIME_SOURCE, c -> !TIME_SOURCE.contains(c.getName()));
    }

    private static DescribedPredicate<JavaClass> webControllers() {
        return JavaClass.Predicates.resideInAPackage(WEB)
                .and(CanBeAnnotated.Predicates.metaAnnotatedWith(Controller.class)).as("web controllers");
    }
}
