/** The operations of the published contract, read from {@code openapi.yaml}. */
@NullMarked
package org.capillary.spec.contract;

import org.jspecify.annotations.NullMarked;
