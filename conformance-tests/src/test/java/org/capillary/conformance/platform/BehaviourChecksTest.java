package org.capillary.conformance.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.capillary.conformance.plan.Status;
import org.capillary.conformance.run.HashChainedTranscript;
import org.junit.jupiter.api.Test;

class BehaviourChecksTest {

  private final HashChainedTranscript transcript = new HashChainedTranscript();
  private final Exchange accepted = Exchanges.of("first", 201, "{\"receipt\":\"a.b.c\"}", "RateLimit-Policy", "\"standard\";q=100;w=1",
      "RateLimit", "\"standard\";r=99;t=1");

  @Test
  void idempotentReplayReturnsTheStoredResponse() throws Exception {
    var check = new ExpectIdempotentReplay();
    Exchange replay = Exchanges.of("retry", 201, "{\"receipt\":\"a.b.c\"}", "Idempotent-Replayed", "true");
    Exchange unmarked = Exchanges.of("retry", 201, "{\"receipt\":\"a.b.c\"}");
    Exchange fresh = Exchanges.of("retry", 201, "{\"receipt\":\"d.e.f\"}", "Idempotent-Replayed", "true");
    Exchange other = Exchanges.problem("o", 422, "IDEMPOTENCY_KEY_REUSED");
    assertThat(check.run(new IdempotencyRun(accepted, replay, other), transcript).status()).isEqualTo(Status.PASS);
    assertThat(check.run(new IdempotencyRun(accepted, unmarked, other), transcript).summary()).contains("not marked");
    assertThat(check.run(new IdempotencyRun(accepted, fresh, other), transcript).summary()).contains("body differs");
    assertThat(new ExpectIdempotencyKeyReuseRejected().run(new IdempotencyRun(accepted, replay, other), transcript).status())
        .isEqualTo(Status.PASS);
    assertThat(new ExpectIdempotencyKeyReuseRejected().run(new IdempotencyRun(accepted, replay, replay), transcript).status())
        .isEqualTo(Status.FAIL);
  }

  @Test
  void rateLimitHeadersAndRefusal() throws Exception {
    assertThat(new EnsureRateLimitHeadersPresent().run(new RateLimitRun(accepted, List.of(), "n/a"), transcript).status())
        .isEqualTo(Status.PASS);
    assertThat(new EnsureRateLimitHeadersPresent().run(new RateLimitRun(Exchanges.of("a", 201, "{}"), List.of(), "n/a"), transcript)
        .status()).isEqualTo(Status.FAIL);
    var limited = new ExpectRateLimitedWithRetryAfter();
    assertThat(limited.run(new RateLimitRun(accepted, List.of(), "no small plan"), transcript).status()).isEqualTo(Status.NOT_APPLICABLE);
    Exchange refused = Exchanges.of("burst-2", 429, "{\"code\":\"RATE_LIMITED\"}", "Retry-After", "3", "RateLimit", "\"tiny\";r=0;t=3",
        "RateLimit-Policy", "\"tiny\";q=1;w=3600");
    assertThat(limited.run(new RateLimitRun(accepted, List.of(accepted, refused), null), transcript).status()).isEqualTo(Status.PASS);
    Exchange noRetryAfter = Exchanges.of("burst-2", 429, "{\"code\":\"RATE_LIMITED\"}", "RateLimit", "x", "RateLimit-Policy", "y");
    assertThat(limited.run(new RateLimitRun(accepted, List.of(accepted, noRetryAfter), null), transcript).summary())
        .contains("Retry-After");
    assertThat(limited.run(new RateLimitRun(accepted, List.of(accepted, accepted), null), transcript).summary()).contains("no 429");
  }

  @Test
  void cursorPagesMustBeCompleteAndInOrder() throws Exception {
    var check = new ExpectCursorPagesComplete();
    List<Exchange> published = List.of(accepted, accepted);
    Exchange p1 = page("e1", "c1");
    Exchange p2 = page("e2", null);
    assertThat(check.run(new PaginationRun(List.of("e1", "e2"), published, List.of(p1, p2), 1), transcript).status())
        .isEqualTo(Status.PASS);
    assertThat(check.run(new PaginationRun(List.of("e2", "e1"), published, List.of(p1, p2), 1), transcript).status())
        .isEqualTo(Status.FAIL);
    assertThat(check.run(new PaginationRun(List.of("e1", "e2"), published, List.of(p1), 1), transcript).summary())
        .contains("did not end");
  }

  private static Exchange page(String id, String next) {
    return Exchanges.of("page", 200, "{\"items\":[{\"event\":{\"id\":\"" + id + "\"}}],\"page\":{\"limit\":1,\"nextCursor\":"
        + (next == null ? "null" : "\"" + next + "\"") + "}}");
  }

  @Test
  void uploadsResumeAndRefuseWrongOffsetsAndChecksums() throws Exception {
    Exchange half = Exchanges.of("first", 204, "", "Upload-Offset", "5");
    Exchange rest = Exchanges.of("rest", 204, "", "Upload-Offset", "10");
    Exchange head = Exchanges.of("head", 200, "", "Upload-Offset", "5");
    Exchange offsetMismatch = Exchanges.problem("w", 409, "UPLOAD_OFFSET_MISMATCH");
    Exchange checksum = Exchanges.problem("c", 460, "UPLOAD_CHECKSUM_MISMATCH");
    Exchange options = Exchanges.of("o", 204, "", "Tus-Resumable", "1.0.0", "Tus-Version", "1.0.0",
        "Tus-Extension", "creation,checksum,termination", "Tus-Checksum-Algorithm", "sha256");
    UploadRun good = new UploadRun(options, accepted, half, head, offsetMismatch, checksum, rest, 10, 5);
    UploadRun bad = new UploadRun(Exchanges.of("o", 204, ""), accepted, half, Exchanges.of("head", 200, "", "Upload-Offset", "0"),
        checksum, offsetMismatch, Exchanges.of("rest", 204, "", "Upload-Offset", "7"), 10, 5);
    var checks = List.of(new ExpectTusCapabilities(), new ExpectUploadOffsetReported(), new ExpectOffsetMismatchRejected(),
        new ExpectChecksumMismatchRejected(), new ExpectUploadCompletes());
    for (var check : checks) {
      assertThat(check.run(good, transcript).status()).as(check.name()).isEqualTo(Status.PASS);
      assertThat(check.run(bad, transcript).status()).as(check.name()).isEqualTo(Status.FAIL);
    }
  }

  @Test
  void readsMustAnswer200WithTheirDeclaredSchemaOrTheUploadedBytes() throws Exception {
    var contract = PlatformSession.sharedContract();
    var check = new ExpectReadOperationsAnswered();
    byte[] media = "bytes".getBytes();
    Exchange content = new Exchange("getMediaContent", "GET", "/v1/media/m/content", java.util.Map.of(), new byte[0], 200,
        java.util.Map.of(), media, null);
    Exchange badProject = Exchanges.of("getProject", 200, "{\"unexpected\":true}");
    var good = new ReadRun(List.of(new ReadRun.Read(contract.operation("getMediaContent").orElseThrow(), content)), List.of(), media);
    var bad = new ReadRun(List.of(new ReadRun.Read(contract.operation("getProject").orElseThrow(), badProject),
        new ReadRun.Read(contract.operation("getMediaContent").orElseThrow(), content)), List.of(), "other".getBytes());
    assertThat(check.run(good, transcript).status()).isEqualTo(Status.PASS);
    var result = check.run(bad, transcript);
    assertThat(result.status()).isEqualTo(Status.FAIL);
    assertThat(result.evidence()).anyMatch(e -> e.startsWith("getProject: schemas/ProjectView.json"))
        .anyMatch(e -> e.endsWith("not the bytes uploaded"));
    assertThat(check.requirements()).contains("CAP-API-11", "CAP-OPS-02").doesNotContain("CAP-API-10");
  }
}
