/**
 * The connector plans ({@code insurer-connector}, {@code device-connector}): each scenario starts a
 * {@link org.capillary.conformance.sandbox.Sandbox} with a fault script, gives the
 * {@link org.capillary.conformance.connector.ConnectorUnderTest} its
 * {@link org.capillary.conformance.connector.Instructions}, and hands what the sandbox received
 * ({@link org.capillary.conformance.connector.ConnectorRun}) to the checks of
 * {@code org.capillary.conformance.connector.check}.
 */
@NullMarked
package org.capillary.conformance.connector;

import org.jspecify.annotations.NullMarked;
