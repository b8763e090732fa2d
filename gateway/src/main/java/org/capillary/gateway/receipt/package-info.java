@NullMarked
package org.capillary.gateway.receipt;

import org.jspecify.annotations.NullMarked;
