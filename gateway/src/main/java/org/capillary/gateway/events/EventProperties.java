package org.capillary.gateway.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Platform events and their push delivery.
 *
 * @param source the CloudEvents source of the platform's events; empty: urn:capillary:platform:{issuer}
 * @param deliveryEnabled whether deliveries are pushed (tests switch it off and call deliverOnce)
 * @param deliveryInterval time between delivery rounds
 * @param maxAttempts attempts before a delivery is DEAD_LETTER
 * @param initialBackoff wait after the first failed attempt; doubled after each further one
 * @param maxBackoff the longest wait between attempts
 * @param connectTimeout connect timeout of a push
 * @param requestTimeout timeout of a whole push
 * @param batchSize deliveries taken per round
 * @param allowPlainHttp accept http:// subscription urls (tests only; the contract requires https)
 */
@ConfigurationProperties("capillary.gateway.events")
public record EventProperties(
    @DefaultValue("") String source,
    @DefaultValue("true") boolean deliveryEnabled,
    @DefaultValue("PT1S") Duration deliveryInterval,
    @DefaultValue("8") int maxAttempts,
    @DefaultValue("PT10S") Duration initialBackoff,
    @DefaultValue("PT1H") Duration maxBackoff,
    @DefaultValue("PT5S") Duration connectTimeout,
    @DefaultValue("PT10S") Duration requestTimeout,
    @DefaultValue("50") int batchSize,
    @DefaultValue("false") boolean allowPlainHttp) {}
