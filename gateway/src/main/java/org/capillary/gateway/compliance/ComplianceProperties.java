package org.capillary.gateway.compliance;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Compliance evaluation.
 *
 * @param ruleProfile the rule profile on the class path (the spec jar keeps the Futian one)
 * @param clockEnabled whether the obligation clock ticks (tests switch it off and call tick)
 * @param clockInterval time between ticks
 */
@ConfigurationProperties("capillary.gateway.compliance")
public record ComplianceProperties(
    @DefaultValue(RuleProfile.FUTIAN) String ruleProfile,
    @DefaultValue("true") boolean clockEnabled,
    @DefaultValue("PT1M") Duration clockInterval) {}
