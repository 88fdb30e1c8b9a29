package io.atsbridge.core.delivery;

import io.atsbridge.core.WakeUp;
import org.springframework.stereotype.Component;

/** Rung when a delivery is written, so the dispatcher runs it without waiting for its poll. */
@Component
public class DeliveryWakeUp extends WakeUp { }
