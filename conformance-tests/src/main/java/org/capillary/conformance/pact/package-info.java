/**
 * The {@code pact} plan: checks a connector's Pact file (v3 or v4 JSON) against the contract itself,
 * not against one provider: every interaction is an operation of the contract, its request body
 * validates against the operation's schema, its response against the schema of its status, and the
 * headers the contract requires are present.
 */
@NullMarked
package org.capillary.conformance.pact;

import org.jspecify.annotations.NullMarked;
