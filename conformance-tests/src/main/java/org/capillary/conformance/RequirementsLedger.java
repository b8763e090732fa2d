package org.capillary.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.capillary.spec.contract.Contract;
import org.capillary.spec.contract.Operation;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Every requirement id of the contract: those the operations cite ({@code x-req}), those of the
 * problem codes ({@code req}), those of the signing profile's requirement index (SIGNING.md §14,
 * {@code CAP-SIG-nn}) and the rules of a rule profile ({@code R-xx}). The conformance
 * suite's checks cite these ids, and its coverage report lists those no check covers (Inferno's
 * requirements ledger).
 */
public final class RequirementsLedger {

  private final TreeMap<String, Set<String>> sources;

  private RequirementsLedger(TreeMap<String, Set<String>> sources) {
    this.sources = sources;
  }

  /**
   * Reads the ledger from the contract on the class path and the given rule profile.
   *
   * @param ruleProfile path of the rule profile below the spec root, e.g. {@code rules/futian-2025.yaml}
   * @return the ledger
   */
  public static RequirementsLedger load(String ruleProfile) {
    TreeMap<String, Set<String>> sources = new TreeMap<>();
    for (Operation op : Contract.load().operations().values()) {
      op.requirementIds().forEach(id -> add(sources, id, "operation " + op.operationId()));
    }
    yaml("problem-codes.yaml").path("problems")
        .forEach(p -> add(sources, p.path("req").asString(), "problem " + p.path("code").asString()));
    signingProfileIds().forEach(id -> add(sources, id, "signing profile SIGNING.md"));
    yaml(ruleProfile).path("rules").forEach(r -> add(sources, r.path("id").asString(), "rule profile " + ruleProfile));
    return new RequirementsLedger(sources);
  }

  private static void add(TreeMap<String, Set<String>> sources, String id, String source) {
    sources.computeIfAbsent(id, k -> new TreeSet<>()).add(source);
  }

  /** The ids of SIGNING.md's requirement index: its table rows {@code | **CAP-SIG-nn** | ... |}. */
  private static java.util.List<String> signingProfileIds() {
    try (InputStream in = Contract.resource("SIGNING.md")) {
      String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      java.util.List<String> ids = new java.util.ArrayList<>();
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^\\| \\*\\*(CAP-SIG-[0-9]{2})\\*\\* \\|").matcher(text);
      while (m.find()) {
        ids.add(m.group(1));
      }
      return ids;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode yaml(String relative) {
    try (InputStream in = Contract.resource(relative)) {
      return new YAMLMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every requirement id, sorted. */
  public Set<String> ids() {
    return Collections.unmodifiableSet(sources.keySet());
  }

  /**
   * Where an id is declared.
   *
   * @param id a requirement id
   * @return the places that declare or cite it; empty if unknown
   */
  public Set<String> sourcesOf(String id) {
    return sources.getOrDefault(id, Set.of());
  }
}
