package org.capillary.conformance.connector;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.capillary.conformance.plan.Check;
import org.capillary.conformance.plan.RunSettings;
import org.capillary.conformance.plan.Scenario;
import org.capillary.conformance.sandbox.Fault;
import org.capillary.conformance.sandbox.FaultScript;

/**
 * Certifies an insurer's connector: it uploads a risk-assessment report (tus), then submits the
 * risk assessment citing it and a first inspection, against a sandbox that plays the platform —
 * once without faults, then under 429 with Retry-After, 503, a slow answer, dropped connections
 * and an interrupted upload.
 *
 * <p>Settings: {@code connector.id}, {@code connector.jwks} (file with the connector's public JWK
 * Set), {@code connector.command} (see {@link CommandConnector}), optionally
 * {@code connector.timeoutSeconds}, {@code connector.cycle} ({@link ConnectorCycle}),
 * {@code sandbox.retryAfterSeconds}, {@code sandbox.slowAnswerMillis}.
 */
public final class InsurerConnectorPlan extends ConnectorPlan {

  private static final Set<String> OPERATIONS = Set.of("createUpload", "appendUploadChunk", "submitRiskAssessment",
      "submitInspection");

  /** The plan for a connector run as a command ({@link CommandConnector#fromSettings}). */
  public InsurerConnectorPlan() {
    super(null, InstructionSets::insurer);
  }

  /**
   * The plan for a given connector.
   *
   * @param connectors makes the connector under test
   */
  public InsurerConnectorPlan(ConnectorProvider connectors) {
    super(connectors, InstructionSets::insurer);
  }

  @Override
  public String id() {
    return "insurer-connector";
  }

  @Override
  public String role() {
    return "INSURER";
  }

  @Override
  public String description() {
    return "An insurer's connector uploads a report, then submits a risk assessment citing it and a first inspection, "
        + "against a sandbox that validates every request (signature, headers, schema) and injects faults: 429 with "
        + "Retry-After, 503, a slow answer, dropped connections, an interrupted upload. Settings: connector.id, "
        + "connector.jwks, connector.command [, connector.timeoutSeconds, connector.cycle, sandbox.retryAfterSeconds, "
        + "sandbox.slowAnswerMillis].";
  }

  @Override
  public List<Scenario<?>> scenarios() {
    List<Check<? super ConnectorRun>> checks = ConnectorChecks.standard(OPERATIONS, false);
    return List.of(
        scenario("happy-path", "No faults: every request valid, every record filed once.",
            s -> FaultScript.none(), checks),
        scenario("rate-limited", "The first inspection is answered 429 with Retry-After; the retry must wait and reuse key and body.",
            s -> FaultScript.none().and("submitInspection", 1, new Fault.TooManyRequests(FaultSettings.retryAfter(s))), checks),
        scenario("service-unavailable", "The first risk assessment is answered 503; the retry must reuse key and body.",
            s -> FaultScript.none().and("submitRiskAssessment", 1, new Fault.Unavailable(null)), checks),
        scenario("slow-answer", "The answer to the first inspection is held back past any sane timeout after filing; "
            + "the retry must reuse the key and so get the stored answer.",
            s -> FaultScript.none().and("submitInspection", 1, new Fault.SlowAnswer(FaultSettings.slowAnswer(s))), checks),
        scenario("dropped-connection", "The connection is reset on the first chunk (nothing stored) and after the first "
            + "inspection was filed (answer lost); the connector must resume the upload and repeat the inspection under its key.",
            s -> FaultScript.none()
                .and("appendUploadChunk", 1, new Fault.DroppedConnection(false))
                .and("submitInspection", 1, new Fault.DroppedConnection(true)), checks),
        scenario("media-before-citation", "The upload is interrupted (429 on the first chunk); the risk assessment must "
            + "cite the report only once it is completely uploaded.",
            s -> FaultScript.none().and("appendUploadChunk", 1, new Fault.TooManyRequests(FaultSettings.retryAfter(s))),
            checks));
  }
}
