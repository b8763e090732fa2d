package org.capillary.sdk.implementation;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.capillary.sdk.exception.CapillaryClientException;
import org.capillary.sdk.exception.ReceiptVerificationException;
import org.capillary.sdk.models.ReceiptClaims;
import org.capillary.sdk.models.SubmissionReceipt;
import org.capillary.sdk.models.SubmissionReceiptDocument;
import org.capillary.sdk.models.WriteOptions;
import org.jspecify.annotations.Nullable;

/** What the sync and async clients share: building calls, and turning answers into models. */
public final class ClientCore {

  public static final String JSON = "application/json";

  private final HttpPipeline pipeline;
  private final ReceiptVerifier receipts;
  private final String connectorId;
  private final @Nullable String issuer;

  public ClientCore(HttpPipeline pipeline, ReceiptVerifier receipts, String connectorId, @Nullable String issuer) {
    this.pipeline = pipeline;
    this.receipts = receipts;
    this.connectorId = connectorId;
    this.issuer = issuer;
  }

  public String connectorId() {
    return connectorId;
  }

  /** @return the pipeline calls are sent through (for callers with calls of their own, e.g. uploads) */
  public HttpPipeline pipeline() {
    return pipeline;
  }

  /** A verified receipt with the headers of the answer that carried it. */
  public record WriteResult(SubmissionReceipt receipt, java.net.http.HttpHeaders headers) {
  }

  /** As {@link #write}, also returning the answer's headers (e.g. the Location of a created upload). */
  public WriteResult writeWithHeaders(String operationId, String method, String path, Object body, String contentType,
      WriteOptions options, java.util.Map<String, String> headers) {
    Objects.requireNonNull(body, "body");
    CallSpec base = writeCall(operationId, method, path, body, contentType, options);
    CallSpec call = new CallSpec(base.operationId(), base.method(), base.target(), base.body(), base.contentType(),
        base.idempotencyKey(), base.requestId(), headers);
    Exchange exchange = pipeline.send(call);
    return new WriteResult(toReceipt(call, exchange), exchange.headers());
  }

  private CallSpec writeCall(String operationId, String method, String path, @Nullable Object body,
      @Nullable String contentType, WriteOptions options) {
    Objects.requireNonNull(options, "options");
    // Serialised once: these octets are digested, signed and sent on every attempt (CAP-SIG-11).
    byte[] bytes = body == null ? new byte[0] : Json.write(body);
    String key = options.idempotencyKey() != null ? options.idempotencyKey() : UUID.randomUUID().toString();
    return new CallSpec(operationId, method, pipeline.target(path), bytes, body == null ? null : contentType, key,
        requestId(options.requestId()));
  }

  private CallSpec readCall(String operationId, String pathAndQuery) {
    return new CallSpec(operationId, "GET", pipeline.target(pathAndQuery), new byte[0], null, null, requestId(null));
  }

  private static String requestId(@Nullable String given) {
    return given != null ? given : "sdk-" + UUID.randomUUID();
  }

  public SubmissionReceipt write(String operationId, String method, String path, Object body, String contentType,
      WriteOptions options) {
    Objects.requireNonNull(body, "body");
    CallSpec call = writeCall(operationId, method, path, body, contentType, options);
    return toReceipt(call, pipeline.send(call));
  }

  public CompletableFuture<SubmissionReceipt> writeAsync(String operationId, String method, String path, Object body,
      String contentType, WriteOptions options) {
    CallSpec call;
    try {
      Objects.requireNonNull(body, "body");
      call = writeCall(operationId, method, path, body, contentType, options);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return pipeline.sendAsync(call).thenApplyAsync(exchange -> toReceipt(call, exchange));
  }

  /** A write without a body and without a receipt (204), e.g. deleteSubscription. */
  public void delete(String operationId, String path, WriteOptions options) {
    pipeline.send(writeCall(operationId, "DELETE", path, null, null, options));
  }

  public CompletableFuture<Void> deleteAsync(String operationId, String path, WriteOptions options) {
    try {
      return pipeline.sendAsync(writeCall(operationId, "DELETE", path, null, null, options)).thenApply(e -> null);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  public <T> T read(String operationId, String pathAndQuery, Class<T> type) {
    return Json.read(pipeline.send(readCall(operationId, pathAndQuery)).body(), type);
  }

  public <T> CompletableFuture<T> readAsync(String operationId, String pathAndQuery, Class<T> type) {
    try {
      return pipeline.sendAsync(readCall(operationId, pathAndQuery)).thenApply(e -> Json.read(e.body(), type));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private SubmissionReceipt toReceipt(CallSpec call, Exchange exchange) {
    SubmissionReceiptDocument document;
    try {
      document = Json.read(exchange.body(), SubmissionReceiptDocument.class);
    } catch (CapillaryClientException e) {
      throw new ReceiptVerificationException(call.operationId() + ": the answer is not a submission receipt", null, e);
    }
    if (document == null || document.getReceipt() == null) {
      throw new ReceiptVerificationException(call.operationId() + ": the answer carries no receipt", null, null);
    }
    boolean replayed = exchange.headers().firstValue("Idempotent-Replayed").map("true"::equalsIgnoreCase).orElse(false);
    // A stored answer of an earlier call with this Idempotency-Key names that call's jti, which this
    // call cannot know (the documented repeat after a crash); cid, op, cdg and idk still bind it.
    ReceiptClaims claims = receipts.verify(document.getReceipt(), new ReceiptVerifier.Expected(connectorId,
        call.operationId(), exchange.contentDigest(), Objects.requireNonNull(call.idempotencyKey()),
        replayed ? null : exchange.jtis(), issuer));
    // The unsigned fields of the answer must say what the signed receipt says.
    if (!claims.submissionId().equals(document.getSubmissionId())
        || document.getSequence() == null || claims.sequence() != document.getSequence().longValue()
        || !claims.contentDigest().equals(document.getContentDigest())
        || !claims.connectorId().equals(document.getConnectorId())) {
      throw new ReceiptVerificationException(call.operationId() + ": the answer's fields differ from its signed receipt",
          claims.submissionId(), null);
    }
    return new SubmissionReceipt(document, claims, call.idempotencyKey(), replayed);
  }

  /** Percent-encodes one path segment (RFC 3986 pchar), so the target on the wire equals {@code htp}. */
  public static String segment(String value) {
    Objects.requireNonNull(value, "path parameter");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("path parameter must not be empty");
    }
    StringBuilder b = new StringBuilder();
    for (byte x : value.getBytes(StandardCharsets.UTF_8)) {
      int c = x & 0xff;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-._~!$&'()*+,;=:@".indexOf(c) >= 0) {
        b.append((char) c);
      } else {
        b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      }
    }
    return b.toString();
  }

  /** Builds a query string from name/value pairs, skipping null values; "" when all are null. */
  public static String query(@Nullable Object... namesAndValues) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      Object v = namesAndValues[i + 1];
      if (v != null) {
        b.append(b.length() == 0 ? '?' : '&').append(namesAndValues[i]).append('=').append(queryValue(v.toString()));
      }
    }
    return b.toString();
  }

  private static String queryValue(String value) {
    String s = segment(value);
    // '&', '=' and '+' are data here, not separators.
    return s.replace("&", "%26").replace("=", "%3D").replace("+", "%2B");
  }

  /** Unwraps CompletionException for callers that join. */
  public static RuntimeException unwrap(Throwable t) {
    Throwable c = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    return c instanceof RuntimeException r ? r : new CapillaryClientException("failed", c);
  }
}
