package org.capillary.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.capillary.gateway.jws.ContentDigest;
import org.capillary.gateway.projection.ProjectionWorker;
import org.capillary.gateway.support.SignedClient;
import org.capillary.gateway.support.SpecExamples;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.node.ObjectNode;

/**
 * deleteSubscription over HTTP: a write without a body, signed over the empty body (SIGNING.md),
 * stored in the ledger and answered 204; a retry with the same Idempotency-Key is answered 204
 * again; deleting an unknown or deleted subscription is NOT_FOUND and stores nothing; only
 * operators may delete; the projection drops the subscription.
 */
class SubscriptionDeletionEndToEndTest extends EmbeddedGatewayTestBase {

  @Autowired
  ProjectionWorker worker;

  @Autowired
  javax.sql.DataSource dataSource;

  String subscription() {
    ObjectNode body = (ObjectNode) SpecExamples.firstValid("createSubscription");
    String id = scenario.id("subn");
    body.put("subscriptionId", id);
    EntityExchangeResult<byte[]> created = scenario.operator.write("POST", "/v1/admin/subscriptions", "application/json", body);
    assertThat(created.getStatus().value()).as(SignedClient.text(created)).isEqualTo(201);
    return id;
  }

  EntityExchangeResult<byte[]> delete(SignedClient who, String id, String key) {
    return who.send("DELETE", "/v1/admin/subscriptions/" + id, null, new byte[0], key,
        Map.of("Content-Digest", ContentDigest.of(new byte[0])));
  }

  @Test
  void deletionIsStoredAnsweredNoContentAndProjected() {
    String id = subscription();
    worker.drainOnce();
    JdbcClient jdbc = JdbcClient.create(dataSource);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM prj_subscription WHERE subscription_id = ?").param(id)
        .query(Long.class).single()).isEqualTo(1);

    String key = scenario.id("idk");
    EntityExchangeResult<byte[]> deleted = delete(scenario.operator, id, key);
    assertThat(deleted.getStatus().value()).as(SignedClient.text(deleted)).isEqualTo(204);
    assertThat(deleted.getResponseBody()).isNullOrEmpty();
    String location = deleted.getResponseHeaders().getLocation().toString();
    assertThat(location).startsWith("/v1/submissions/sub_");

    EntityExchangeResult<byte[]> retried = delete(scenario.operator, id, key);
    assertThat(retried.getStatus().value()).isEqualTo(204);
    assertThat(retried.getResponseHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
    assertThat(retried.getResponseHeaders().getLocation().toString()).isEqualTo(location);

    EntityExchangeResult<byte[]> again = delete(scenario.operator, id, scenario.id("idk"));
    assertThat(again.getStatus().value()).isEqualTo(404);
    assertThat(SignedClient.json(again).path("code").asString()).isEqualTo("NOT_FOUND");

    worker.drainOnce();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM prj_subscription WHERE subscription_id = ?").param(id)
        .query(Long.class).single()).isZero();
    EntityExchangeResult<byte[]> status = scenario.operator.get(location);
    assertThat(SignedClient.json(status).path("operationId").asString()).isEqualTo("deleteSubscription");
    assertThat(SignedClient.json(status).path("status").asString()).isEqualTo("PROCESSED");
  }

  @Test
  void unknownSubscriptionsAndOtherRolesAreRefused() {
    EntityExchangeResult<byte[]> unknown = delete(scenario.operator, scenario.id("subn"), scenario.id("idk"));
    assertThat(unknown.getStatus().value()).isEqualTo(404);
    assertThat(unknown.getResponseHeaders().getContentType()).hasToString("application/problem+json");
    String id = subscription();
    EntityExchangeResult<byte[]> insurer = delete(scenario.insurerA, id, scenario.id("idk"));
    assertThat(insurer.getStatus().value()).isEqualTo(403);
    assertThat(SignedClient.json(insurer).path("code").asString()).isEqualTo("OPERATION_NOT_PERMITTED");
    EntityExchangeResult<byte[]> unsigned = client.delete().uri("/v1/admin/subscriptions/" + id)
        .header("Idempotency-Key", scenario.id("idk")).exchange().expectBody().returnResult();
    assertThat(unsigned.getStatus().value()).isEqualTo(401);
    assertThat(delete(scenario.operator, id, scenario.id("idk")).getStatus().value()).isEqualTo(204);
  }
}
