@NullMarked
package org.capillary.gateway.config;

import org.jspecify.annotations.NullMarked;
