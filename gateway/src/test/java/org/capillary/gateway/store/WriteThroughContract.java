package org.capillary.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link CoverageEffect}, {@link DeviceEffect} and {@link JdbcAuthorizationStore} on a real
 * database, through {@link JdbcLedger#append} as the pipeline uses them.
 */
interface WriteThroughContract extends StoreContract {

  static String policy(String policyId, String... projectIds) {
    StringBuilder projects = new StringBuilder();
    for (String p : projectIds) {
      projects.append(projects.length() == 0 ? "" : ",")
          .append("{\"projectId\":\"").append(p).append("\",\"subdistrictCode\":\"440304006\"}");
    }
    return "{\"policyId\":\"" + policyId + "\",\"projects\":[" + projects + "]}";
  }

  static String device(String deviceId, String projectId, String kind) {
    return "{\"deviceId\":\"" + deviceId + "\",\"projectId\":\"" + projectId
        + "\",\"kind\":\"" + kind + "\"}";
  }

  default String registerPolicy(Stores s, String insurer, String body) {
    return StoreContract.codeOf(() -> s.ledger.append(Stores.submission(insurer,
        Stores.unique("k"), "registerPolicy", Stores.utf8(body), new CoverageEffect()),
        Stores::receipt).block(TIMEOUT));
  }

  default String registerDevice(Stores s, String vendor, String body) {
    return StoreContract.codeOf(() -> s.ledger.append(Stores.submission(vendor,
        Stores.unique("k"), "registerDevice", Stores.utf8(body), new DeviceEffect()),
        Stores::receipt).block(TIMEOUT));
  }

  @Test
  default void registerPolicyRecordsTheInsurerOfEachProject() {
    Stores s = stores();
    String p1 = Stores.unique("FT");
    String p2 = Stores.unique("FT");
    String pol = Stores.unique("pol");
    assertThat(registerPolicy(s, "insurer-a", policy(pol, p1, p2))).isNull();
    assertThat(s.authorization.insurerOf(p1).block(TIMEOUT)).contains("insurer-a");
    assertThat(s.authorization.coverage(p2).block(TIMEOUT))
        .contains(new ProjectCoverage(p2, "insurer-a", pol, "440304006"));
    assertThat(s.authorization.insurerOf(Stores.unique("FT")).block(TIMEOUT)).isEmpty();
  }

  @Test
  default void registerPolicyRecordsItsInsurerAndPolicyIdsAreDistrictWide() {
    Stores s = stores();
    String pol = Stores.unique("pol");
    assertThat(registerPolicy(s, "insurer-a", policy(pol, Stores.unique("FT")))).isNull();
    assertThat(s.authorization.insurerOfPolicy(pol).block(TIMEOUT)).contains("insurer-a");
    assertThat(registerPolicy(s, "insurer-a", policy(pol, Stores.unique("FT")))).isNull();

    String otherProject = Stores.unique("FT");
    assertThat(registerPolicy(s, "insurer-b", policy(pol, otherProject))).isEqualTo("CONFLICT");
    assertThat(s.authorization.insurerOfPolicy(pol).block(TIMEOUT)).contains("insurer-a");
    assertThat(s.authorization.insurerOf(otherProject).block(TIMEOUT)).isEmpty();
    assertThat(s.authorization.insurerOfPolicy(Stores.unique("pol")).block(TIMEOUT)).isEmpty();
  }

  @Test
  default void theSameInsurerRegisteringAProjectAgainMovesItToTheNewPolicy() {
    Stores s = stores();
    String p = Stores.unique("FT");
    String renewal = Stores.unique("pol");
    assertThat(registerPolicy(s, "insurer-a", policy(Stores.unique("pol"), p))).isNull();
    assertThat(registerPolicy(s, "insurer-a", policy(renewal, p))).isNull();
    assertThat(s.authorization.coverage(p).block(TIMEOUT).orElseThrow().policyId())
        .isEqualTo(renewal);
  }

  @Test
  default void anotherInsurersProjectRefusesTheWholePolicy() {
    Stores s = stores();
    String taken = Stores.unique("FT");
    String fresh = Stores.unique("FT");
    assertThat(registerPolicy(s, "insurer-a", policy(Stores.unique("pol-a"), taken))).isNull();
    long before = s.count("SELECT count(*) FROM submission");

    assertThat(registerPolicy(s, "insurer-b", policy(Stores.unique("pol-b"), fresh, taken)))
        .isEqualTo("PROJECT_NOT_COVERED");
    assertThat(s.authorization.insurerOf(taken).block(TIMEOUT)).contains("insurer-a");
    assertThat(s.authorization.insurerOf(fresh).block(TIMEOUT)).isEmpty();
    assertThat(s.count("SELECT count(*) FROM submission")).isEqualTo(before);
  }

  @Test
  default void registerDeviceRecordsItsOwnerAndProject() {
    Stores s = stores();
    String p = Stores.unique("FT");
    String d = Stores.unique("cam");
    registerPolicy(s, "insurer-a", policy(Stores.unique("pol-1"), p));
    assertThat(registerDevice(s, "vendor-a", device(d, p, "AI_CAMERA"))).isNull();
    assertThat(s.authorization.device(d).block(TIMEOUT))
        .contains(new DeviceOwnership(d, "vendor-a", p, "AI_CAMERA"));
    assertThat(s.authorization.device(Stores.unique("cam")).block(TIMEOUT)).isEmpty();
  }

  @Test
  default void aDeviceOnAnUnregisteredProjectIsUnknownProject() {
    Stores s = stores();
    String d = Stores.unique("cam");
    assertThat(registerDevice(s, "vendor-a", device(d, Stores.unique("FT"), "AI_CAMERA")))
        .isEqualTo("UNKNOWN_PROJECT");
    assertThat(s.authorization.device(d).block(TIMEOUT)).isEmpty();
  }

  @Test
  default void aDeviceOfAnotherConnectorIsConflict() {
    Stores s = stores();
    String p = Stores.unique("FT");
    String d = Stores.unique("cam");
    registerPolicy(s, "insurer-a", policy(Stores.unique("pol-1"), p));
    registerDevice(s, "vendor-a", device(d, p, "AI_CAMERA"));
    assertThat(registerDevice(s, "vendor-b", device(d, p, "AI_BOX"))).isEqualTo("CONFLICT");
    assertThat(s.authorization.device(d).block(TIMEOUT).map(DeviceOwnership::connectorId))
        .isEqualTo(Optional.of("vendor-a"));
  }

  @Test
  default void itsOwnerMayMoveADeviceToAnotherProject() {
    Stores s = stores();
    String p1 = Stores.unique("FT");
    String p2 = Stores.unique("FT");
    String d = Stores.unique("cam");
    registerPolicy(s, "insurer-a", policy(Stores.unique("pol-1"), p1));
    registerPolicy(s, "insurer-b", policy(Stores.unique("pol-2"), p2));
    registerDevice(s, "vendor-a", device(d, p1, "AI_CAMERA"));
    assertThat(registerDevice(s, "vendor-a", device(d, p2, "AI_BOX"))).isNull();
    assertThat(s.authorization.device(d).block(TIMEOUT))
        .contains(new DeviceOwnership(d, "vendor-a", p2, "AI_BOX"));
  }

  @Test
  default void effectsAreHandedOutByOperation() {
    SubmissionEffects effects = new SubmissionEffects(List.of(new CoverageEffect(),
        new DeviceEffect()));
    assertThat(effects.forOperation("registerPolicy")).singleElement()
        .isInstanceOf(CoverageEffect.class);
    assertThat(effects.forOperation("registerDevice")).singleElement()
        .isInstanceOf(DeviceEffect.class);
    assertThat(effects.forOperation("submitInspection")).isEmpty();
  }
}
