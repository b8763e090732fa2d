@NullMarked
package org.capillary.gateway.jws;

import org.jspecify.annotations.NullMarked;
