package org.capillary.gateway.error;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.capillary.spec.contract.Contract;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The registry of problem codes from the contract: status, title and type URI of each code. */
public final class ProblemCatalog {

  /** One registered problem. */
  public record Entry(String code, int status, String title, String type) {}

  private final Map<String, Entry> byCode;

  private ProblemCatalog(Map<String, Entry> byCode) {
    this.byCode = Map.copyOf(byCode);
  }

  /** Loads {@code problem-codes.yaml} from the spec jar. */
  public static ProblemCatalog load() {
    try (InputStream in = Contract.resource("problem-codes.yaml")) {
      JsonNode root = new YAMLMapper().readTree(in);
      Map<String, Entry> map = new HashMap<>();
      root.path("problems").forEach(p -> {
        String code = p.path("code").asString();
        map.put(code, new Entry(code, p.path("status").asInt(), p.path("title").asString(),
            "https://capillary.dev/problems/" + code.toLowerCase(Locale.ROOT).replace('_', '-')));
      });
      return new ProblemCatalog(map);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The entry of a code; an unregistered code is a programming error and is reported as INTERNAL_ERROR.
   *
   * @param code the code
   * @return its entry
   */
  public Entry get(String code) {
    Entry e = byCode.get(code);
    return e != null ? e : byCode.get("INTERNAL_ERROR");
  }
}
