@NullMarked
package org.capillary.gateway.connector;

import org.jspecify.annotations.NullMarked;
