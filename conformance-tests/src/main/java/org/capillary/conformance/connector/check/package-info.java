/**
 * The checks of the connector plans, one class each (OpenID Foundation style), each citing the
 * requirement ids it verifies. They judge a {@link org.capillary.conformance.connector.ConnectorRun}:
 * only what the sandbox received, never what the connector reports about itself.
 */
@NullMarked
package org.capillary.conformance.connector.check;

import org.jspecify.annotations.NullMarked;
