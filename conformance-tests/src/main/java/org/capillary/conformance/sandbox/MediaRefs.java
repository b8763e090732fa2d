package org.capillary.conformance.sandbox;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Finds the media a record cites: every object with exactly the members {@code mediaId} and
 * {@code sha256}, both strings (common.json {@code MediaRef}), wherever it appears in the body.
 */
public final class MediaRefs {

  /**
   * A citation of a media item.
   *
   * @param mediaId the cited id
   * @param sha256 the cited SHA-256, hex
   */
  public record MediaRef(String mediaId, String sha256) {
  }

  private MediaRefs() {}

  /**
   * @param body a parsed record
   * @return every media citation in it, in document order
   */
  public static List<MediaRef> in(JsonNode body) {
    List<MediaRef> out = new ArrayList<>();
    collect(body, out);
    return out;
  }

  private static void collect(JsonNode node, List<MediaRef> out) {
    if (node.isObject() && node.size() == 2 && node.path("mediaId").isString() && node.path("sha256").isString()) {
      out.add(new MediaRef(node.get("mediaId").asString(), node.get("sha256").asString()));
      return;
    }
    for (JsonNode child : node) {
      collect(child, out);
    }
  }
}
