package io.atsbridge.sandbox.greenhouse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Registers the fault filter on the sandbox root; it leaves the control API alone except for the body-size bound. */
@Configuration
@GreenhouseSandboxEnabled
public class GreenhouseSandboxConfig {

    @Bean
    FilterRegistrationBean<GreenhouseSandboxFaultFilter> greenhouseSandboxFaultFilter(GreenhouseSandboxStore store,
                                                                                    GreenhouseSandboxProperties props) {
        FilterRegistrationBean<GreenhouseSandboxFaultFilter> r =
                new FilterRegistrationBean<>(new GreenhouseSandboxFaultFilter(store, props));
        r.addUrlPatterns("/sandbox/greenhouse/*");
        r.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return r;
    }
}
