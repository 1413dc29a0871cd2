package org.gridgov.web.loading;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gridgov.grid.BackgroundLoad;
import org.gridgov.web.security.ErrorWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * While a {@link BackgroundLoad} (the demo county) is still writing, requests stop here, before any filter that reads
 * accounts or binds a data scope: pages get the progress page, the API 503 with {@code Retry-After}, both with status
 * 503. Static files and the health endpoint always pass; the sign-in page, sign-out and the token endpoint pass once
 * the user accounts are in. Once the load is done every request passes (one volatile read); an application without a
 * background load never stops anything. A failed load keeps answering with its failure: the server does not pretend.
 */
@Component
public class LoadingGate {

    /** Seconds a client is asked to wait; the page refreshes itself as often. */
    static final int RETRY_AFTER_SECONDS = 3;

    private final ObjectProvider<BackgroundLoad> load;
    private final ITemplateEngine templates;
    private final LocaleResolver locales;
    private final ErrorWriter errors;

    LoadingGate(ObjectProvider<BackgroundLoad> load, ITemplateEngine templates, LocaleResolver locales,
                ErrorWriter errors) {
        this.load = load;
        this.templates = templates;
        this.locales = locales;
        this.errors = errors;
    }

    /** The filter for both security chains, placed right after the security headers are written. */
    public Filter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                BackgroundLoad.Progress progress = current();
                if (progress == null || progress.status() == BackgroundLoad.Status.DONE
                        || passes(request, progress)) {
                    chain.doFilter(request, response);
                    return;
                }
                answer(request, response, progress);
            }
        };
    }

    /** Null when nothing loads in the background. */
    BackgroundLoad.Progress current() {
        BackgroundLoad background = load.getIfAvailable();
        return background == null ? null : background.progress();
    }

    static boolean passes(HttpServletRequest request, BackgroundLoad.Progress progress) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/img/")
                || path.startsWith("/webjars/") || path.equals("/favicon.ico") || path.startsWith("/actuator/health")
                || path.equals("/error")) {
            return true;
        }
        if (!progress.usersReady() || progress.failed()) {
            return false;
        }
        return path.equals("/login") || path.startsWith("/login/") || path.equals("/logout")
                || (path.equals("/api/v1/auth/token") && HttpMethod.POST.matches(request.getMethod()));
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, BackgroundLoad.Progress progress)
            throws IOException {
        if (!progress.failed()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/") || path.startsWith("/v3/api-docs")) {
            if (progress.failed()) {
                errors.write(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "load_failed",
                        "startup.api.failed", progress.failure());
            }
            else {
                errors.write(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "loading",
                        "startup.api.loading", progress.step(), progress.steps(), progress.done(), progress.total());
            }
            return;
        }
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setCharacterEncoding("UTF-8");
        Locale locale = locales.resolveLocale(request);
        WebContext context = new WebContext(JakartaServletWebApplication.buildApplication(request.getServletContext())
                .buildExchange(request, response), locale,
                Map.of("progress", progress, "refreshSeconds", RETRY_AFTER_SECONDS));
        templates.process("loading/progress", context, response.getWriter());
    }
}
