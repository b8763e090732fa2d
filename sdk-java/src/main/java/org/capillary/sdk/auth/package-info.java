/**
 * Request signing (spec/SIGNING.md): {@link org.capillary.sdk.auth.CapillaryKeyCredential} holds a
 * connector's private key and its registered {@code kid}; {@link org.capillary.sdk.auth.JwsRequestSigner}
 * produces the {@code Capillary-Signature} header value over the exact body bytes.
 */
@NullMarked
package org.capillary.sdk.auth;

import org.jspecify.annotations.NullMarked;
