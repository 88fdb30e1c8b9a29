package io.atsbridge.sandbox.lever;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.atsbridge.sandbox.support.RawMultipartFilter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The Lever simulator under {@code /sandbox/lever}; off unless {@code atsbridge.sandbox.enabled=true}. */
@Configuration
@ConditionalOnProperty(name = "atsbridge.sandbox.enabled", havingValue = "true")
@EnableConfigurationProperties(LeverSandboxProperties.class)
class LeverSandboxConfig implements WebMvcConfigurer {
    private final LeverAccounts accounts;
    private final ObjectMapper json;

    LeverSandboxConfig(LeverAccounts accounts, ObjectMapper json) {
        this.accounts = accounts;
        this.json = json;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new LeverGate(accounts, json)).addPathPatterns("/sandbox/lever/v1/**");
    }

    @Configuration
    @ConditionalOnProperty(name = "atsbridge.sandbox.enabled", havingValue = "true")
    static class Beans {
        @Bean
        LeverWebhooks leverWebhooks(LeverSandboxProperties props, ObjectMapper json) {
            return new LeverWebhooks(props, json);
        }

        @Bean
        LeverAccounts leverAccounts(LeverSandboxProperties props, LeverWebhooks webhooks, ObjectMapper json) {
            return new LeverAccounts(props, webhooks, json);
        }

        @Bean
        FilterRegistrationBean<RawMultipartFilter> leverRawMultipart() {
            FilterRegistrationBean<RawMultipartFilter> r = new FilterRegistrationBean<>(new RawMultipartFilter());
            r.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
            r.addUrlPatterns("/sandbox/lever/*");
            r.setName("leverSandboxRawMultipart");
            return r;
        }
    }
}
