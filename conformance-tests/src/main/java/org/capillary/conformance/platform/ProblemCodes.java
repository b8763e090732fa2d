package org.capillary.conformance.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.capillary.spec.contract.Contract;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The contract's problem codes ({@code problem-codes.yaml}): status and requirement id by code. */
final class ProblemCodes {

  /** One registered code. */
  record Code(String code, int status, String requirement) {}

  private static volatile Map<String, Code> codes;

  private ProblemCodes() {}

  static Map<String, Code> all() {
    Map<String, Code> c = codes;
    if (c == null) {
      try (InputStream in = Contract.resource("problem-codes.yaml")) {
        JsonNode root = new YAMLMapper().readTree(in);
        Map<String, Code> map = new LinkedHashMap<>();
        root.path("problems").forEach(p -> map.put(p.path("code").asString(),
            new Code(p.path("code").asString(), p.path("status").asInt(), p.path("req").asString())));
        c = Map.copyOf(map);
        codes = c;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return c;
  }

  static Optional<Code> of(String code) {
    return Optional.ofNullable(all().get(code));
  }

  /** The requirement id of a code, e.g. CAP-SIG-07 for SIGNATURE_INVALID. */
  static String requirement(String code) {
    return of(code).map(Code::requirement).orElseThrow(() -> new IllegalArgumentException("not a problem code: " + code));
  }
}
