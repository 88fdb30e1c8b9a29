package io.atsbridge.core.webhook;

import io.atsbridge.core.WakeUp;
import org.springframework.stereotype.Component;

/** Rung when an accepted webhook is committed, so the processor applies it without waiting for its poll. */
@Component
public class WebhookWakeUp extends WakeUp { }
