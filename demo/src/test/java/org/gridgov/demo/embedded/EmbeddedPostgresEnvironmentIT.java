package org.gridgov.demo.embedded;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The run command's embedded PostgreSQL and demo key file, without a Spring context. */
class EmbeddedPostgresEnvironmentIT {

    @TempDir
    Path dataDir;

    @AfterEach
    void stopServers() {
        EmbeddedPostgresEnvironment.stopAll();
    }

    @Test
    void startsAnEmbeddedPostgresWhoseDataSurvivesARestart() throws Exception {
        int port = freePort();

        ConfigurableEnvironment first = environment(Map.of(
                "gridgov.data-dir", dataDir.toString(), "gridgov.embedded-db.port", String.valueOf(port)));
        apply(first);
        String url = first.getProperty("spring.datasource.url");
        assertThat(url).isEqualTo("jdbc:postgresql://localhost:" + port + "/gridgov");
        assertThat(first.getProperty("spring.datasource.username")).isEqualTo("postgres");
        assertThat(Files.exists(dataDir.resolve("postgres").resolve("PG_VERSION"))).isTrue();
        try (Connection connection = connect(first);
             Statement statement = connection.createStatement()) {
            statement.execute("create table kept (name text primary key)");
            statement.execute("insert into kept values ('网格 survives')");
        }

        EmbeddedPostgresEnvironment.stopAll();
        assertThatThrownBy(() -> connect(first).close()).isInstanceOf(SQLException.class);

        ConfigurableEnvironment second = environment(Map.of(
                "gridgov.data-dir", dataDir.toString(), "gridgov.embedded-db.port", String.valueOf(port)));
        apply(second);
        assertThat(second.getProperty("spring.datasource.url")).isEqualTo(url);
        try (Connection connection = connect(second);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select name from kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("网格 survives");
            assertThat(rows.next()).isFalse();
        }
    }

    @Test
    void leavesAConfiguredDataSourceAlone() {
        ConfigurableEnvironment environment = environment(Map.of(
                "gridgov.data-dir", dataDir.toString(),
                "spring.datasource.url", "jdbc:postgresql://db.example:5432/gridgov"));
        apply(environment);
        assertThat(environment.getProperty("spring.datasource.url"))
                .isEqualTo("jdbc:postgresql://db.example:5432/gridgov");
        assertThat(environment.getPropertySources().contains(EmbeddedPostgresEnvironment.DATASOURCE_PROPERTY_SOURCE))
                .isFalse();
        assertThat(Files.exists(dataDir.resolve("postgres"))).isFalse();
    }

    @Test
    void canBeSwitchedOff() {
        ConfigurableEnvironment environment = environment(Map.of(
                "gridgov.data-dir", dataDir.toString(), "gridgov.embedded-db.enabled", "false"));
        apply(environment);
        assertThat(environment.getProperty("spring.datasource.url")).isNull();
        assertThat(Files.exists(dataDir.resolve("postgres"))).isFalse();
    }

    @Test
    void demoModeWithoutKeysKeepsGeneratedKeysInTheDataFolder() {
        ConfigurableEnvironment environment = environment(Map.of(
                "gridgov.data-dir", dataDir.toString(), "gridgov.demo", "county",
                "spring.datasource.url", "jdbc:postgresql://db.example:5432/gridgov"));
        apply(environment);
        assertThat(environment.getProperty("gridgov.crypto.key-file"))
                .isEqualTo(dataDir.resolve("crypto-keys.properties").toString());
        assertThat(environment.getProperty("gridgov.crypto.generate-missing")).isEqualTo("true");
    }

    @Test
    void setsNoKeysOutsideDemoModeOrWhenKeysAreConfigured() {
        ConfigurableEnvironment plain = environment(Map.of(
                "gridgov.data-dir", dataDir.toString(), "gridgov.demo", "",
                "spring.datasource.url", "jdbc:postgresql://db.example:5432/gridgov"));
        apply(plain);
        assertThat(plain.getProperty("gridgov.crypto.key-file")).isNull();
        assertThat(plain.getProperty("gridgov.crypto.generate-missing")).isNull();

        ConfigurableEnvironment withKeys = environment(Map.of(
                "gridgov.data-dir", dataDir.toString(), "gridgov.demo", "small",
                "gridgov.crypto.key", "AAAAAAAAAAAAAAAAAAAAAA==",
                "gridgov.crypto.hash-key", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
                "spring.datasource.url", "jdbc:postgresql://db.example:5432/gridgov"));
        apply(withKeys);
        assertThat(withKeys.getProperty("gridgov.crypto.key-file")).isNull();
        assertThat(withKeys.getProperty("gridgov.crypto.generate-missing")).isNull();
    }

    /** A fresh environment holding only the given properties (no OS environment, no system properties). */
    private static ConfigurableEnvironment environment(Map<String, String> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("test", new HashMap<>(properties)));
        return environment;
    }

    private static void apply(ConfigurableEnvironment environment) {
        new EmbeddedPostgresEnvironment(Supplier::get).postProcessEnvironment(environment, new SpringApplication());
        EmbeddedPostgresEnvironment.awaitAll(); // the server starts in the background, as in the application
    }

    private static Connection connect(ConfigurableEnvironment environment) throws SQLException {
        return DriverManager.getConnection(environment.getProperty("spring.datasource.url"),
                environment.getProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
