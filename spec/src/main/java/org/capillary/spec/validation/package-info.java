/** Validation of request bodies against the contract, with stable violation codes and JSON pointers. */
@NullMarked
package org.capillary.spec.validation;

import org.jspecify.annotations.NullMarked;
