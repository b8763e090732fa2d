package org.capillary.gateway.events;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An event the platform emits, before it is recorded as a CloudEvent.
 *
 * @param type the CloudEvents type, one of {@link EventTypes}
 * @param projectId the project it concerns (the CloudEvents subject), if any
 * @param subdistrictCode the project's sub-district (who may see it)
 * @param insurerConnectorId the insurer covering the project (who may see it)
 * @param time when it happened
 * @param data the event's data
 */
public record PlatformEvent(
    String type,
    @Nullable String projectId,
    @Nullable String subdistrictCode,
    @Nullable String insurerConnectorId,
    Instant time,
    Map<String, Object> data) {}
