package org.gridgov.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

import org.gridgov.GridGovApplication;
import org.gridgov.testsupport.PostgresTestConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Over real HTTP (Tomcat): a forged {@code Host} header is never echoed into a redirect, the session cookie is
 * {@code SameSite=Lax}, and in the demo the API's description is open (elsewhere it is behind sign-in:
 * {@link ApiDocsBehindSignInIT}).
 */
@SpringBootTest(classes = GridGovApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"gridgov.demo=small", "gridgov.security.rate-limit.login-per-ip=100000",
                "gridgov.security.rate-limit.login-per-user=100000"})
@Import(PostgresTestConfiguration.class)
class WebHardeningIT {

    @LocalServerPort
    int port;

    @Test
    void aForgedHostIsNotEchoedIntoTheRedirectToTheSignInPage() throws IOException {
        String response = get("/cases", "evil.example");
        assertThat(response).startsWith("HTTP/1.1 302");
        String location = header(response, "Location");
        assertThat(location).isEqualTo("/login").doesNotContain("evil.example");
        assertThat(get("/", "evil.example")).doesNotContain("evil.example");
    }

    @Test
    void theSessionCookieIsSameSiteLaxAndHttpOnly() throws IOException {
        String cookie = header(get("/login", "127.0.0.1:" + port), "Set-Cookie");
        assertThat(cookie).contains("JSESSIONID=", "HttpOnly", "SameSite=Lax");
    }

    @Test
    void theApiDescriptionIsOpenInTheDemo() throws IOException {
        assertThat(get("/v3/api-docs", "127.0.0.1:" + port)).startsWith("HTTP/1.1 200");
    }

    private String get(String path, String host) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    received.write(buffer, 0, n);
                }
            }
            catch (SocketTimeoutException slow) {
                // what arrived is what we look at
            }
            return received.toString(StandardCharsets.UTF_8);
        }
    }

    private static String header(String response, String name) {
        for (String line : response.split("\r\n")) {
            if (line.isEmpty()) {
                break;
            }
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return line.substring(name.length() + 1).strip();
            }
        }
        return "";
    }
}
