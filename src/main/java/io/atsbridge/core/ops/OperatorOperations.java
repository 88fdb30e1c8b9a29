package io.atsbridge.core.ops;

import io.atsbridge.core.connection.ConnectionRepository;
import io.atsbridge.core.delivery.DeliveryRepository;
import io.atsbridge.core.delivery.DeliveryService;
import io.atsbridge.core.job.JobImportService;
import io.atsbridge.core.webhook.WebhookService;
import java.util.Map;
import org.springframework.jmx.export.annotation.ManagedOperation;
import org.springframework.jmx.export.annotation.ManagedOperationParameter;
import org.springframework.jmx.export.annotation.ManagedOperationParameters;
import org.springframework.jmx.export.annotation.ManagedResource;
import org.springframework.stereotype.Component;

/**
 * What an operator does from Hawtio (JMX tab, {@code atsbridge:type=Operations}): replay a dead delivery or a
 * webhook, start an import, see the outbox at a glance. Nothing here reveals a credential.
 */
@Component
@ManagedResource(objectName = "atsbridge:type=Operations", description = "atsbridge operator actions")
public class OperatorOperations {
    private final DeliveryService deliveries;
    private final DeliveryRepository deliveryRepo;
    private final WebhookService webhooks;
    private final JobImportService imports;
    private final ConnectionRepository connections;

    public OperatorOperations(DeliveryService deliveries, DeliveryRepository deliveryRepo, WebhookService webhooks,
                              JobImportService imports, ConnectionRepository connections) {
        this.deliveries = deliveries;
        this.deliveryRepo = deliveryRepo;
        this.webhooks = webhooks;
        this.imports = imports;
        this.connections = connections;
    }

    @ManagedOperation(description = "Deliveries by status (pending, in_flight, delivered, failed, dead)")
    public Map<String, Long> deliveryCounts() {
        return deliveryRepo.countByStatus();
    }

    @ManagedOperation(description = "Replay a failed or dead delivery from where it stopped")
    @ManagedOperationParameters(@ManagedOperationParameter(name = "deliveryId", description = "dlv_…"))
    public String retryDelivery(String deliveryId) {
        return deliveries.retry(deliveryId).status();
    }

    @ManagedOperation(description = "Process a stored, verified webhook receipt again")
    @ManagedOperationParameters({
            @ManagedOperationParameter(name = "companyId", description = "the board's company id"),
            @ManagedOperationParameter(name = "receiptId", description = "receipt id")})
    public boolean replayWebhook(String companyId, long receiptId) {
        return connections.findByCompany(companyId).map(c -> webhooks.replay(c.id(), receiptId)).orElse(false);
    }

    @ManagedOperation(description = "Start a job import now for a company")
    @ManagedOperationParameters(@ManagedOperationParameter(name = "companyId", description = "the board's company id"))
    public String startImport(String companyId) {
        return imports.startNow(companyId).run().id();
    }
}
