package org.capillary.conformance.sandbox;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.capillary.spec.contract.Operation;
import org.jspecify.annotations.Nullable;

/**
 * The sandbox inside WireMock: every request is judged ({@link RequestJudge}), then answered with
 * its problem, its scripted fault or the platform's answer ({@link PlatformState}), and recorded.
 */
final class SandboxTransformer implements ResponseDefinitionTransformerV2 {

  private final RequestJudge judge;
  private final PlatformState state;
  private final FaultScript faults;
  private final Clock clock;
  private final List<ReceivedRequest> received = new ArrayList<>();
  private final Map<String, Integer> occurrences = new HashMap<>();
  private int writes;

  SandboxTransformer(RequestJudge judge, PlatformState state, FaultScript faults, Clock clock) {
    this.judge = judge;
    this.state = state;
    this.faults = faults;
    this.clock = clock;
  }

  @Override
  public String getName() {
    return "capillary-sandbox";
  }

  synchronized List<ReceivedRequest> received() {
    return List.copyOf(received);
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    Request r = event.getRequest();
    Instant at = clock.instant();
    String method = r.getMethod().value();
    String target = r.getUrl();
    byte[] body = r.getBody() == null ? new byte[0] : r.getBody();
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : RequestJudge.KEPT_HEADERS) {
      HttpHeader h = r.header(name);
      if (h != null && h.isPresent()) {
        headers.put(name, h.values());
      }
    }
    RequestJudge.Judgement j = judge.judge(method, target, headers, body);
    Operation op = j.match() == null ? null : j.match().operation();
    Fault fault = null;
    Answer answer;
    if (!j.findings().isEmpty() || op == null) {
      answer = Answer.problem(j.findings().get(0));
    } else {
      fault = faultFor(op);
      answer = fault != null && !fault.afterFiling()
          ? faultAnswer(fault)
          : state.answer(op, target, RequestJudge.kept(headers), body, j.json(), j.signature());
    }
    boolean reset = fault instanceof Fault.DroppedConnection;
    record(new ReceivedRequest(0, at, method, target, op == null ? null : op.operationId(), op != null && op.isWrite(),
        RequestJudge.kept(headers), body, RequestSignatureVerifier.contentDigest(body), j.signature(), j.findings(),
        fault, reset ? 0 : answer.status(), reset ? null : answer.code(), answer.submissionId(), answer.replayed()));
    return toResponse(answer, fault);
  }

  private synchronized @Nullable Fault faultFor(Operation op) {
    int n = occurrences.merge(op.operationId(), 1, Integer::sum);
    int w = op.isWrite() ? ++writes : 0;
    return faults.faultFor(op.operationId(), n, op.isWrite(), w).orElse(null);
  }

  private synchronized void record(ReceivedRequest request) {
    received.add(new ReceivedRequest(received.size() + 1, request.receivedAt(), request.method(), request.target(),
        request.operationId(), request.write(), request.headers(), request.body(), request.contentDigest(),
        request.signature(), request.findings(), request.fault(), request.status(), request.problemCode(),
        request.submissionId(),
        request.replayed()));
  }

  private static Answer faultAnswer(Fault fault) {
    if (fault instanceof Fault.TooManyRequests t) {
      return Answer.problem(429, "RATE_LIMITED", "the sandbox's fault script: rate plan exhausted",
          Map.of("Retry-After", Long.toString(t.retryAfter().toSeconds())));
    }
    if (fault instanceof Fault.Unavailable u) {
      return Answer.problem(503, "SERVICE_UNAVAILABLE", "the sandbox's fault script: nothing was stored",
          u.retryAfter() == null ? Map.of() : Map.of("Retry-After", Long.toString(u.retryAfter().toSeconds())));
    }
    return Answer.empty(0, Map.of());
  }

  private static ResponseDefinition toResponse(Answer answer, @Nullable Fault fault) {
    ResponseDefinitionBuilder b = ResponseDefinitionBuilder.responseDefinition();
    if (fault instanceof Fault.DroppedConnection) {
      return b.withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER).build();
    }
    b.withStatus(answer.status());
    answer.headers().forEach(b::withHeader);
    if (answer.body().length > 0) {
      b.withBody(answer.body());
    }
    if (fault instanceof Fault.SlowAnswer slow) {
      b.withFixedDelay((int) slow.delay().toMillis());
    }
    return b.build();
  }
}
