package org.capillary.gateway.admin;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.capillary.gateway.connector.ConnectorAdministration;
import org.capillary.gateway.store.SubmissionEffect;
import org.capillary.spec.contract.OperationMatch;
import org.springframework.stereotype.Component;

/**
 * The operator's connector operations (register, update or suspend, add, rotate and revoke keys)
 * are signed submissions like any other: they are stored in the ledger, and their change to the
 * connector registry is an effect of the same transaction, so the ledger is the record of who
 * changed which key when.
 */
@Component
public class AdminEffects {

  private static final Set<String> OPERATIONS =
      Set.of("registerConnector", "updateConnector", "addConnectorKey", "rotateConnectorKey", "revokeConnectorKey");

  private final ConnectorAdministration administration;

  /**
   * @param administration the connector registry's write side
   */
  public AdminEffects(ConnectorAdministration administration) {
    this.administration = administration;
  }

  /**
   * The effect of an admin request, bound to its path parameters.
   *
   * @param match the request's operation and path parameters
   * @return the effect, or empty if the operation is not a connector operation
   */
  public Optional<SubmissionEffect> forRequest(OperationMatch match) {
    String operationId = match.operation().operationId();
    if (!OPERATIONS.contains(operationId)) {
      return Optional.empty();
    }
    Map<String, String> pathParameters = match.pathParameters();
    return Optional.of((tx, ctx) -> administration.apply(operationId, tx, ctx.json(), pathParameters, ctx.receivedAt()));
  }
}
