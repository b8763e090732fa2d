package org.capillary.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.capillary.gateway.jws.ContentDigest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3, "Durability": the gateway runs as a separate process under load, is killed with
 * SIGKILL and restarted; every submission that got a receipt is in the ledger, byte for byte.
 *
 * <p>The run: a gateway process, a fresh insurer on a plan without practical limit, four client
 * threads sending signed writes back to back; after {@link #TARGET_RECEIPTS} receipts (or
 * {@link #LOAD_LIMIT}) the process gets SIGKILL with requests in flight. Restarted on the same
 * store, the gateway must then (1) serve every receipted submission: GET answers 200, a stored
 * status and the very same receipt, which still verifies against the gateway's JWKS; (2) answer every request
 * that got no response, retried with the same idempotency key and body, with 201 (replayed if it
 * had been stored, new otherwise); and (3) hold exactly one ledger row per idempotency key of the
 * connector, each with the body bytes, signature and digest that were sent, and no other row.
 *
 * <p>Subclasses choose the profile and how to read the ledger directly.
 */
abstract class DurabilityCheck {

  static final int THREADS = 4;
  static final int TARGET_RECEIPTS = 300;
  static final Duration LOAD_LIMIT = Duration.ofSeconds(8);
  /** Fewer receipts than this before the kill means the run proved too little. */
  static final int MIN_RECEIPTS = 25;
  /** The lease after which a request the killed gateway held is taken over (production: 30 s). */
  static final String LEASE = "PT2S";

  /**
   * The statuses of a stored submission (spec/schemas/SubmissionStatus.json): ACCEPTED until the
   * projections have run on it, then PROCESSED or REJECTED_BY_RULES.
   */
  static final Set<String> STORED = Set.of("ACCEPTED", "PROCESSED", "REJECTED_BY_RULES");

  @TempDir
  Path workDir;

  /** The gateway of this profile, storing in (or under) the work folder, kept across restarts. */
  abstract GatewayProcess.Builder gateway(Path workDir);

  /** A direct connection to the ledger; called after the restarted gateway has stopped. */
  abstract Connection ledger(Path workDir) throws SQLException;

  /** Called at the end with the connector the test used (e.g. to delete its Redis keys). */
  void cleanUp(FreshConnector connector) throws Exception {}

  @Test
  void everySubmissionThatGotAReceiptSurvivesSigkillByteForByte() throws Exception {
    GatewayProcess.Builder builder = gateway(workDir)
        .property("capillary.gateway.rate-limit.plans.it-bulk.capacity", "1000000")
        .property("capillary.gateway.rate-limit.plans.it-bulk.window", "PT1S")
        .property("capillary.gateway.store.idempotency-lease", LEASE);
    FreshConnector insurer = null;
    try (GatewayProcess first = builder.start()) {
      GatewayHttp http = new GatewayHttp(first);
      insurer = FreshConnector.register(http, "it-bulk");

      SubmissionLoad load = new SubmissionLoad(http, insurer);
      long loadBegin = System.nanoTime();
      load.start(THREADS);
      int receiptsAtKill = load.awaitReceipts(TARGET_RECEIPTS, LOAD_LIMIT);
      long loadMillis = (System.nanoTime() - loadBegin) / 1_000_000;
      load.connectionLost();
      int exit = first.kill();
      load.stopAndJoin(Duration.ofSeconds(20));

      assertThat(exit).as("exit value of SIGKILL (128 + 9)").isEqualTo(137);
      assertThat(load.unexpected()).as("responses other than 201 before the kill").isEmpty();
      List<SentSubmission> sent = load.sent();
      List<SentSubmission> receipted = sent.stream().filter(s -> s.answer() != null).toList();
      List<SentSubmission> unanswered = sent.stream().filter(s -> s.answer() == null).toList();
      assertThat(receipted.size()).as("receipts before the kill").isGreaterThanOrEqualTo(MIN_RECEIPTS);

      try (GatewayProcess second = builder.start()) {
        GatewayHttp again = new GatewayHttp(second);
        Map<String, ECKey> gatewayKeys = gatewayKeys(again);

        List<String> failures = verifyReceipted(again, insurer, receipted, gatewayKeys);
        assertThat(failures).as("receipted submissions after the restart").isEmpty();

        int replayed = retry(again, insurer, unanswered);
        for (SentSubmission s : unanswered) {
          failures.addAll(receiptFailures(s, insurer, gatewayKeys));
        }
        assertThat(failures).as("retried submissions").isEmpty();

        assertThat(second.stop()).as("graceful stop").isIn(0, 143);
        assertLedgerHoldsExactly(sent, insurer);

        System.out.printf(
            "%s: SIGKILL (pid %d, exit %d) after %d ms of load and %d receipts (%d in all, the rest arrived as it died);"
                + " %d requests without response (%d of them stored: replayed on retry); first start %d ms,"
                + " restart %d ms; %d ledger rows verified%n",
            getClass().getSimpleName(), first.pid(), exit, loadMillis, receiptsAtKill, receipted.size(),
            unanswered.size(), replayed, first.startup().toMillis(), second.startup().toMillis(), sent.size());
      }
    } finally {
      if (insurer != null) {
        cleanUp(insurer);
      }
    }
  }

  /** GET of each receipted submission, four at a time; returns what did not match. */
  private static List<String> verifyReceipted(GatewayHttp http, FreshConnector insurer, List<SentSubmission> receipted,
      Map<String, ECKey> gatewayKeys) throws Exception {
    Queue<String> failures = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (SentSubmission s : receipted) {
        done.add(pool.submit(() -> {
          failures.addAll(receiptFailures(s, insurer, gatewayKeys));
          GatewayHttp.Response status = http.get(insurer.signer(), "/v1/submissions/" + s.submissionId());
          if (status.status() != 200) {
            failures.add(s + ": GET " + status);
            return;
          }
          if (!STORED.contains(status.json().path("status").asString())) {
            failures.add(s + ": status " + status.json().path("status"));
          }
          if (!s.receipt().equals(status.json().path("receipt").asString())) {
            failures.add(s + ": another receipt " + status.json().path("receipt"));
          }
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return new ArrayList<>(failures);
  }

  /** The receipt verifies against the gateway's published key and names what was sent. */
  private static List<String> receiptFailures(SentSubmission s, FreshConnector insurer, Map<String, ECKey> gatewayKeys) {
    List<String> failures = new ArrayList<>();
    try {
      JWSObject receipt = JWSObject.parse(s.receipt());
      ECKey key = gatewayKeys.get(receipt.getHeader().getKeyID());
      if (key == null || !receipt.verify(new ECDSAVerifier(key))) {
        failures.add(s + ": receipt does not verify against the JWKS " + gatewayKeys.keySet());
      }
      Map<String, Object> claims = receipt.getPayload().toJSONObject();
      if (!s.submissionId().equals(claims.get("sub")) || !ContentDigest.of(s.body).equals(claims.get("cdg"))
          || !s.idempotencyKey.equals(claims.get("idk")) || !insurer.connectorId().equals(claims.get("cid"))) {
        failures.add(s + ": receipt claims " + claims);
      }
    } catch (Exception e) {
      failures.add(s + ": receipt " + e);
    }
    return failures;
  }

  /**
   * Sends each unanswered request again, same key and body, freshly signed, until it is answered
   * 201 (IDEMPOTENCY_IN_FLIGHT is expected until the dead holder's lease runs out).
   *
   * @return how many were answered as replays (they had been stored before the kill)
   */
  private static int retry(GatewayHttp http, FreshConnector insurer, List<SentSubmission> unanswered) throws Exception {
    int replayed = 0;
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    for (SentSubmission s : unanswered) {
      while (true) {
        String signature = insurer.signer().sign(s.method, s.path, s.body, s.idempotencyKey);
        s.signatures.add(signature);
        GatewayHttp.Response response = http.send(s.method, s.path, s.contentType, s.body, s.idempotencyKey, signature);
        if (response.status() == 201) {
          s.answered(response, false);
          replayed += "true".equals(response.header("Idempotent-Replayed")) ? 1 : 0;
          break;
        }
        assertThat(response.code()).as("%s -> %s", s, response).isEqualTo("IDEMPOTENCY_IN_FLIGHT");
        assertThat(System.nanoTime()).as("%s still in flight after 20 s", s).isLessThan(deadline);
        Thread.sleep(200);
      }
    }
    return replayed;
  }

  /** The connector's ledger rows are exactly the sent requests, one each, verbatim. */
  private void assertLedgerHoldsExactly(List<SentSubmission> sent, FreshConnector insurer) throws SQLException {
    Map<String, List<Row>> rows = new HashMap<>();
    try (Connection c = ledger(workDir);
        PreparedStatement q = c.prepareStatement(
            "SELECT submission_id, idempotency_key, body, signature, content_digest, receipt, status"
                + " FROM submission WHERE connector_id = ?")) {
      q.setString(1, insurer.connectorId());
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          Row row = new Row(rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getString(4), rs.getString(5),
              rs.getString(6), rs.getString(7));
          rows.computeIfAbsent(row.idempotencyKey(), k -> new ArrayList<>()).add(row);
        }
      }
    }
    List<String> failures = new ArrayList<>();
    for (SentSubmission s : sent) {
      List<Row> found = rows.remove(s.idempotencyKey);
      if (found == null || found.size() != 1) {
        failures.add(s + ": " + (found == null ? "no" : found.size()) + " ledger rows");
        continue;
      }
      Row row = found.get(0);
      if (!row.submissionId().equals(s.submissionId())) {
        failures.add(s + ": ledger has " + row.submissionId() + ", the receipt names " + s.submissionId());
      }
      if (!Arrays.equals(row.body(), s.body)) {
        failures.add(s + ": stored body differs from the bytes sent");
      }
      if (s.answeredBeforeRestart() ? !row.signature().equals(s.signatures.get(0)) : !s.signatures.contains(row.signature())) {
        failures.add(s + ": stored signature is not one that was sent");
      }
      if (!row.contentDigest().equals(ContentDigest.of(s.body)) || !row.receipt().equals(s.receipt())
          || !STORED.contains(row.status())) {
        failures.add(s + ": stored digest, receipt or status differs: " + row.status());
      }
    }
    rows.keySet().forEach(key -> failures.add("ledger row for a key never sent: " + key));
    assertThat(failures).as("ledger of %s", insurer.connectorId()).isEmpty();
  }

  private record Row(String submissionId, String idempotencyKey, byte[] body, String signature, String contentDigest,
      String receipt, String status) {}

  private static Map<String, ECKey> gatewayKeys(GatewayHttp http) throws Exception {
    GatewayHttp.Response jwks = http.getPublic("/.well-known/jwks.json");
    assertThat(jwks.status()).isEqualTo(200);
    Map<String, ECKey> keys = new HashMap<>();
    JWKSet.parse(jwks.text()).getKeys().forEach(k -> keys.put(k.getKeyID(), k.toECKey()));
    return keys;
  }
}
