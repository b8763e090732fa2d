/** Runnable example connectors built on the SDK (insurer and device vendor). */
@NullMarked
package org.capillary.examples;

import org.jspecify.annotations.NullMarked;
