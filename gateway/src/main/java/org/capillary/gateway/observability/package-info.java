/**
 * What operators watch: the {@code capillary.requests} metric per connector, operation and
 * outcome ({@link org.capillary.gateway.observability.RequestMetricsFilter}). Health and
 * readiness are actuator's ({@code /actuator/health/readiness}: the database, and Redis in the
 * production profile).
 */
@NullMarked
package org.capillary.gateway.observability;

import org.jspecify.annotations.NullMarked;
