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
 * Certifies a device vendor's connector (camera, AI box): it uploads a snapshot (tus), publishes a
 * single AI alert citing it, a minimal alert, and a batch of two (CloudEvents structured and batched
 * mode), against a sandbox that plays the platform — once without faults, then under 429 with
 * Retry-After, 503, a slow answer, dropped connections before and after filing (the
 * {@code (source, id)} deduplication case), and an interrupted upload.
 *
 * <p>Settings as {@link InsurerConnectorPlan}.
 */
public final class DeviceConnectorPlan extends ConnectorPlan {

  private static final Set<String> OPERATIONS = Set.of("createUpload", "appendUploadChunk", "publishAlert",
      "publishAlertBatch");

  /** The plan for a connector run as a command ({@link CommandConnector#fromSettings}). */
  public DeviceConnectorPlan() {
    super(null, InstructionSets::device);
  }

  /**
   * The plan for a given connector.
   *
   * @param connectors makes the connector under test
   */
  public DeviceConnectorPlan(ConnectorProvider connectors) {
    super(connectors, InstructionSets::device);
  }

  @Override
  public String id() {
    return "device-connector";
  }

  @Override
  public String role() {
    return "DEVICE_VENDOR";
  }

  @Override
  public String description() {
    return "A device vendor's connector uploads a snapshot, then publishes single and batched CloudEvents alerts, "
        + "against a sandbox that validates every request and injects faults: 429 with Retry-After, 503, a slow answer, "
        + "dropped connections before and after filing (deduplication by (source, id)), an interrupted upload. "
        + "Settings: connector.id, connector.jwks, connector.command [, connector.timeoutSeconds, "
        + "connector.cycle, sandbox.retryAfterSeconds, sandbox.slowAnswerMillis].";
  }

  @Override
  public List<Scenario<?>> scenarios() {
    List<Check<? super ConnectorRun>> checks = ConnectorChecks.standard(OPERATIONS, true);
    return List.of(
        scenario("happy-path", "No faults: every alert valid and filed once.", s -> FaultScript.none(), checks),
        scenario("rate-limited", "The first single alert is answered 429 with Retry-After.",
            s -> FaultScript.none().and("publishAlert", 1, new Fault.TooManyRequests(FaultSettings.retryAfter(s))), checks),
        scenario("service-unavailable", "The first batch is answered 503 with Retry-After.",
            s -> FaultScript.none().and("publishAlertBatch", 1, new Fault.Unavailable(FaultSettings.retryAfter(s))), checks),
        scenario("slow-answer", "The answer to the first single alert is held back past any sane timeout after filing.",
            s -> FaultScript.none().and("publishAlert", 1, new Fault.SlowAnswer(FaultSettings.slowAnswer(s))), checks),
        scenario("dropped-connection", "The connection is reset before the first batch is stored; the batch must be sent again.",
            s -> FaultScript.none().and("publishAlertBatch", 1, new Fault.DroppedConnection(false)), checks),
        scenario("alert-dedup", "The answers to the first single alert and the first batch are lost after filing; "
            + "resending must not file any (source, id) twice.",
            s -> FaultScript.none()
                .and("publishAlert", 1, new Fault.DroppedConnection(true))
                .and("publishAlertBatch", 1, new Fault.DroppedConnection(true)), checks),
        scenario("media-before-citation", "The snapshot upload is interrupted (503 on the first chunk); the alert must "
            + "cite it only once complete.",
            s -> FaultScript.none().and("appendUploadChunk", 1, new Fault.Unavailable(null)), checks));
  }
}
