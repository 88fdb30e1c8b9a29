package io.atsbridge.core.security;

import io.atsbridge.core.config.AtsBridgeProperties;
import jakarta.servlet.DispatcherType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;

/**
 * Three doors. The board API: bearer tokens, stateless, 401 as JSON. Webhooks and the sandbox: open (each checks
 * its own signature or key). Everything else — Hawtio, Jolokia, actuator — behind an operator login, except
 * health probes and Prometheus.
 */
@Configuration
public class SecurityConfig {
    private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);

    @Bean
    @Order(1)
    SecurityFilterChain boardApiSecurity(HttpSecurity http, AtsBridgeProperties props) throws Exception {
        http.securityMatcher("/api/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new BearerTokenFilter(props.getApi().getTokens()), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        // platform-http answers through an async dispatch of a request that was already authorized
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .requestMatchers("/api/v1/openapi.json", "/api/v1/oauth/*/callback").permitAll()
                        .anyRequest().hasRole("BOARD"))
                .exceptionHandling(e -> e.authenticationEntryPoint((req, res, ex) -> {
                    res.setStatus(401);
                    res.setHeader("WWW-Authenticate", "Bearer");
                    res.setContentType("application/json");
                    res.getWriter().write("{\"error\":\"unauthorized\",\"message\":\"a valid 'Authorization: Bearer <token>' header is required\",\"field\":null}");
                }));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain inboundSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher("/webhooks/**", "/sandbox/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain operatorSecurity(HttpSecurity http) throws Exception {
        CsrfTokenRequestAttributeHandler handler = new CsrfTokenRequestAttributeHandler();
        handler.setCsrfRequestAttributeName(null); // the Hawtio SPA reads the XSRF cookie
        http.authorizeHttpRequests(a -> a
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/actuator/info",
                                "/error").permitAll()
                        .anyRequest().hasRole("admin"))
                .formLogin(f -> f.permitAll())
                .httpBasic(b -> { })
                .csrf(c -> c.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(handler)); // Jolokia too: a page an operator visits must not drive MBeans
        return http.build();
    }

    @Bean
    UserDetailsService operatorUsers(AtsBridgeProperties props, PasswordEncoder encoder) {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
        for (AtsBridgeProperties.Operator op : props.getOperators()) {
            if (op.getName() == null || op.getPassword() == null || op.getPassword().isBlank()) {
                continue;
            }
            String pw = op.getPassword().startsWith("{") ? op.getPassword() : encoder.encode(op.getPassword());
            UserDetails u = User.withUsername(op.getName()).password(pw).roles(op.getRoles().toArray(String[]::new)).build();
            users.createUser(u);
        }
        if (props.getOperators().isEmpty()) {
            log.warn("no operators configured (atsbridge.operators): Hawtio and Jolokia cannot be opened");
        }
        return users;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimit(AtsBridgeProperties props) {
        FilterRegistrationBean<BodySizeLimitFilter> r = new FilterRegistrationBean<>(new BodySizeLimitFilter(props));
        // after Spring Security (-100): an unauthenticated request is refused before we buffer any chunked body
        r.setOrder(org.springframework.boot.autoconfigure.security.SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        r.addUrlPatterns("/api/*", "/webhooks/*");
        return r;
    }
}
