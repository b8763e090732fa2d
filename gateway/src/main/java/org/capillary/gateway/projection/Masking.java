package org.capillary.gateway.projection;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Personal data as read views show it (common.json MaskedPerson): identity numbers and mobiles masked. */
public final class Masking {

  private Masking() {}

  /** 440305197811250153 → 4403**********0153. */
  public static String idNumber(String id) {
    if (id.length() <= 8) {
      return "*".repeat(Math.max(1, id.length()));
    }
    return id.substring(0, 4) + "*".repeat(id.length() - 8) + id.substring(id.length() - 4);
  }

  /** 13823456781 → 138****6781. */
  public static String mobile(String mobile) {
    if (mobile.length() <= 7) {
      return "*".repeat(Math.max(1, mobile.length()));
    }
    return mobile.substring(0, mobile.length() - 8) + "****" + mobile.substring(mobile.length() - 4);
  }

  /** A Person as a MaskedPerson; null for a missing node. */
  public static @Nullable Map<String, Object> person(@Nullable JsonNode p) {
    if (p == null || !p.isObject()) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", p.path("name").asString());
    if (p.path("idNumber").isString()) {
      out.put("idNumber", idNumber(p.path("idNumber").stringValue()));
    }
    if (p.path("mobile").isString()) {
      out.put("mobile", mobile(p.path("mobile").stringValue()));
    }
    if (p.path("role").isString()) {
      out.put("role", p.path("role").stringValue());
    }
    return out;
  }

  /** The matching key of a person: identity number, else "name:" + name. */
  public static String key(JsonNode p) {
    return p.path("idNumber").isString() ? p.path("idNumber").stringValue() : "name:" + p.path("name").asString();
  }
}
