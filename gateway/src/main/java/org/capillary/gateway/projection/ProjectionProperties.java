package org.capillary.gateway.projection;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The projection worker.
 *
 * @param enabled whether the worker polls the outbox (tests switch it off and call drainOnce)
 * @param interval time between polls
 * @param maxAttempts attempts before a submission whose projection fails is set aside
 */
@ConfigurationProperties("capillary.gateway.projection")
public record ProjectionProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("PT0.5S") Duration interval,
    @DefaultValue("5") int maxAttempts) {}
