package org.gridgov.web.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.tngtech.archunit.core.importer.ImportOption;
import org.gridgov.GridGovApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

/**
 * Spring Modulith's view of the house, beside the ArchUnit rules of {@link ModularityTests}: every top-level package
 * under {@code org.gridgov} is a module whose root package is its API; verify() refuses cycles between modules and
 * any use of another module's sub-packages. The module diagram in {@code docs/architecture/} is written by the
 * Documenter and checked here, so it cannot drift from the code.
 */
class ModulithTests {

    /** Where the committed diagram lives, from web-app's folder (Maven runs tests there). */
    private static final Path COMMITTED = Path.of("..", "docs", "architecture");
    private static final Path GENERATED = Path.of("target", "modulith-docs");

    /** Main classes only: neither test classes nor grid-core's test-jar (its test support is no module). */
    private static final ImportOption MAIN_CLASSES = location -> !location.contains("/test-classes/")
            && !location.matches(Pattern.compile(".*-tests\\.jar!/.*"));

    private static final ApplicationModules MODULES = ApplicationModules.of(GridGovApplication.class, MAIN_CLASSES);

    @Test
    void modulesDependOnEachOthersApiWithoutCycles() {
        MODULES.verify();
    }

    @Test
    void theModulesAreTheMavenModulesPackages() {
        Set<String> names = MODULES.stream().map(ApplicationModule::getBasePackage)
                .map(p -> p.getName()).collect(Collectors.toSet());
        assertThat(names).contains("org.gridgov.grid", "org.gridgov.desk", "org.gridgov.party", "org.gridgov.work",
                "org.gridgov.web");
        assertThat(names).noneMatch(name -> name.contains("testsupport") || name.contains("archfixture"));
        assertThat(MODULES.stream().mapToLong(m -> m.getBasePackage().stream().count()).sum()).isGreaterThan(300);
    }

    @Test
    void verifyReportsThePlantedViolators() {
        // the production classes plus the archfixture violators from the test sources: a cycle between party-org
        // and service-desk (PartyToDesk, DeskToParty) and a shortcut into another module's internal package
        ImportOption productionAndViolators = location -> MAIN_CLASSES.includes(location)
                || location.contains("/archfixture/");
        Violations violations = ApplicationModules.of(GridGovApplication.class, productionAndViolators)
                .detectViolations();
        assertThat(violations.hasViolations()).isTrue();
        String report = violations.getMessage();
        assertThat(report).contains("Cycle detected").contains("PartyToDesk").contains("DeskToParty");
        assertThat(report).contains("InternalShortcut");
    }

    @Test
    void theCommittedModuleDiagramIsTheCodes() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(GENERATED.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        List<Path> generated = diagrams(GENERATED);
        assertThat(generated).isNotEmpty();
        if (Boolean.getBoolean("gridgov.docs.write")) {
            Files.createDirectories(COMMITTED);
            for (Path file : diagrams(COMMITTED)) {
                Files.delete(file);
            }
            for (Path file : generated) {
                Files.copy(file, COMMITTED.resolve(file.getFileName()));
            }
        }
        assertThat(diagrams(COMMITTED).stream().map(p -> p.getFileName().toString()))
                .as("diagrams in docs/architecture (rewrite them with -Dgridgov.docs.write=true)")
                .containsExactlyInAnyOrderElementsOf(generated.stream().map(p -> p.getFileName().toString()).toList());
        // the Documenter writes the relations in no fixed order: compare the lines, not their order
        for (Path file : generated) {
            assertThat(sortedLines(COMMITTED.resolve(file.getFileName())))
                    .as("docs/architecture/%s is stale: rewrite it with -Dgridgov.docs.write=true", file.getFileName())
                    .isEqualTo(sortedLines(file));
        }
    }

    private static List<String> sortedLines(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(String::strip).sorted().toList();
    }

    private static List<Path> diagrams(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".puml")).sorted().toList();
        }
    }
}
