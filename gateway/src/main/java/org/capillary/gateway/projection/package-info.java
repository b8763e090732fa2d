/**
 * Projections of the ledger: a {@link org.capillary.gateway.projection.ProjectionWorker} consumes the
 * outbox in order and applies each accepted submission to the projection tables (V3__projections.sql)
 * in one transaction with marking it processed; the {@link
 * org.capillary.gateway.projection.ProjectionRebuilder} replays the whole ledger into empty tables.
 */
@NullMarked
package org.capillary.gateway.projection;

import org.jspecify.annotations.NullMarked;
