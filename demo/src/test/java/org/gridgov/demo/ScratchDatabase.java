package org.gridgov.demo;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.gridgov.testsupport.TestDatabase;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A database of its own, on the server of this JVM's {@link TestDatabase}, migrated with Flyway and dropped again by
 * {@link #close()} (or at JVM exit). The demo tests do not load into the shared per-JVM database: it would leave
 * demo accounts behind for the Spring contexts of other tests, whose start would then be refused outside demo mode.
 */
final class ScratchDatabase implements AutoCloseable {

    private final TestDatabase server;
    private final String name;
    private final String url;
    private final PGSimpleDataSource dataSource;
    private final Thread dropAtExit;

    private ScratchDatabase(TestDatabase server, String name, String url) {
        this.server = server;
        this.name = name;
        this.url = url;
        this.dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        dataSource.setUser(server.username());
        dataSource.setPassword(server.password());
        this.dropAtExit = new Thread(this::drop);
        Runtime.getRuntime().addShutdownHook(dropAtExit);
    }

    /** Creates a fresh database and runs the migrations of db-migrations on it. */
    static ScratchDatabase createMigrated(String prefix) {
        TestDatabase server = TestDatabase.get();
        String name = prefix + "_" + HexFormat.of().formatHex(SecureRandom.getSeed(5));
        try (Connection connection = DriverManager.getConnection(server.url(), server.username(), server.password());
             Statement st = connection.createStatement()) {
            st.execute("create database " + name + " encoding 'UTF8' template template0");
        }
        catch (SQLException ex) {
            throw new IllegalStateException("cannot create database " + name + ": " + ex.getMessage(), ex);
        }
        String base = server.url();
        int slash = base.lastIndexOf('/');
        int query = base.indexOf('?', slash);
        String url = base.substring(0, slash + 1) + name + (query > 0 ? base.substring(query) : "");
        ScratchDatabase db = new ScratchDatabase(server, name, url);
        Flyway.configure().dataSource(url, server.username(), server.password())
                .locations("classpath:db/migration").load().migrate();
        return db;
    }

    DataSource dataSource() {
        return dataSource;
    }

    String name() {
        return name;
    }

    String url() {
        return url;
    }

    @Override
    public void close() {
        drop();
        try {
            Runtime.getRuntime().removeShutdownHook(dropAtExit);
        }
        catch (IllegalStateException ignored) {
            // already shutting down
        }
    }

    private void drop() {
        try (Connection connection = DriverManager.getConnection(server.url(), server.username(), server.password());
             Statement st = connection.createStatement()) {
            st.execute("drop database if exists " + name + " with (force)");
        }
        catch (SQLException ex) {
            System.err.println("[gridgov-test] could not drop " + name + ": " + ex.getMessage());
        }
    }
}
