package org.capillary.examples.device;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.capillary.sdk.exception.CapillaryClientException;
import org.capillary.sdk.exception.CapillaryServiceException;
import org.capillary.sdk.models.AlertEvent;
import org.capillary.sdk.models.ReceiptClaims;
import org.capillary.sdk.models.SubmissionReceipt;
import org.capillary.sdk.models.SubmissionReceiptDocument;
import org.capillary.sdk.upload.UploadedMedia;

/** A fixed clock, a site, and a gateway that can be switched off, for the unit tests. */
final class Fixtures {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T01:30:00Z"), ZoneOffset.UTC);
  static final SiteDevices SITE = SiteDevices.forProject("FT-XS-20260302TEST01");

  private Fixtures() {
  }

  /**
   * A gateway in memory: records every upload and publication (the JSON octets the SDK would send),
   * answers like the real one, and can be made unreachable or made to lose its answers.
   */
  static final class FakeGateway implements AlertGateway {
    final List<String> uploads = new ArrayList<>();
    final List<Published> published = new ArrayList<>();
    boolean reachable = true;
    /** Fail the publication of the next deliveries after storing them: the answer is lost. */
    int loseAnswers;
    /** Refuse publications for good with this status (e.g. 422), when not 0. */
    int refuseWith;
    private final AtomicInteger ids = new AtomicInteger();

    record Published(String idempotencyKey, boolean batch, String json) {
    }

    @Override
    public UploadedMedia upload(Path file, AlertMedia media, String projectId) {
      if (!reachable) {
        throw new CapillaryClientException("createUpload failed: ConnectException", new java.net.ConnectException());
      }
      try {
        byte[] content = Files.readAllBytes(file);
        uploads.add(file.getFileName().toString());
        return new UploadedMedia("med-" + ids.incrementAndGet(), sha256(content), content.length);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public SubmissionReceipt publish(List<AlertEvent> events, boolean batch, String idempotencyKey) {
      if (!reachable) {
        throw new CapillaryClientException("publishAlert failed: ConnectException", new java.net.ConnectException());
      }
      if (refuseWith != 0) {
        throw new CapillaryServiceException(refuseWith + " VALIDATION_FAILED", refuseWith, "req-1", null, List.of(),
            false);
      }
      String json;
      try {
        json = JournalJson.MAPPER.writeValueAsString(batch ? events : events.get(0));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Published earlier = published.stream().filter(p -> p.idempotencyKey().equals(idempotencyKey)).findFirst()
          .orElse(null);
      if (earlier != null && !earlier.json().equals(json)) {
        throw new CapillaryServiceException("422 IDEMPOTENCY_KEY_REUSED", 422, "req-2", null, List.of(), false);
      }
      if (earlier == null) {
        published.add(new Published(idempotencyKey, batch, json));
      }
      if (loseAnswers > 0) {
        loseAnswers--;
        throw new CapillaryClientException("publishAlert failed: HttpTimeoutException",
            new java.net.http.HttpTimeoutException("read timed out"));
      }
      return receipt(idempotencyKey, earlier != null);
    }

    private SubmissionReceipt receipt(String key, boolean replayed) {
      String sub = "sub_" + Map.of().size() + ids.incrementAndGet();
      ReceiptClaims claims = new ReceiptClaims("cn-440304", sub, "demo-camera-vendor", "publishAlert", SITE.projectId(),
          "sha-256=:x:", ids.get(), CLOCK.instant(), "jti-" + ids.get(), key);
      return new SubmissionReceipt(new SubmissionReceiptDocument(), claims, key, replayed);
    }
  }

  static String sha256(byte[] content) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
