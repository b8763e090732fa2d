/**
 * The SDK's exceptions, all unchecked. {@link org.capillary.sdk.exception.CapillaryClientException}
 * means no usable response (I/O, timeout, signing, serialisation, an unverifiable receipt);
 * {@link org.capillary.sdk.exception.CapillaryServiceException} and its subclasses carry the
 * gateway's RFC 9457 problem document.
 */
@NullMarked
package org.capillary.sdk.exception;

import org.jspecify.annotations.NullMarked;
