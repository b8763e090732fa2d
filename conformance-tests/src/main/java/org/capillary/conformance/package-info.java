/** The Capillary conformance suite. */
@NullMarked
package org.capillary.conformance;

import org.jspecify.annotations.NullMarked;
