package org.gridgov.web.security;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.gridgov.web.support.BodyTooLargeException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A cap on request bodies before anything parses them (the first filter of all, ahead of security and CSRF): a body
 * announced larger than the cap is answered 413 at once — the JSON error shape under {@code /api/}, the error page
 * elsewhere — without reading it; a body of unknown length is counted as it is read and refused past the cap
 * ({@link BodyTooLargeException}, answered 413 by the API's error handler). Uploads ({@code multipart/*}) have their
 * own limits ({@code spring.servlet.multipart.*}).
 */
@Configuration(proxyBeanMethods = false)
class RequestBodyLimit {

    @Bean
    FilterRegistrationBean<BodyLimitFilter> requestBodyLimitFilter(ErrorWriter errors,
            @Value("${gridgov.http.max-body-size:512KB}") org.springframework.util.unit.DataSize maxBody) {
        FilterRegistrationBean<BodyLimitFilter> registration = new FilterRegistrationBean<>(
                new BodyLimitFilter(errors, maxBody.toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }

    static final class BodyLimitFilter extends OncePerRequestFilter {

        private final ErrorWriter errors;
        private final long limit;

        BodyLimitFilter(ErrorWriter errors, long limit) {
            this.errors = errors;
            this.limit = limit;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            String type = request.getContentType();
            return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            long length = request.getContentLengthLong();
            if (length > limit) {
                refuse(request, response);
                return;
            }
            chain.doFilter(length < 0 ? new Counted(request, limit) : request, response);
        }

        private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
            // the body is not read: tell the client not to send more on this connection
            response.setHeader("Connection", "close");
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                errors.write(request, response, HttpStatus.CONTENT_TOO_LARGE.value(), "too_large", "error.tooLarge");
            }
            else {
                errors.writePage(request, response, HttpStatus.CONTENT_TOO_LARGE.value(), "error.tooLarge");
            }
        }
    }

    /** A request whose body of unknown length stops with {@link BodyTooLargeException} past the cap. */
    static final class Counted extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream counted;

        Counted(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (counted == null) {
                counted = new CountingStream(super.getInputStream(), limit);
            }
            return counted;
        }

        @Override
        public java.io.BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), encoding));
        }
    }

    static final class CountingStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long read;

        CountingStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) throws BodyTooLargeException {
            read += n;
            if (read > limit) {
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
