/** The Capillary SDK for connectors (insurers and device vendors). */
@NullMarked
package org.capillary.sdk;

import org.jspecify.annotations.NullMarked;
