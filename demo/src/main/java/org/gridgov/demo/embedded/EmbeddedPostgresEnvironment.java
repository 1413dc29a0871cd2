package org.gridgov.demo.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.logging.Log;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Defaults for the run command, applied before any bean is created:
 * <ul>
 *   <li>When no {@code spring.datasource.url} is configured (property or {@code SPRING_DATASOURCE_URL}), starts an
 *       embedded PostgreSQL whose cluster lives in {@code ${gridgov.data-dir}/postgres} and survives restarts
 *       (port {@code gridgov.embedded-db.port}, default 54329, database {@code gridgov}, user {@code postgres}), and
 *       points the DataSource at it. The server stops when the application context closes (after the DataSource),
 *       and at the latest at JVM shutdown. {@code gridgov.embedded-db.enabled=false} switches this off (tests do).</li>
 *   <li>In demo mode ({@code gridgov.demo} set) without configured keys, keeps generated keys for personal data in
 *       {@code ${gridgov.data-dir}/crypto-keys.properties}. Outside demo mode nothing is set: the application then
 *       refuses to start without keys.</li>
 * </ul>
 * Registered in {@code META-INF/spring.factories}.
 */
public class EmbeddedPostgresEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String DATASOURCE_PROPERTY_SOURCE = "gridgovEmbeddedPostgres";
    static final String CRYPTO_PROPERTY_SOURCE = "gridgovDemoCryptoKeys";
    static final int DEFAULT_PORT = 54329;
    static final String DATABASE = "gridgov";
    static final String USER = "postgres";

    private static final Duration STARTUP_WAIT = Duration.ofSeconds(90);
    private static final Duration CONTEXT_CLOSE_WAIT = Duration.ofSeconds(30);

    /** The servers this JVM started, by absolute cluster folder. Guarded by the class lock. */
    private static final Map<Path, Server> SERVERS = new LinkedHashMap<>();

    private final Log log;

    public EmbeddedPostgresEnvironment(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(EmbeddedPostgresEnvironment.class);
    }

    @Override
    public int getOrder() {
        // after the config data (application.properties, profiles) has been loaded
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Path dataDir = Path.of(environment.getProperty("gridgov.data-dir", ".gridgov-data").trim())
                .toAbsolutePath().normalize();
        applyDemoKeyFile(environment, dataDir);
        if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))
                || !environment.getProperty("gridgov.embedded-db.enabled", Boolean.class, true)) {
            return;
        }
        int port = environment.getProperty("gridgov.embedded-db.port", Integer.class, DEFAULT_PORT);
        Server server = start(dataDir.resolve("postgres"), port);
        if (application != null) {
            // the context is built while the server starts; the DataSource, the first user, waits for it
            application.addInitializers(context -> context.getBeanFactory().addBeanPostProcessor(new AwaitServer(server)));
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", server.jdbcUrl());
        properties.put("spring.datasource.username", USER);
        properties.put("spring.datasource.password", "");
        environment.getPropertySources().addFirst(new MapPropertySource(DATASOURCE_PROPERTY_SOURCE, properties));
        if (application != null) {
            application.addListeners(new StopWithContext(server));
        }
    }

    private void applyDemoKeyFile(ConfigurableEnvironment environment, Path dataDir) {
        boolean demo = StringUtils.hasText(environment.getProperty("gridgov.demo"));
        boolean keysConfigured = StringUtils.hasText(environment.getProperty("gridgov.crypto.key"))
                || StringUtils.hasText(environment.getProperty("gridgov.crypto.hash-key"))
                || StringUtils.hasText(environment.getProperty("gridgov.crypto.key-file"));
        if (!demo || keysConfigured) {
            return;
        }
        Path keyFile = dataDir.resolve("crypto-keys.properties");
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("gridgov.crypto.key-file", keyFile.toString());
        properties.put("gridgov.crypto.generate-missing", "true");
        environment.getPropertySources().addLast(new MapPropertySource(CRYPTO_PROPERTY_SOURCE, properties));
        log.info("Demo mode without configured keys: keys for personal data kept in " + keyFile);
    }

    private Server start(Path folder, int port) {
        synchronized (EmbeddedPostgresEnvironment.class) {
            Server running = SERVERS.get(folder);
            if (running != null) {
                return running;
            }
            try {
                Files.createDirectories(folder);
                stopOrphanedPostmaster(folder);
                if (answers(port)) {
                    throw new IllegalStateException("Cannot start the embedded PostgreSQL: port " + port
                            + " is in use. Set gridgov.embedded-db.port, or configure a database with "
                            + "SPRING_DATASOURCE_URL");
                }
                Server server = new Server(folder, port, startInBackground(folder, port));
                SERVERS.put(folder, server);
                Runtime.getRuntime().addShutdownHook(server.hook);
                return server;
            }
            catch (IOException ex) {
                throw new IllegalStateException("Cannot start the embedded PostgreSQL in " + folder + " on port "
                        + port + ": " + ex.getMessage(), ex);
            }
        }
    }

    /**
     * initdb (on a first start) and the server's start take seconds: they run on a thread of their own while the
     * application context is built, and the DataSource waits for them ({@link AwaitServer}).
     */
    private CompletableFuture<EmbeddedPostgres> startInBackground(Path folder, int port) {
        CompletableFuture<EmbeddedPostgres> started = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            long begin = System.nanoTime();
            try {
                boolean fresh = !Files.exists(folder.resolve("PG_VERSION"));
                EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(folder)
                        .setCleanDataDirectory(false) // keep the cluster; initdb runs only when there is none
                        .setRegisterShutdownHook(false) // stopped by StopWithContext or our own hook
                        .setPort(port)
                        .setPGStartupWait(STARTUP_WAIT)
                        .start();
                createDatabaseIfMissing(postgres);
                log.info("Embedded PostgreSQL " + (fresh ? "(new cluster) " : "") + "data in " + folder
                        + ", listening on localhost:" + port + ", database " + DATABASE + ", started in "
                        + (System.nanoTime() - begin) / 1_000_000 + " ms");
                started.complete(postgres);
            }
            catch (IOException | RuntimeException ex) {
                synchronized (EmbeddedPostgresEnvironment.class) {
                    SERVERS.values().removeIf(server -> server.starting == started); // a later start may try again
                }
                started.completeExceptionally(ex);
            }
        }, "gridgov-embedded-postgres-start");
        thread.setDaemon(true);
        thread.start();
        return started;
    }

    /** Waits until every embedded PostgreSQL this JVM started answers (tests). */
    static void awaitAll() {
        List<Server> servers;
        synchronized (EmbeddedPostgresEnvironment.class) {
            servers = List.copyOf(SERVERS.values());
        }
        servers.forEach(Server::postgres);
    }

    /** Stops every embedded PostgreSQL this JVM started (tests; the application stops them itself). */
    public static void stopAll() {
        List<Server> servers;
        synchronized (EmbeddedPostgresEnvironment.class) {
            servers = List.copyOf(SERVERS.values());
        }
        for (Server server : servers) {
            server.stop();
            try {
                Runtime.getRuntime().removeShutdownHook(server.hook);
            }
            catch (IllegalStateException ignored) {
                // the JVM is already shutting down
            }
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            boolean exists;
            try (PreparedStatement query = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
                query.setString(1, DATABASE);
                try (ResultSet rows = query.executeQuery()) {
                    exists = rows.next();
                }
            }
            if (!exists) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("create database " + DATABASE + " encoding 'UTF8'");
                }
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Cannot create database " + DATABASE + " in the embedded PostgreSQL: "
                    + ex.getMessage(), ex);
        }
    }

    /**
     * A postmaster left running on this folder by a JVM that was killed would make the start fail. The folder's lock
     * file tells whether a live process still owns it: if one does, refuse; if none does, stop the orphan.
     */
    private void stopOrphanedPostmaster(Path folder) throws IOException {
        Path pidFile = folder.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Path lockFile = folder.resolve("epg-lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            }
            catch (OverlappingFileLockException ex) {
                lock = null;
            }
            if (lock == null) {
                throw new IllegalStateException("The embedded PostgreSQL in " + folder
                        + " is in use by another running process (GridGov started twice?)");
            }
            lock.release();
        }
        Optional<ProcessHandle> postmaster = readPid(pidFile).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (postmaster.isEmpty()) {
            return; // a stale pid file: PostgreSQL handles that itself
        }
        log.warn("Stopping an orphaned embedded PostgreSQL (pid " + postmaster.get().pid() + ") on " + folder);
        postmaster.get().destroy(); // SIGTERM: smart shutdown; its clients are gone with the old JVM
        try {
            postmaster.get().onExit().get(30, TimeUnit.SECONDS);
        }
        catch (Exception ex) {
            throw new IllegalStateException("An orphaned PostgreSQL (pid " + postmaster.get().pid() + ") still runs on "
                    + folder + "; stop it and start again", ex);
        }
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        }
        catch (IOException | NumberFormatException ex) {
            return Optional.empty();
        }
    }

    private static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 300);
            return true;
        }
        catch (IOException ex) {
            return false;
        }
    }

    /** One running server and the application contexts using it. */
    private static final class Server {

        private final Path folder;
        private final int port;
        private final CompletableFuture<EmbeddedPostgres> starting;
        private final Thread hook;
        private int contexts; // guarded by this

        Server(Path folder, int port, CompletableFuture<EmbeddedPostgres> starting) {
            this.folder = folder;
            this.port = port;
            this.starting = starting;
            this.hook = new Thread(this::stopAtJvmShutdown, "gridgov-embedded-postgres-stop");
        }

        String jdbcUrl() {
            return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
        }

        /** The running server, once started; a failed start is thrown here, to the DataSource's creation. */
        EmbeddedPostgres postgres() {
            try {
                return starting.join();
            }
            catch (java.util.concurrent.CompletionException ex) {
                throw new IllegalStateException("Cannot start the embedded PostgreSQL in " + folder + " on port "
                        + port + ": " + ex.getCause().getMessage(), ex.getCause());
            }
        }

        synchronized void attach() {
            contexts++;
        }

        /** Returns whether no context uses the server any more. */
        synchronized boolean detach() {
            contexts--;
            notifyAll();
            return contexts <= 0;
        }

        /** Lets the application contexts close first (they stop the server after their DataSource is gone). */
        private void stopAtJvmShutdown() {
            long deadline = System.nanoTime() + CONTEXT_CLOSE_WAIT.toNanos();
            synchronized (this) {
                while (contexts > 0 && System.nanoTime() < deadline) {
                    try {
                        wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                    }
                    catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            }
            stop();
        }

        void stop() {
            synchronized (EmbeddedPostgresEnvironment.class) {
                SERVERS.remove(folder, this);
            }
            EmbeddedPostgres postgres;
            try {
                postgres = starting.join(); // a start still under way is let finish, then stopped
            }
            catch (java.util.concurrent.CompletionException ex) {
                return; // never started
            }
            try {
                postgres.close(); // pg_ctl stop -m fast; does nothing the second time
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }

    /** Holds the DataSource's creation until the server answers: nothing reaches the database before it. */
    private record AwaitServer(Server server) implements BeanPostProcessor {

        @Override
        public Object postProcessBeforeInitialization(Object bean, String beanName) {
            if (bean instanceof javax.sql.DataSource) {
                server.postgres();
            }
            return bean;
        }
    }

    /**
     * Stops the server when the application context closes. Registered as the context's first disposable bean, it
     * is destroyed last, after the DataSource and everything else that uses the database.
     */
    private static final class StopWithContext implements ApplicationListener<ApplicationPreparedEvent> {

        private final Server server;

        StopWithContext(Server server) {
            this.server = server;
        }

        @Override
        public void onApplicationEvent(ApplicationPreparedEvent event) {
            ConfigurableListableBeanFactory beanFactory = event.getApplicationContext().getBeanFactory();
            if (beanFactory instanceof DefaultSingletonBeanRegistry registry) {
                server.attach();
                registry.registerDisposableBean("gridgovEmbeddedPostgresStopper", () -> {
                    if (server.detach()) {
                        server.stop();
                    }
                });
            }
        }
    }
}
