package org.capillary.spec.validation;

import java.util.Map;

/** Maps JSON Schema keywords and formats to the violation codes of {@code problem-codes.yaml}. */
final class ViolationCodes {

  private static final Map<String, String> BY_KEYWORD = Map.ofEntries(
      Map.entry("required", "REQUIRED"),
      Map.entry("dependentRequired", "REQUIRED"),
      Map.entry("type", "TYPE_MISMATCH"),
      Map.entry("enum", "ENUM_MISMATCH"),
      Map.entry("const", "CONST_MISMATCH"),
      Map.entry("pattern", "PATTERN_MISMATCH"),
      Map.entry("minLength", "TOO_SHORT"),
      Map.entry("maxLength", "TOO_LONG"),
      Map.entry("minimum", "BELOW_MINIMUM"),
      Map.entry("exclusiveMinimum", "BELOW_MINIMUM"),
      Map.entry("maximum", "ABOVE_MAXIMUM"),
      Map.entry("exclusiveMaximum", "ABOVE_MAXIMUM"),
      Map.entry("multipleOf", "NOT_MULTIPLE_OF"),
      Map.entry("minItems", "TOO_FEW_ITEMS"),
      Map.entry("maxItems", "TOO_MANY_ITEMS"),
      Map.entry("uniqueItems", "DUPLICATE_ITEMS"),
      Map.entry("contains", "MISSING_ITEM"),
      Map.entry("minContains", "MISSING_ITEM"),
      Map.entry("additionalProperties", "UNKNOWN_PROPERTY"),
      Map.entry("unevaluatedProperties", "UNKNOWN_PROPERTY"),
      Map.entry("propertyNames", "UNKNOWN_PROPERTY"),
      Map.entry("minProperties", "TOO_FEW_PROPERTIES"),
      Map.entry("oneOf", "NO_MATCHING_VARIANT"),
      Map.entry("anyOf", "NO_MATCHING_VARIANT"),
      Map.entry("not", "NOT_ALLOWED"),
      Map.entry("false", "NOT_ALLOWED"));

  private static final Map<String, String> BY_FORMAT = Map.ofEntries(
      Map.entry("date-time", "INVALID_DATE_TIME"),
      Map.entry("date", "INVALID_DATE"),
      Map.entry("uri", "INVALID_URI"),
      Map.entry("uri-reference", "INVALID_URI"),
      Map.entry("email", "INVALID_EMAIL"),
      Map.entry("uuid", "INVALID_UUID"),
      Map.entry("cn-uscc", "INVALID_USCC"),
      Map.entry("cn-resident-id", "INVALID_RESIDENT_ID"),
      Map.entry("cn-mobile", "INVALID_MOBILE"),
      Map.entry("gb28181-id", "INVALID_GB28181_ID"),
      Map.entry("cn-subdistrict-code", "INVALID_SUBDISTRICT_CODE"),
      Map.entry("sha256-hex", "INVALID_SHA256"));

  private ViolationCodes() {}

  static String forKeyword(String keyword) {
    return BY_KEYWORD.getOrDefault(keyword, "INVALID_VALUE");
  }

  static String forFormat(String format) {
    return BY_FORMAT.getOrDefault(format, "INVALID_FORMAT");
  }
}
