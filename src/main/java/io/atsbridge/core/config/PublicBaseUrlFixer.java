package io.atsbridge.core.config;

import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * With {@code server.port=0} the default public base URL would say port 0, and the webhook URLs we hand out or
 * register with an ATS would point nowhere: once the server listens, the real port replaces it.
 */
@Component
public class PublicBaseUrlFixer implements ApplicationListener<WebServerInitializedEvent> {
    private final AtsBridgeProperties props;

    public PublicBaseUrlFixer(AtsBridgeProperties props) {
        this.props = props;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if ("management".equals(event.getApplicationContext().getServerNamespace())) {
            return;
        }
        String url = props.getPublicBaseUrl();
        if (url != null && url.matches("https?://[^/]+:0/?")) {
            props.setPublicBaseUrl(url.replaceFirst(":0/?$", ":" + event.getWebServer().getPort()));
        }
    }
}
