@NullMarked
package org.capillary.gateway.replay;

import org.jspecify.annotations.NullMarked;
