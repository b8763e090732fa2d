/** HTTP behaviour of the client: retry settings and the sleeper the back-off waits with. */
@NullMarked
package org.capillary.sdk.http;

import org.jspecify.annotations.NullMarked;
