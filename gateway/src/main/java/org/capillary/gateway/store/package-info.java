@NullMarked
package org.capillary.gateway.store;

import org.jspecify.annotations.NullMarked;
