package org.capillary.conformance.connector.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.capillary.conformance.sandbox.ReceivedRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Groups received writes into logical operations, the way a platform must see them to judge
 * retries: by what was asked (operation, target, body as JSON, and the tus offset of a chunk),
 * or by the Idempotency-Key the connector chose.
 */
final class Attempts {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Attempts() {}

  /**
   * What a write asks for, independent of its key and of the serialisation of its body: a retry
   * of it has the same identity.
   */
  record Identity(String operationId, String target, Object body, String uploadOffset) {
  }

  static Identity identity(ReceivedRequest r) {
    return new Identity(Objects.requireNonNullElse(r.operationId(), ""), r.target(), bodyOf(r),
        r.header("Upload-Offset").orElse(""));
  }

  /** The parsed JSON body (compared regardless of member order), or the digest of a non-JSON body. */
  static Object bodyOf(ReceivedRequest r) {
    JsonNode json = json(r);
    return json != null ? json : r.contentDigest();
  }

  static @Nullable JsonNode json(ReceivedRequest r) {
    String type = r.header("Content-Type").orElse("");
    if (!type.contains("json") || r.body().length == 0) {
      return null;
    }
    try {
      return JSON.readTree(r.body());
    } catch (JacksonException e) {
      return null;
    }
  }

  /** The writes (requests addressing a write operation), grouped by a key, in arrival order. */
  static <K> Map<K, List<ReceivedRequest>> writesBy(List<ReceivedRequest> received,
      Function<ReceivedRequest, @Nullable K> key) {
    Map<K, List<ReceivedRequest>> groups = new LinkedHashMap<>();
    for (ReceivedRequest r : received) {
      if (!r.write()) {
        continue;
      }
      K k = key.apply(r);
      if (k != null) {
        groups.computeIfAbsent(k, x -> new ArrayList<>()).add(r);
      }
    }
    return groups;
  }
}
