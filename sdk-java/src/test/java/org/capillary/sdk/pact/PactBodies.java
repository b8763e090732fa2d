package org.capillary.sdk.pact;

import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.PactDslJsonArray;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Request bodies of the pact: the example exactly as the SDK sends it, except the ids of the media
 * items it cites. A record may cite only media its connector has uploaded (CAP-MED-01), and the
 * gateway gives each upload its id, so the provider uploads the items in a state (their content is
 * {@link #mediaContent(int)}, whose SHA-256 the body states) and the pact takes their ids from the
 * provider state ({@code ${media0}}, {@code ${media1}}, ...).
 */
final class PactBodies {

  static final String MEDIA_STATE = "the caller has uploaded media";
  private static final Pattern MEDIA_ID = Pattern.compile("med-pact-(\\d+)");
  private static final Pattern ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$");

  private PactBodies() {
  }

  /** The bytes of the n-th media item a body cites. */
  static String mediaContent(int n) {
    return "pact media item " + n;
  }

  static String sha256Hex(String content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Replaces every MediaRef ({mediaId, sha256} and nothing else) by {@code med-pact-<n>} with the
   * digest of {@link #mediaContent(int) content n}.
   *
   * @return how many refs were replaced
   */
  static int replaceMediaRefs(JsonNode node) {
    return replace(node, 0);
  }

  private static int replace(JsonNode node, int next) {
    if (node instanceof ObjectNode o && o.size() == 2 && o.path("mediaId").isTextual()
        && ID.matcher(o.get("mediaId").asText()).matches() && o.path("sha256").isTextual()
        && o.get("sha256").asText().matches("[0-9a-f]{64}")) {
      o.put("mediaId", "med-pact-" + next);
      o.put("sha256", sha256Hex(mediaContent(next)));
      return next + 1;
    }
    int n = next;
    for (JsonNode child : node) {
      n = replace(child, n);
    }
    return n;
  }

  /** The pact body: exact values, media ids from the provider state. */
  static DslPart dsl(JsonNode wire) {
    if (wire.isArray()) {
      PactDslJsonArray root = new PactDslJsonArray();
      fill(root, (ArrayNode) wire);
      return root;
    }
    PactDslJsonBody root = new PactDslJsonBody();
    fill(root, (ObjectNode) wire);
    return root;
  }

  private static void fill(PactDslJsonBody b, ObjectNode o) {
    for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String n = e.getKey();
      JsonNode v = e.getValue();
      if (v.isTextual()) {
        Matcher media = MEDIA_ID.matcher(v.asText());
        if (n.equals("mediaId") && media.matches()) {
          b.valueFromProviderState(n, "${media" + media.group(1) + "}", v.asText());
        } else {
          b.stringValue(n, v.asText());
        }
      } else if (v.isNumber()) {
        b.numberValue(n, v.numberValue());
      } else if (v.isBoolean()) {
        b.booleanValue(n, v.booleanValue());
      } else if (v.isNull()) {
        b.nullValue(n);
      } else if (v.isObject()) {
        PactDslJsonBody c = b.object(n);
        fill(c, (ObjectNode) v);
        c.closeObject();
      } else {
        PactDslJsonArray c = b.array(n);
        fill(c, (ArrayNode) v);
        c.closeArray();
      }
    }
  }

  private static void fill(PactDslJsonArray a, ArrayNode array) {
    for (JsonNode v : array) {
      if (v.isTextual()) {
        a.stringValue(v.asText());
      } else if (v.isNumber()) {
        a.numberValue(v.numberValue());
      } else if (v.isBoolean()) {
        a.booleanValue(v.booleanValue());
      } else if (v.isNull()) {
        a.nullValue();
      } else if (v.isObject()) {
        PactDslJsonBody c = a.object();
        fill(c, (ObjectNode) v);
        c.closeObject();
      } else {
        PactDslJsonArray c = a.array();
        fill(c, (ArrayNode) v);
        c.closeArray();
      }
    }
  }
}
