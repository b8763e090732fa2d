@NullMarked
package org.capillary.gateway.ratelimit;

import org.jspecify.annotations.NullMarked;
