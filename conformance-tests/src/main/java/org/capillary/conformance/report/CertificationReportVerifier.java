package org.capillary.conformance.report;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.capillary.conformance.run.TranscriptEntry;
import org.capillary.conformance.run.TranscriptVerifier;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Verifies a certification report offline, in this order, stopping at the first failure that makes
 * the rest meaningless: (1) a compact JWS with header {@code alg} ES256 and {@code typ}
 * {@code capillary-certification+jws}; (2) its {@code kid} in the operator's JWK Set, an EC P-256
 * public key; (3) the signature; (4) the claims are complete; (5) the contract digest is this
 * suite's contract's; (6) the validity period contains now (else EXPIRED); (7) the status follows
 * from the results; and, when the transcript is given, (8) its hash chain holds, (9) its head hash
 * and length are those signed, and (10) its check entries are the results signed.
 *
 * <p>Thread-safe.
 */
public final class CertificationReportVerifier {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JWKSet keys;
  private final Clock clock;
  private final String expectedContractDigest;

  private CertificationReportVerifier(JWKSet keys, Clock clock, String expectedContractDigest) {
    this.keys = keys;
    this.clock = clock;
    this.expectedContractDigest = expectedContractDigest;
  }

  /**
   * A verifier trusting the given keys, checking reports against this suite's contract.
   *
   * @param keys the operator's public certification keys
   * @param clock the clock for the validity period
   * @return the verifier
   */
  public static CertificationReportVerifier create(JWKSet keys, Clock clock) {
    return new CertificationReportVerifier(keys, clock, ContractDigest.ofSuiteContract());
  }

  /**
   * Reads a JWK Set, or a single JWK, from a file. Private members are dropped.
   *
   * @param file the file
   * @return the public keys
   * @throws IllegalArgumentException if it holds neither
   * @throws UncheckedIOException if it cannot be read
   */
  public static JWKSet readKeys(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    try {
      JsonNode json = JSON.readTree(text);
      return (json.has("keys") ? JWKSet.parse(text) : new JWKSet(JWK.parse(text))).toPublicJWKSet();
    } catch (ParseException | JacksonException e) {
      throw new IllegalArgumentException(file + " is neither a JWK Set nor a JWK", null);
    }
  }

  /**
   * Verifies a report.
   *
   * @param compactJws the report
   * @param transcript the run's transcript file, or {@code null} to verify the report alone
   * @return the outcome, with every problem found
   */
  public ReportVerification verify(String compactJws, @Nullable Path transcript) {
    Objects.requireNonNull(compactJws, "compactJws");
    List<String> problems = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    JWSObject jws;
    try {
      jws = JWSObject.parse(compactJws.strip());
    } catch (ParseException e) {
      return invalid("the report is not a compact JWS: " + e.getMessage());
    }
    if (!JWSAlgorithm.ES256.equals(jws.getHeader().getAlgorithm())) {
      return invalid("the report's alg is " + jws.getHeader().getAlgorithm() + ", only ES256 is accepted");
    }
    if (!new JOSEObjectType(CertificationReport.TYPE).equals(jws.getHeader().getType())) {
      return invalid("the report's typ is " + jws.getHeader().getType() + ", not " + CertificationReport.TYPE);
    }
    if (jws.getHeader().getCriticalParams() != null || jws.getHeader().getJWK() != null || jws.getHeader().getJWKURL() != null
        || jws.getHeader().getX509CertChain() != null || jws.getHeader().getX509CertURL() != null) {
      return invalid("the report's header carries crit, jwk, jku, x5c or x5u: keys come only from the operator's JWK Set");
    }
    String kid = jws.getHeader().getKeyID();
    JWK jwk = kid == null ? null : keys.getKeyByKeyId(kid);
    if (jwk == null) {
      return invalid("the report is signed with key " + kid + ", which is not in the given JWK Set");
    }
    if (!(jwk instanceof ECKey ec) || !Curve.P_256.equals(ec.getCurve())) {
      return invalid("key " + kid + " of the JWK Set is not an EC P-256 key");
    }
    try {
      if (!jws.verify(new ECDSAVerifier(ec.toPublicJWK()))) {
        return invalid("the signature does not verify with key " + kid + ": the report was changed after signing, or signed by another key");
      }
    } catch (JOSEException e) {
      return invalid("the signature cannot be verified: " + e.getMessage());
    }
    JsonNode claims;
    try {
      claims = JSON.readTree(jws.getPayload().toBytes());
    } catch (JacksonException e) {
      return invalid("the signed payload is not JSON");
    }
    for (String member : List.of("iss", "iat", "nbf", "exp", "suite", "contract", "plan", "target", "status", "results", "transcript")) {
      if (!claims.has(member)) {
        problems.add("the report lacks the claim " + member);
      }
    }
    if (!problems.isEmpty()) {
      return new ReportVerification(problems, notes, claims);
    }
    String digest = claims.path("contract").path("digest").asString("");
    if (!digest.equals(expectedContractDigest)) {
      problems.add("the report's contract digest " + digest + " differs from this suite's contract " + expectedContractDigest);
    }
    if (!SuiteVersion.NAME.equals(claims.path("suite").path("name").asString(""))) {
      problems.add("the report was not issued by " + SuiteVersion.NAME);
    } else if (!SuiteVersion.version().equals(claims.path("suite").path("version").asString(""))) {
      notes.add("issued by suite version " + claims.path("suite").path("version").asString("") + ", verified by " + SuiteVersion.version());
    }
    Instant now = clock.instant();
    if (now.getEpochSecond() < claims.path("nbf").asLong()) {
      problems.add("the report is not valid before " + Instant.ofEpochSecond(claims.path("nbf").asLong()));
    }
    if (now.getEpochSecond() >= claims.path("exp").asLong()) {
      problems.add("the report is " + CertificationStatus.EXPIRED.label() + ": its validity ended at "
          + Instant.ofEpochSecond(claims.path("exp").asLong()));
    }
    checkStatus(claims, problems);
    if (transcript != null) {
      checkTranscript(claims, transcript, problems);
    }
    return new ReportVerification(problems, notes, claims);
  }

  private static void checkStatus(JsonNode claims, List<String> problems) {
    String stated = claims.path("status").asString("");
    CertificationStatus status;
    try {
      status = CertificationStatus.fromLabel(stated);
    } catch (IllegalArgumentException e) {
      problems.add("the report's status " + stated + " is not a certification status");
      return;
    }
    if (status == CertificationStatus.SUSPENDED || status == CertificationStatus.EXPIRED) {
      return;
    }
    boolean mandatoryFailed = false;
    boolean anyFailed = false;
    for (JsonNode r : claims.path("results")) {
      boolean failed = CertificationReport.failed(r.path("status").asString(""));
      anyFailed |= failed;
      mandatoryFailed |= failed && r.path("mandatory").asBoolean(true);
    }
    CertificationStatus earned = mandatoryFailed ? CertificationStatus.IN_REVISION
        : anyFailed ? CertificationStatus.CONDITIONAL : CertificationStatus.PASS;
    if (earned != status) {
      problems.add("the report states " + stated + " but its results earn " + earned.label());
    }
  }

  private static void checkTranscript(JsonNode claims, Path file, List<String> problems) {
    TranscriptVerifier.Verification verification = TranscriptVerifier.verify(file);
    if (verification instanceof TranscriptVerifier.Broken broken) {
      problems.add("the transcript's hash chain is broken: " + broken.reason());
      return;
    }
    TranscriptVerifier.Intact intact = (TranscriptVerifier.Intact) verification;
    String signedHead = claims.path("transcript").path("headHash").asString("");
    if (!intact.headHash().equals(signedHead)) {
      problems.add("the transcript's head hash " + intact.headHash() + " is not the signed one " + signedHead
          + " (another run's transcript, or entries added or removed at its end)");
      return;
    }
    long signedEntries = claims.path("transcript").path("entries").asLong();
    if (intact.entries().size() != signedEntries) {
      problems.add("the transcript has " + intact.entries().size() + " entries, the report signed " + signedEntries);
    }
    List<TranscriptEntry> checks = intact.entries().stream().filter(e -> e.kind().equals("check")).toList();
    JsonNode results = claims.path("results");
    if (checks.size() != results.size()) {
      problems.add("the transcript records " + checks.size() + " check results, the report " + results.size());
      return;
    }
    for (int i = 0; i < checks.size(); i++) {
      JsonNode recorded = checks.get(i).data();
      JsonNode reported = results.get(i);
      for (String member : List.of("scenario", "check", "status", "mandatory")) {
        if (!recorded.path(member).equals(reported.path(member))) {
          problems.add("result " + (i + 1) + " (" + reported.path("check").asString("") + "): the report says "
              + member + " " + reported.path(member) + ", the transcript (entry " + checks.get(i).seq() + ") " + recorded.path(member));
        }
      }
    }
  }

  private static ReportVerification invalid(String problem) {
    return new ReportVerification(List.of(problem), List.of(), null);
  }
}
