package org.capillary.gateway.media;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Finds the media a record cites: every JSON object, anywhere in the body, that has exactly the
 * two members of common.json#/$defs/MediaRef, {@code mediaId} and {@code sha256}, both strings.
 * (The contract's schemas cite media only through that definition, whose
 * {@code additionalProperties: false} makes the shape unambiguous; a body is validated before it
 * is searched, so every such object is a MediaRef.)
 */
final class MediaRefs {

  /** One citation. */
  record Ref(String pointer, String mediaId, String sha256) {}

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private MediaRefs() {}

  static List<Ref> find(JsonNode body) {
    List<Ref> out = new ArrayList<>();
    walk(body, "", out);
    return out;
  }

  /** Whether a node is a MediaRef object with a well-formed digest. */
  static boolean isRef(JsonNode node) {
    return node.isObject() && node.size() == 2
        && node.path("mediaId").isString() && node.path("sha256").isString()
        && SHA256.matcher(node.path("sha256").stringValue()).matches();
  }

  private static void walk(JsonNode node, String pointer, List<Ref> out) {
    if (isRef(node)) {
      out.add(new Ref(pointer, node.get("mediaId").stringValue(), node.get("sha256").stringValue()));
      return;
    }
    if (node.isObject()) {
      for (var e : node.properties()) {
        walk(e.getValue(), pointer + "/" + escape(e.getKey()), out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), pointer + "/" + i, out);
      }
    }
  }

  /** RFC 6901: ~ → ~0, / → ~1. */
  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
