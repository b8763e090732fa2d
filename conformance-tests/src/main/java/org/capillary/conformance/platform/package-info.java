/**
 * The {@code platform} plan: certifies a gateway implementation (ours or anyone's) at a base URL
 * by calling it, as the demo-style connectors an operator registered for the run, with valid and
 * hostile requests. The write operations are derived from the contract at run time, with the
 * contract's own examples made submittable ({@link org.capillary.conformance.platform.Fixtures}).
 */
@NullMarked
package org.capillary.conformance.platform;

import org.jspecify.annotations.NullMarked;
