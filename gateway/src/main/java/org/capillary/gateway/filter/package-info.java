@NullMarked
package org.capillary.gateway.filter;

import org.jspecify.annotations.NullMarked;
