package org.capillary.gateway.store;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The 201 response body of an accepted write (spec/schemas/SubmissionReceipt.json). Written from
 * the stored columns alone, so the bytes made at append time and the bytes made again from the
 * ledger later are the same.
 */
final class SubmissionReceiptBody {

  private SubmissionReceiptBody() {}

  static byte[] write(
      String submissionId,
      String connectorId,
      String operationId,
      @Nullable String projectId,
      String contentDigest,
      long seq,
      Instant receivedAt,
      String receipt) {
    JsonMapper mapper = JsonMapper.shared();
    ObjectNode node = mapper.createObjectNode();
    node.put("submissionId", submissionId);
    node.put("status", StoredSubmission.ACCEPTED);
    node.put("connectorId", connectorId);
    node.put("operationId", operationId);
    if (projectId == null) {
      node.putNull("projectId");
    } else {
      node.put("projectId", projectId);
    }
    node.put("contentDigest", contentDigest);
    node.put("sequence", seq);
    node.put("receivedAt", rfc3339(receivedAt));
    node.put("receipt", receipt);
    return mapper.writeValueAsBytes(node);
  }

  /** RFC 3339 in UTC ("Z" is the offset), with as many fraction digits as the instant needs. */
  static String rfc3339(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant);
  }
}
