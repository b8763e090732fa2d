@NullMarked
package org.capillary.gateway.intake;

import org.jspecify.annotations.NullMarked;
