/** The Capillary contract on the class path, and the library that validates against it. */
@NullMarked
package org.capillary.spec;

import org.jspecify.annotations.NullMarked;
