package org.capillary.gateway.it;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * One write a test sent: what was sent (exactly), every signature it was sent with, and the 201
 * answer once one arrived.
 */
final class SentSubmission {

  final String method;
  final String path;
  final String contentType;
  final byte[] body;
  final String idempotencyKey;
  /** Every Capillary-Signature this request was sent with, first attempt first. */
  final List<String> signatures = new CopyOnWriteArrayList<>();
  private volatile GatewayHttp.@Nullable Response answer;
  private volatile boolean answeredBeforeRestart;

  SentSubmission(String method, String path, String contentType, byte[] body, String idempotencyKey) {
    this.method = method;
    this.path = path;
    this.contentType = contentType;
    this.body = body;
    this.idempotencyKey = idempotencyKey;
  }

  /** Records the 201 answer. */
  void answered(GatewayHttp.Response response, boolean beforeRestart) {
    this.answer = response;
    this.answeredBeforeRestart = beforeRestart;
  }

  /** The 201 answer, or null if none arrived (yet). */
  GatewayHttp.@Nullable Response answer() {
    return answer;
  }

  /** Whether the receipt arrived from the gateway that was then killed. */
  boolean answeredBeforeRestart() {
    return answeredBeforeRestart;
  }

  /** The submission id of the answer. */
  String submissionId() {
    return requireAnswer().json().path("submissionId").asString();
  }

  /** The receipt (compact JWS) of the answer. */
  String receipt() {
    return requireAnswer().json().path("receipt").asString();
  }

  private GatewayHttp.Response requireAnswer() {
    GatewayHttp.Response a = answer;
    if (a == null) {
      throw new IllegalStateException("no answer to " + idempotencyKey);
    }
    return a;
  }

  @Override
  public String toString() {
    return method + " " + path + " idk=" + idempotencyKey;
  }
}
