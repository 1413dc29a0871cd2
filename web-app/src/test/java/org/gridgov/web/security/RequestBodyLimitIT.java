package org.gridgov.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.gridgov.GridGovApplication;
import org.gridgov.testsupport.PostgresTestConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Bodies that could sink the server: 20 parallel anonymous 20 MB JSON bodies to the token endpoint and 20 MB form
 * posts to the sign-in page are all answered 413 (the JSON error shape, the error page), a body of unknown length
 * (chunked) is cut off at the cap, and ordinary requests keep answering meanwhile. Over real HTTP (Tomcat), since the
 * cap sits in front of everything that parses a body.
 */
@SpringBootTest(classes = GridGovApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"gridgov.demo=small", "gridgov.security.rate-limit.login-per-ip=100000",
                "gridgov.security.rate-limit.login-per-user=100000"})
@Import(PostgresTestConfiguration.class)
class RequestBodyLimitIT {

    private static final int MB = 1024 * 1024;

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void aParallelBurstOfHugeBodiesIsRefusedWith413AndOrdinaryRequestsKeepAnswering() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<String[]>> big = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                boolean api = i % 2 == 0;
                // 20 MB announced, as an attacker sends it: the first part of the body goes out with the headers
                big.add(pool.submit(() -> rawPost(api ? "/api/v1/auth/token" : "/login",
                        api ? "application/json" : "application/x-www-form-urlencoded", 20L * MB)));
            }
            // meanwhile an ordinary sign-in answers
            assertThat(token("{\"username\":\"street1\",\"password\":\"gridgov-demo\"}").statusCode()).isEqualTo(200);
            for (int i = 0; i < big.size(); i++) {
                String[] response = big.get(i).get();
                assertThat(response[0]).as("burst request " + i).isEqualTo("413");
                assertThat(response[1]).doesNotContain("Exception");
                if (i % 2 == 0) {
                    assertThat(response[1]).contains("\"error\":\"too_large\"");
                }
                else {
                    assertThat(response[1]).contains("<!DOCTYPE html>");
                }
            }
        }
        finally {
            pool.shutdownNow();
        }
        assertThat(token("{\"username\":\"street1\",\"password\":\"gridgov-demo\"}").statusCode()).isEqualTo(200);
    }

    /** A POST announcing {@code declared} bytes, of which the first 256 KB are sent; the status and the body read. */
    private String[] rawPost(String path, String contentType, long declared) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: " + contentType
                    + "\r\nContent-Length: " + declared + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] filler = new byte[256 * 1024];
            Arrays.fill(filler, (byte) 'a');
            try {
                out.write(filler);
                out.flush();
            }
            catch (IOException closedEarly) {
                // the server answered and closed before taking the rest: what it said is still to be read
            }
            // the whole answer, then the server waits for the rest of the announced body (or closes): stop reading
            // once nothing more arrives for a moment
            java.io.InputStream in = socket.getInputStream();
            java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    received.write(buffer, 0, n);
                    socket.setSoTimeout(1500);
                }
            }
            catch (java.net.SocketTimeoutException quiet) {
                // the answer is complete
            }
            String response = received.toString(StandardCharsets.UTF_8);
            String status = response.length() > 12 ? response.substring(9, 12) : "";
            return new String[] {status, response};
        }
    }

    @Test
    void aBodyOfUnknownLengthIsCutOffAtTheCap() throws Exception {
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) ' ');
        List<byte[]> chunks = new ArrayList<>();
        chunks.add("{\"username\":\"".getBytes());
        for (int i = 0; i < 32; i++) {
            chunks.add(chunk); // 2 MB in all, sent chunked: no Content-Length to refuse up front
        }
        chunks.add("\"}".getBytes());
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/auth/token"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArrays(chunks)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("\"error\":\"too_large\"");
    }

    private HttpResponse<String> token(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/api/v1/auth/token")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
