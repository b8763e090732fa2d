@NullMarked
package org.capillary.gateway.admin;

import org.jspecify.annotations.NullMarked;
