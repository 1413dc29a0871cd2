package org.gridgov.web.security;

import jakarta.servlet.http.HttpServletResponse;

import org.gridgov.accounts.ApiTokens;
import org.gridgov.accounts.LoginAttempts;
import org.gridgov.accounts.PasswordChanges;
import org.gridgov.accounts.TotpFactors;
import org.gridgov.web.loading.LoadingGate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.HeaderWriterFilter;

/**
 * Two filter chains: the JSON API (bearer tokens or the browser session; 401/403 as JSON) and the pages (form
 * login). Both bind the user's data scope after authentication.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfig {

    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /**
     * The same headers on pages, API answers, error pages and static files: the CSP (no inline script, no framing),
     * X-Frame-Options DENY and nosniff (Spring Security's defaults, kept), and a Referrer-Policy so that addresses
     * with record ids do not leave the site.
     */
    static void headers(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                .frameOptions(frame -> frame.deny())
                .contentTypeOptions(Customizer.withDefaults())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN));
    }

    @Bean
    DaoAuthenticationProvider authenticationProvider(UserAccounts accounts, PasswordEncoder encoder,
                                                     LoginAttempts attempts, RateLimits rateLimits,
                                                     TotpFactors factors) {
        return new GuardedAuthenticationProvider(accounts, encoder, attempts, rateLimits, factors);
    }

    @Bean
    AuthenticationManager authenticationManager(DaoAuthenticationProvider provider) {
        return new ProviderManager(provider);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ApiTokens tokens, UserAccounts accounts,
                                 AuthenticationManager manager, RateLimits rateLimits, ErrorWriter errorWriter,
                                 LoadingGate loading) throws Exception {
        http.securityMatcher("/api/**")
                .authenticationManager(manager)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/token").permitAll()
                        .anyRequest().authenticated())
                .csrf(csrf -> csrf.ignoringRequestMatchers(BearerTokenFilter::hasBearer)
                        .ignoringRequestMatchers("/api/v1/auth/token"))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .headers(SecurityConfig::headers)
                // while the demo county loads: 503 with Retry-After before any account or scope is read
                .addFilterAfter(loading.filter(), HeaderWriterFilter.class)
                .addFilterBefore(new BearerTokenFilter(tokens, accounts), BasicAuthenticationFilter.class)
                .addFilterBefore(new ActiveAccountFilter(accounts), AnonymousAuthenticationFilter.class)
                // a session between the password and the second factor reaches nothing but the enrolment API
                .addFilterAfter(new SecondFactorGate(errorWriter), AuthorizationFilter.class)
                // a session that must change its password first reaches only the change endpoint and sign-out
                .addFilterAfter(new RequiredPasswordChanges(errorWriter), AuthorizationFilter.class)
                .addFilterAfter(new DataScopeBindingFilter(), AuthorizationFilter.class)
                .addFilterAfter(new IntakeRateLimitFilter(rateLimits, errorWriter), AuthorizationFilter.class)
                .addFilterAfter(new AdministratorBoundary(errorWriter), AuthorizationFilter.class)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, ex) -> errorWriter.write(request, response,
                                HttpServletResponse.SC_UNAUTHORIZED, "unauthorized", "error.unauthorized"))
                        .accessDeniedHandler((request, response, ex) -> errorWriter.write(request, response,
                                HttpServletResponse.SC_FORBIDDEN, "forbidden", "error.forbidden")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageChain(HttpSecurity http, AuthenticationManager manager, UserAccounts accounts,
                                  PasswordChanges passwords, TotpFactors factors,
                                  SecondFactorSessions secondFactor, ErrorWriter errorWriter, LoadingGate loading,
                                  org.springframework.core.env.Environment environment) throws Exception {
        // the API's description: open in the demo, behind sign-in anywhere else unless configured open
        String demo = environment.getProperty("gridgov.demo", "");
        boolean openDocs = environment.getProperty("gridgov.security.api-docs-public", Boolean.class,
                !demo.isBlank());
        String[] open = openDocs
                ? new String[] {"/login", LoginFailureHandler.REFUSED_PATH, "/css/**", "/js/**", "/img/**",
                        "/webjars/**", "/favicon.ico", "/error", "/actuator/health", "/v3/api-docs/**",
                        "/swagger-ui/**", "/swagger-ui.html"}
                : new String[] {"/login", LoginFailureHandler.REFUSED_PATH, "/css/**", "/js/**", "/img/**",
                        "/webjars/**", "/favicon.ico", "/error", "/actuator/health"};
        // to the sign-in page by a relative address: a forged Host header is never echoed into a redirect
        org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint toLogin =
                new org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint("/login");
        toLogin.setFavorRelativeUris(true);
        // the one manager, without a parent: a failed attempt must reach the provider (and the lockout count) once
        http.authenticationManager(manager)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(open).permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll()
                        .successHandler(new LoginSuccessHandler(passwords, factors, secondFactor))
                        .authenticationDetailsSource(request -> LoginDetails.of(request, "form"))
                        .failureHandler(new LoginFailureHandler()))
                // a new session id at login; the whole session ends after 30 idle minutes (server.servlet.session)
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                // POST only (with its CSRF token): a GET /logout, e.g. from an <img> on another site, does nothing
                .logout(logout -> logout.logoutRequestMatcher(
                                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/logout"))
                        .logoutSuccessUrl("/login?logout"))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(toLogin))
                // while the demo county loads: its progress page before any account or scope is read
                .addFilterAfter(loading.filter(), HeaderWriterFilter.class)
                .addFilterBefore(new ActiveAccountFilter(accounts), AnonymousAuthenticationFilter.class)
                // first the second factor (code page or enrolment), then a password to change (one-time, expired)
                .addFilterAfter(new SecondFactorGate(null), AuthorizationFilter.class)
                .addFilterAfter(new RequiredPasswordChanges(null), AuthorizationFilter.class)
                .headers(SecurityConfig::headers)
                .addFilterAfter(new DataScopeBindingFilter(), AuthorizationFilter.class)
                .addFilterAfter(new AdministratorBoundary(errorWriter), AuthorizationFilter.class);
        return http.build();
    }
}
