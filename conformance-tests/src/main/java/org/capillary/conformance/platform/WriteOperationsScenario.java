package org.capillary.conformance.platform;

import com.nimbusds.jose.jwk.JWKSet;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.capillary.conformance.plan.Check;
import org.capillary.conformance.plan.RunSettings;
import org.capillary.conformance.plan.Scenario;
import org.capillary.conformance.plan.Transcript;
import org.capillary.spec.contract.Operation;
import org.jspecify.annotations.Nullable;

/**
 * Sends every write operation of the contract (derived at run time, so new operations are covered
 * automatically): each valid example, made submittable, and each invalid example, which must be
 * refused as the contract's example says. Then reads the gateway's JWK Set and one submission back.
 */
public final class WriteOperationsScenario implements Scenario<WriteRun> {

  @Override
  public String id() {
    return "write-operations";
  }

  @Override
  public String description() {
    return "Sends every valid and invalid example of every write operation with a JSON body, as the connector its x-roles allow.";
  }

  @Override
  public WriteRun setUp(RunSettings settings, Transcript transcript) {
    PlatformSession s = PlatformSession.open(settings, transcript);
    List<WriteRun.Attempt> accepted = new ArrayList<>();
    List<WriteRun.Attempt> refused = new ArrayList<>();
    List<String> unexercised = new ArrayList<>();
    List<Operation> writes = s.contract().operations().values().stream().filter(Operation::isWrite)
        .sorted(Comparator.comparing(Operation::operationId)).toList();
    for (Operation op : writes) {
      if (!op.hasJsonBody()) {
        unexercised.add(op.operationId() + ": no JSON body (exercised by the media-upload scenario or not a record)");
        continue;
      }
      List<ContractExamples.Example> examples = ContractExamples.of(op.operationId());
      if (examples.stream().noneMatch(ContractExamples.Example::valid)) {
        unexercised.add(op.operationId() + ": the contract has no valid example of it");
      }
      for (ContractExamples.Example example : examples) {
        WriteRun.Attempt attempt = send(s, op, example);
        (example.valid() ? accepted : refused).add(attempt);
      }
    }
    Exchange jwksExchange = s.client().send("getJwks", "GET", "/.well-known/jwks.json", Map.of(), new byte[0]);
    JWKSet jwks = parseJwks(jwksExchange);
    Exchange read = accepted.stream().filter(a -> a.exchange().status() == 201).findFirst()
        .map(a -> s.client().read("getSubmission", s.fixtures().sender(a.operation()), "GET",
            "/v1/submissions/" + a.exchange().json().path("submissionId").asString(""), Map.of()))
        .orElse(null);
    return new WriteRun(accepted, refused, unexercised, jwks, jwksExchange, read);
  }

  private static WriteRun.Attempt send(PlatformSession s, Operation op, ContractExamples.Example example) {
    String label = op.operationId() + "/" + example.name();
    try {
      Fixtures.Prepared p = s.fixtures().prepare(op, example.body());
      Exchange e = s.client().write(label, p.connector(), op.method(), p.target(), p.contentType(), p.bytes(),
          "cc-" + java.util.UUID.randomUUID(), p.headers());
      return new WriteRun.Attempt(op, example.name(), p.connector().connectorId(), e, example.expect());
    } catch (RuntimeException ex) {
      Exchange none = new Exchange(label, op.method(), op.pathTemplate(), Map.of(), new byte[0], 0, Map.of(), new byte[0],
          "not sent: " + ex.getMessage());
      return new WriteRun.Attempt(op, example.name(), "", none, example.expect());
    }
  }

  static @Nullable JWKSet parseJwks(Exchange e) {
    if (e.status() != 200) {
      return null;
    }
    try {
      return JWKSet.parse(new String(e.responseBody(), StandardCharsets.UTF_8));
    } catch (ParseException ex) {
      return null;
    }
  }

  @Override
  public List<Check<? super WriteRun>> checks() {
    return List.of(new ExpectWriteOperationsAccepted(), new ValidateReceiptBodies(), new EnsureReceiptsVerify(),
        new ExpectInvalidExamplesRejected(), new ExpectSubmissionStatusReadable());
  }
}
