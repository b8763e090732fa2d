package org.capillary.gateway.jws;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Capillary-Signature field value parsed per spec/SIGNING.md step 1 (CAP-SIG-02, CAP-SIG-13):
 * compact serialisation with an empty payload part, base64url without padding, a protected header
 * that is strict UTF-8 I-JSON (one object, no duplicate member, nothing after it) with the profile's
 * members well-typed and no forbidden member.
 *
 * @param headerPart the first part exactly as received (it is the start of the signing input)
 * @param signaturePart the third part exactly as received (may be empty, e.g. for alg none)
 * @param header the parsed protected header
 */
record DetachedJws(String headerPart, String signaturePart, JsonNode header) {

  private static final JsonMapper STRICT_JSON = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  /** Thrown when the value is malformed; carries nothing about the input. */
  static final class MalformedException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedException(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Parses a field value (already stripped of surrounding whitespace).
   *
   * @param value the Capillary-Signature value
   * @return the parsed JWS
   * @throws MalformedException with a caller-safe explanation
   */
  static DetachedJws parse(String value) throws MalformedException {
    if (value.length() > SigningProfile.MAX_FIELD_LENGTH) {
      throw new MalformedException("The Capillary-Signature value is longer than "
          + SigningProfile.MAX_FIELD_LENGTH + " characters.");
    }
    Matcher m = SigningProfile.COMPACT_DETACHED.matcher(value);
    if (!m.matches()) {
      throw new MalformedException(
          "Not a detached compact JWS: expected <base64url header>..<base64url signature>.");
    }
    String headerPart = m.group(1);
    JsonNode header = readHeader(headerPart);
    checkMembers(header);
    return new DetachedJws(headerPart, m.group(2), header);
  }

  /** base64url without padding (RFC 7515 §2); null if not decodable. */
  static byte @Nullable [] decodeBase64Url(String s) {
    if (s.length() % 4 == 1) {
      return null; // the alphabet is checked by the pattern; a lone trailing character is not
    }
    try {
      return Base64.getUrlDecoder().decode(s);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static JsonNode readHeader(String headerPart) throws MalformedException {
    byte[] bytes = decodeBase64Url(headerPart);
    if (bytes == null) {
      throw new MalformedException("The protected header is not base64url.");
    }
    String json;
    try {
      json = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new MalformedException("The protected header is not UTF-8.");
    }
    JsonNode header;
    try {
      header = STRICT_JSON.readTree(json);
    } catch (JacksonException e) {
      // Includes a repeated member name: parsers differ on which one wins, so none does.
      throw new MalformedException("The protected header is not a JSON object without duplicate members.");
    }
    if (header == null || !header.isObject()) {
      throw new MalformedException("The protected header is not a JSON object.");
    }
    return header;
  }

  private static void checkMembers(JsonNode header) throws MalformedException {
    for (String name : header.propertyNames()) {
      if (SigningProfile.FORBIDDEN.contains(name)) {
        throw new MalformedException("The protected header has the forbidden member " + name + ".");
      }
    }
    if (!isString(header, "alg")) {
      throw new MalformedException("alg must be a string.");
    }
    if (!isString(header, "kid") || header.get("kid").stringValue().isEmpty()) {
      throw new MalformedException("kid must be a non-empty string.");
    }
    if (!isString(header, "typ") || !SigningProfile.TYP.equals(header.get("typ").stringValue())) {
      throw new MalformedException("typ must be " + SigningProfile.TYP + ".");
    }
    JsonNode iat = header.get("iat");
    if (iat != null
        && (!iat.isIntegralNumber()
            || !iat.canConvertToLong()
            || iat.longValue() < 0
            || iat.longValue() > SigningProfile.MAX_NUMERIC_DATE)) {
      throw new MalformedException("iat must be a JSON integer of seconds since the epoch.");
    }
    JsonNode jti = header.get("jti");
    if (jti != null && (!jti.isString() || !SigningProfile.JTI.matcher(jti.stringValue()).matches())) {
      throw new MalformedException("jti must be 16 to 64 characters of [A-Za-z0-9_-].");
    }
    for (String name : List.of("htm", "htp", "cdg", "idk")) {
      if (header.has(name) && !isString(header, name)) {
        throw new MalformedException(name + " must be a string.");
      }
    }
  }

  /** The string value of a member, or null when absent. */
  @Nullable String text(String name) {
    JsonNode n = header.get(name);
    return n == null || !n.isString() ? null : n.stringValue();
  }

  private static boolean isString(JsonNode header, String name) {
    JsonNode n = header.get(name);
    return n != null && n.isString();
  }
}
