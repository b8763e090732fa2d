package org.capillary.sdk.models;

import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Per-call options of a write.
 *
 * <p>By default every call gets a fresh random {@code Idempotency-Key}, reused by the SDK on its
 * own retries. Give your own key when <em>you</em> may repeat the call later (after a crash, or
 * when a call ended in a {@link org.capillary.sdk.exception.CapillaryClientException}): the
 * gateway then answers the repeat with the stored result instead of filing twice. Keep the key
 * with the record, for at least 24 hours.
 *
 * @param idempotencyKey 1-255 visible ASCII characters, or {@code null} for a random UUID
 * @param requestId your correlation id sent as {@code X-Request-Id}, or {@code null} for a random one
 */
public record WriteOptions(@Nullable String idempotencyKey, @Nullable String requestId) {

  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
  private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
  private static final WriteOptions NONE = new WriteOptions(null, null);

  /** Checks the formats (CAP-IDM-01). */
  public WriteOptions {
    if (idempotencyKey != null && !KEY.matcher(idempotencyKey).matches()) {
      throw new IllegalArgumentException("idempotencyKey must be 1-255 visible ASCII characters");
    }
    if (requestId != null && !REQUEST_ID.matcher(requestId).matches()) {
      throw new IllegalArgumentException("requestId must be 1-128 characters of [A-Za-z0-9._:-]");
    }
  }

  /** @return no options: a random key and request id */
  public static WriteOptions none() {
    return NONE;
  }

  /**
   * @param idempotencyKey the key to use on every attempt of the call
   * @return options with that key
   * @throws IllegalArgumentException if the key is not 1-255 visible ASCII characters
   */
  public static WriteOptions idempotencyKey(String idempotencyKey) {
    return new WriteOptions(Objects.requireNonNull(idempotencyKey, "idempotencyKey"), null);
  }
}
