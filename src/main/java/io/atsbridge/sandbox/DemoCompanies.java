package io.atsbridge.sandbox;

import io.atsbridge.core.connection.ConnectRequest;
import io.atsbridge.core.connection.ConnectionService;
import io.atsbridge.sandbox.greenhouse.GreenhouseSandboxAdmin;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The embedded default's demo: at start, connects {@code demo-lever} and {@code demo-greenhouse} to the built-in
 * sandbox ATSs through the same API path a board uses, so jobs are imported and a round trip works with no ATS
 * account. The sandbox keeps its state in memory, so the demo reconnects (and re-registers its webhooks) at every
 * start. Off with {@code atsbridge.sandbox.demo=false}, and whenever the sandbox is off.
 */
@Component
@ConditionalOnExpression("${atsbridge.sandbox.enabled:false} and ${atsbridge.sandbox.demo:true}")
public class DemoCompanies {
    private static final Logger log = LoggerFactory.getLogger(DemoCompanies.class);
    static final String LEVER_KEY = "sandbox-demo-lever";
    static final String GREENHOUSE_KEY = "sandbox-demo-greenhouse";
    private final ConnectionService connections;
    private final ObjectProvider<GreenhouseSandboxAdmin> greenhouse;
    private final Environment env;

    public DemoCompanies(ConnectionService connections, ObjectProvider<GreenhouseSandboxAdmin> greenhouse, Environment env) {
        this.connections = connections;
        this.greenhouse = greenhouse;
        this.env = env;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void connect() {
        String root = "http://localhost:" + env.getProperty("local.server.port", env.getProperty("server.port", "8080")) + "/sandbox/";
        try {
            connections.connect("demo-lever", new ConnectRequest("lever", LEVER_KEY, null, null, List.of(), root + "lever",
                    "demo@atsbridge.local", null, null, null, null));
            Optional<GreenhouseSandboxAdmin> gh = Optional.ofNullable(greenhouse.getIfAvailable());
            String boardToken = gh.map(a -> a.boardToken(GREENHOUSE_KEY)).orElse(null);
            ConnectionService.Connected c = connections.connect("demo-greenhouse", new ConnectRequest("greenhouse", GREENHOUSE_KEY,
                    "integrations@demo.example", boardToken, List.of(), root + "greenhouse", "demo@atsbridge.local", null, null, null, null),
                    true); // the sandbox forgot its webhooks at restart: register a fresh secret with it
            gh.ifPresent(a -> a.registerWebhook(GREENHOUSE_KEY, (String) c.view().webhook().get("url"), c.webhookSecret(), null));
            log.info("demo companies connected to the sandbox ATSs: 'demo-lever' and 'demo-greenhouse' (see README, Quick start)");
        } catch (RuntimeException e) {
            // the demo is a convenience: the hub runs without it
            log.warn("could not connect the demo companies to the sandbox: {}", e.getMessage());
        }
    }
}
