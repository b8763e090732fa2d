package org.capillary.conformance.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One request the sandbox received, what its validation found, and how it was answered.
 *
 * @param index 1 for the first request of the run
 * @param receivedAt when it arrived (the sandbox clock)
 * @param method the HTTP method
 * @param target the request target as received (raw path and query)
 * @param operationId the contract operation it addresses, or {@code null} if none
 * @param write whether the operation is a write
 * @param headers the header fields that matter to the contract (first value; names as in the contract)
 * @param body the body octets as received
 * @param contentDigest the sandbox's RFC 9530 digest of the body
 * @param signature the signature's protected header members, or {@code null} if unreadable
 * @param findings what is wrong with the request, in the order found; empty when valid
 * @param fault the injected fault, or {@code null}
 * @param status the status answered, or 0 when the connection was reset
 * @param problemCode the problem code answered (a finding's, a fault's or the platform's), or {@code null}
 * @param submissionId the submission filed or replayed for it, or {@code null}
 * @param replayed whether the answer was the stored answer of an earlier request with the same key
 */
public record ReceivedRequest(int index, Instant receivedAt, String method, String target,
    @Nullable String operationId, boolean write, Map<String, String> headers, byte[] body, String contentDigest,
    @Nullable SignedMembers signature, List<Finding> findings, @Nullable Fault fault, int status,
    @Nullable String problemCode, @Nullable String submissionId, boolean replayed) {

  /** Validates and copies. */
  public ReceivedRequest {
    Objects.requireNonNull(receivedAt, "receivedAt");
    headers = Map.copyOf(headers);
    findings = List.copyOf(findings);
    body = body.clone();
  }

  /** The body octets as received (a copy). */
  @Override
  public byte[] body() {
    return body.clone();
  }

  /** A header field's value, by its contract name (e.g. {@code Idempotency-Key}). */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name));
  }

  /** The {@code Idempotency-Key} sent, if any. */
  public @Nullable String idempotencyKey() {
    return headers.get("Idempotency-Key");
  }

  /** Whether the sandbox found nothing wrong with the request. */
  public boolean valid() {
    return findings.isEmpty();
  }

  /** Whether this request filed a new submission (not a replay). */
  public boolean filedNew() {
    return submissionId != null && !replayed;
  }

  /** Whether a finding of this code was made. */
  public boolean has(String code) {
    return findings.stream().anyMatch(f -> f.code().equals(code));
  }

  /** A one-line description for evidence: {@code #3 POST /v1/alerts (publishAlert) → 201}. */
  public String describe() {
    return "#" + index + " " + method + " " + target + (operationId == null ? "" : " (" + operationId + ")") + " → "
        + (status == 0 ? "reset" : Integer.toString(status)) + (fault == null ? "" : " [" + fault.label() + "]");
  }
}
