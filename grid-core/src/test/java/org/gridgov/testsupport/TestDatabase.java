package org.gridgov.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL every integration test runs on, chosen once per test JVM:
 * <ol>
 *   <li>the server named by {@code GRIDGOV_TEST_JDBC_URL} (user/password from {@code GRIDGOV_TEST_DB_USER},
 *       {@code GRIDGOV_TEST_DB_PASSWORD}, default postgres/postgres);</li>
 *   <li>a server answering on 127.0.0.1:5432 (user postgres);</li>
 *   <li>a Testcontainers PostgreSQL where a Docker engine is available;</li>
 *   <li>an embedded PostgreSQL started by this JVM.</li>
 * </ol>
 * On a shared server (1, 2) the JVM works in a fresh database it creates and drops at exit.
 */
public final class TestDatabase {

    private static volatile TestDatabase instance;

    private final String url;
    private final String username;
    private final String password;
    private final String origin;

    private TestDatabase(String url, String username, String password, String origin) {
        this.url = url;
        this.username = username;
        this.password = password;
        this.origin = origin;
    }

    public static TestDatabase get() {
        if (instance == null) {
            synchronized (TestDatabase.class) {
                if (instance == null) {
                    instance = start();
                    System.out.println("[gridgov-test] PostgreSQL for this JVM: " + instance.origin);
                }
            }
        }
        return instance;
    }

    public String url() {
        return url;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    public String origin() {
        return origin;
    }

    /**
     * Another fresh database on this JVM's server, dropped at exit: for a test whose load or data would disturb the
     * tests that share the JVM's database (a load test filing thousands of cases, say).
     */
    public TestDatabase isolated() {
        int slash = url.lastIndexOf('/');
        int query = url.indexOf('?', slash);
        String adminUrl = url.substring(0, slash + 1) + "postgres" + (query > 0 ? url.substring(query) : "");
        return freshDatabaseOn(adminUrl, username, password, origin + ", isolated");
    }

    private static TestDatabase start() {
        String envUrl = System.getenv("GRIDGOV_TEST_JDBC_URL");
        if (envUrl != null && !envUrl.isBlank()) {
            return freshDatabaseOn(envUrl, env("GRIDGOV_TEST_DB_USER", "postgres"),
                    env("GRIDGOV_TEST_DB_PASSWORD", "postgres"), "GRIDGOV_TEST_JDBC_URL");
        }
        if (answers("127.0.0.1", 5432)) {
            try {
                return freshDatabaseOn("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "postgres",
                        "local server 127.0.0.1:5432");
            }
            catch (IllegalStateException ex) {
                System.out.println("[gridgov-test] local server refused: " + ex.getMessage());
            }
        }
        if (dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return new TestDatabase(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                    "Testcontainers " + container.getDockerImageName());
        }
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                }
                catch (IOException ignored) {
                    // the JVM is going away; the temporary cluster goes with it
                }
            }));
            return new TestDatabase(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "postgres",
                    "embedded PostgreSQL on port " + embedded.getPort());
        }
        catch (IOException ex) {
            throw new IllegalStateException("No PostgreSQL for tests: none configured, none on 127.0.0.1:5432, "
                    + "no Docker, and the embedded server failed to start", ex);
        }
    }

    private static TestDatabase freshDatabaseOn(String adminUrl, String user, String password, String origin) {
        String name = "gridgov_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                .toLowerCase(Locale.ROOT);
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + name + " encoding 'UTF8' template template0");
        }
        catch (SQLException ex) {
            throw new IllegalStateException("cannot create test database on " + adminUrl + ": " + ex.getMessage(), ex);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> dropDatabase(adminUrl, user, password, name)));
        int slash = adminUrl.lastIndexOf('/');
        int query = adminUrl.indexOf('?', slash);
        String url = adminUrl.substring(0, slash + 1) + name + (query > 0 ? adminUrl.substring(query) : "");
        return new TestDatabase(url, user, password, origin + ", database " + name);
    }

    private static void dropDatabase(String adminUrl, String user, String password, String name) {
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
        }
        catch (SQLException ex) {
            System.err.println("[gridgov-test] could not drop " + name + ": " + ex.getMessage());
        }
    }

    private static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        }
        catch (IOException ex) {
            return false;
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        }
        catch (RuntimeException | LinkageError ex) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
