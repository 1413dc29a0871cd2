package org.gridgov.web.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * The message bundles as the application reads them: the basenames listed in {@code spring.messages.basename}, one per
 * module, each in zh-CN (no suffix, the default) and English ({@code _en}).
 */
public final class MessageBundles {

    /** The file suffix of a language: zh-CN is the default bundle. */
    public static final String ZH = "";
    public static final String EN = "_en";

    private MessageBundles() {
    }

    /** The basenames in the order the application lists them, e.g. {@code messages/common}. */
    public static List<String> basenames() {
        String listed = read("application.properties").getProperty("spring.messages.basename");
        if (listed == null) {
            throw new IllegalStateException("spring.messages.basename is not set in application.properties");
        }
        return Arrays.stream(listed.split(",")).map(String::trim).filter(b -> !b.isEmpty()).toList();
    }

    /** One bundle in one language, e.g. {@code bundle("messages/grid", EN)}. */
    public static Properties bundle(String basename, String language) {
        return read(basename + language + ".properties");
    }

    /** Every bundle of one language in one set, as the application's message source sees them. */
    public static Properties all(String language) {
        Properties all = new Properties();
        basenames().forEach(b -> all.putAll(bundle(b, language)));
        return all;
    }

    /** Whether a file is on the class path, e.g. a bundle left over from before the split. */
    public static boolean exists(String resource) {
        return MessageBundles.class.getResource("/" + resource) != null;
    }

    private static Properties read(String resource) {
        Properties properties = new Properties();
        try (InputStream in = MessageBundles.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return properties;
    }
}
