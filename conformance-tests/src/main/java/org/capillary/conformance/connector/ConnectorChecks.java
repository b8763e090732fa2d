package org.capillary.conformance.connector;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.capillary.conformance.connector.check.CheckEveryRequestSigned;
import org.capillary.conformance.connector.check.EnsureAlertIdentityUnique;
import org.capillary.conformance.connector.check.EnsureConnectorCompletedDespiteFaults;
import org.capillary.conformance.connector.check.EnsureFreshSignaturePerAttempt;
import org.capillary.conformance.connector.check.EnsureInstructedRecordsSubmitted;
import org.capillary.conformance.connector.check.EnsureMediaUploadedBeforeCited;
import org.capillary.conformance.connector.check.EnsureNothingSubmittedTwice;
import org.capillary.conformance.connector.check.EnsureRequestsAddressContractOperations;
import org.capillary.conformance.connector.check.EnsureRetryAfterHonoured;
import org.capillary.conformance.connector.check.EnsureRetryReusesBody;
import org.capillary.conformance.connector.check.EnsureRetryReusesIdempotencyKey;
import org.capillary.conformance.connector.check.EnsureSignatureBindsRequest;
import org.capillary.conformance.connector.check.EnsureSignatureIssuedNow;
import org.capillary.conformance.connector.check.ValidateRequestBodiesAgainstSchema;
import org.capillary.conformance.connector.check.ValidateRequestHeaders;
import org.capillary.conformance.plan.Check;

/** The checks every connector scenario runs: all of them, every time (none can be deselected). */
final class ConnectorChecks {

  private ConnectorChecks() {}

  static List<Check<? super ConnectorRun>> standard(Set<String> instructedOperations, boolean alerts) {
    List<Check<? super ConnectorRun>> checks = new ArrayList<>(List.of(
        new EnsureRequestsAddressContractOperations(),
        new CheckEveryRequestSigned(),
        new EnsureSignatureBindsRequest(),
        new EnsureSignatureIssuedNow(),
        new EnsureFreshSignaturePerAttempt(),
        new ValidateRequestHeaders(),
        new ValidateRequestBodiesAgainstSchema(),
        new EnsureRetryReusesIdempotencyKey(),
        new EnsureRetryReusesBody(),
        new EnsureRetryAfterHonoured(),
        new EnsureNothingSubmittedTwice(),
        new EnsureMediaUploadedBeforeCited(),
        new EnsureInstructedRecordsSubmitted(instructedOperations),
        new EnsureConnectorCompletedDespiteFaults()));
    if (alerts) {
      checks.add(new EnsureAlertIdentityUnique());
    }
    return List.copyOf(checks);
  }
}
