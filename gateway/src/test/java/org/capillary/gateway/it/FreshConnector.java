package org.capillary.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.capillary.gateway.support.TestSigner;

/**
 * An insurer connector registered by the demo operator for one test, with a fresh id and a fresh
 * ES256 key: its rows, its rate-limit bucket and its replay entries belong to this test alone, so
 * process tests neither disturb nor are disturbed by other tests sharing the database or Redis.
 *
 * @param connectorId the connector's id
 * @param signer signs as the connector
 */
record FreshConnector(String connectorId, TestSigner signer) {

  /** The demo operator (seeded from connectors/demo-connectors.yaml). */
  static final TestSigner OPERATOR = TestSigner.demo("demo-operator-es256-1");

  /**
   * Registers a new insurer through the admin API.
   *
   * @param gateway the gateway to register it with
   * @param ratePlan the rate plan (must be configured on the gateway to be usable)
   * @return the connector
   */
  static FreshConnector register(GatewayHttp gateway, String ratePlan) {
    String connectorId = "it-" + ItBodies.id("ins");
    TestSigner signer = TestSigner.generateEs256(connectorId + "-es256");
    byte[] body = ItBodies.compact(ItBodies.insurerRegistration(connectorId, signer.key(), ratePlan));
    GatewayHttp.Response response =
        gateway.writeOrFail(OPERATOR, "POST", "/v1/admin/connectors", "application/json", body, ItBodies.id("idk"));
    assertThat(response.status()).as(response.text()).isEqualTo(201);
    return new FreshConnector(connectorId, signer);
  }
}
