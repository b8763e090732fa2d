package org.capillary.gateway.filter;

import org.capillary.gateway.config.GuardProperties;
import org.capillary.gateway.error.ProblemException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses request bodies under the guard's limits: nesting depth, string and name length,
 * duplicate property names and trailing content are refused while streaming, before a tree of
 * hostile size can be built. Thread-safe.
 */
public final class JsonBodyParser {

  private final JsonMapper mapper;

  /**
   * @param limits the guard's limits
   */
  public JsonBodyParser(GuardProperties limits) {
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(limits.maxNestingDepth())
            .maxStringLength(limits.maxStringLength())
            .maxNameLength(limits.maxNameLength())
            .maxNumberLength(100)
            .build())
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();
    this.mapper = JsonMapper.builder(factory)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .build();
  }

  /**
   * Parses a body.
   *
   * @param body the exact bytes received
   * @return the tree
   * @throws ProblemException MALFORMED_JSON, JSON_TOO_DEEP, JSON_STRING_TOO_LONG or DUPLICATE_JSON_PROPERTY
   */
  public JsonNode parse(byte[] body) {
    if (body.length == 0) {
      throw new ProblemException("MALFORMED_JSON", "the body is empty");
    }
    try {
      return mapper.readTree(body);
    } catch (StreamConstraintsException e) {
      String message = String.valueOf(e.getMessage());
      if (message.contains("nesting depth")) {
        throw new ProblemException("JSON_TOO_DEEP", "the body nests deeper than the limit");
      }
      if (message.contains("length")) {
        throw new ProblemException("JSON_STRING_TOO_LONG", "a string, name or number is longer than the limit");
      }
      throw new ProblemException("MALFORMED_JSON", "the body exceeds a parsing limit");
    } catch (JacksonException e) {
      String message = String.valueOf(e.getOriginalMessage());
      if (message.startsWith("Duplicate Object property") || message.startsWith("Duplicate field")) {
        throw new ProblemException("DUPLICATE_JSON_PROPERTY", "an object repeats a property name");
      }
      throw new ProblemException("MALFORMED_JSON", "the body is not well-formed UTF-8 JSON");
    }
  }
}
