package org.capillary.conformance.pact;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.capillary.conformance.plan.Check;
import org.capillary.conformance.plan.RunSettings;
import org.capillary.conformance.plan.Scenario;
import org.capillary.conformance.plan.Transcript;
import org.capillary.spec.contract.Contract;
import tools.jackson.databind.node.JsonNodeFactory;

/** Reads the Pact file of the settings and matches each interaction to an operation of the contract. */
public final class PactFileScenario implements Scenario<PactRun> {

  @Override
  public String id() {
    return "pact-file";
  }

  @Override
  public String description() {
    return "Reads the connector's Pact file and matches every interaction to an operation (method and path template).";
  }

  @Override
  public PactRun setUp(RunSettings settings, Transcript transcript) {
    Path file = Path.of(settings.require(PactPlan.PACT_FILE));
    PactFile pact = PactFile.read(file);
    Contract contract = PactContract.contract();
    List<PactRun.Matched> matches = new ArrayList<>();
    for (PactInteraction i : pact.interactions()) {
      matches.add(new PactRun.Matched(i, contract.match(i.method(), i.path()).orElse(null)));
    }
    transcript.record("observation", JsonNodeFactory.instance.objectNode().put("pactFile", file.getFileName().toString())
        .put("consumer", pact.consumer()).put("provider", pact.provider()).put("pactSpecification", pact.specification())
        .put("interactions", pact.interactions().size()).put("skipped", pact.skipped().size()));
    return new PactRun(pact, matches);
  }

  @Override
  public List<Check<? super PactRun>> checks() {
    return List.of(new EnsureInteractionsMatchOperations(), new EnsureRequiredHeadersPresent(), new ValidatePactRequestBodies(),
        new ValidatePactResponseBodies());
  }
}
