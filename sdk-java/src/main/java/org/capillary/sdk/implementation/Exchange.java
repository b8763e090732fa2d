package org.capillary.sdk.implementation;

import java.net.http.HttpHeaders;
import java.util.List;

/**
 * The successful outcome of a call.
 *
 * @param status the 2xx status
 * @param headers the response headers
 * @param body the response body
 * @param jtis the {@code jti} of every attempt, in order (a replayed answer may carry an earlier one)
 * @param contentDigest the {@code cdg} of the body sent
 */
public record Exchange(int status, HttpHeaders headers, byte[] body, List<String> jtis, String contentDigest) {
}
