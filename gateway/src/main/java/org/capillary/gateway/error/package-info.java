@NullMarked
package org.capillary.gateway.error;

import org.jspecify.annotations.NullMarked;
