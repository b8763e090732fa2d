package org.capillary.gateway.connector;

import com.nimbusds.jose.jwk.JWK;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.capillary.gateway.error.ProblemException;
import org.capillary.gateway.ratelimit.RatePlan;
import org.capillary.gateway.ratelimit.RatePlanProperties;
import org.capillary.spec.validation.Violation;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The side effects of the operator's connector operations (registerConnector, updateConnector,
 * addConnectorKey, rotateConnectorKey, revokeConnectorKey) and the read getConnector.
 *
 * <p>The ledger calls these inside the transaction that stores the admin submission, passing a
 * {@link JdbcClient} bound to that transaction, so the submission and its effect commit or roll
 * back together. Bodies have already passed schema validation; the checks here are those a schema
 * cannot make (uniqueness, existence, state) plus a defensive re-check of the keys. When the
 * transaction commits, this replica's {@link ConnectorDirectory} is refreshed at once; other
 * replicas see the change within their refresh interval.
 *
 * <p>Each write returns the connector as {@code getConnector} would (spec/schemas/Connector.json).
 */
@Component
public class ConnectorAdministration {

  /** Rotation overlap when the request names none (KeyRotation.json). */
  static final Duration DEFAULT_OVERLAP = Duration.ofSeconds(86_400);

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final ConnectorDirectory directory;
  private final RatePlanProperties ratePlans;

  /**
   * @param directory refreshed after each committed change
   * @param ratePlans the published plans, for the {@code rateLimit} member of the response
   */
  public ConnectorAdministration(ConnectorDirectory directory, RatePlanProperties ratePlans) {
    this.directory = Objects.requireNonNull(directory, "directory");
    this.ratePlans = Objects.requireNonNull(ratePlans, "ratePlans");
  }

  /**
   * Runs the operation of an admin submission, if it is one of the connector operations.
   *
   * @param operationId the contract operation id
   * @param tx the JDBC client of the ledger transaction
   * @param body the validated JSON body (a missing node for bodiless operations)
   * @param pathParameters the path parameters of the request
   * @param now the gateway clock's instant
   * @return the response body, or empty if {@code operationId} is not a connector operation
   * @throws ProblemException CONFLICT, NOT_FOUND or VALIDATION_FAILED
   */
  public Optional<JsonNode> apply(
      String operationId, JdbcClient tx, JsonNode body, Map<String, String> pathParameters, Instant now) {
    return switch (operationId) {
      case "registerConnector" -> Optional.of(registerConnector(tx, body, pathParameters, now));
      case "updateConnector" -> Optional.of(updateConnector(tx, body, pathParameters, now));
      case "addConnectorKey" -> Optional.of(addConnectorKey(tx, body, pathParameters, now));
      case "rotateConnectorKey" -> Optional.of(rotateConnectorKey(tx, body, pathParameters, now));
      case "revokeConnectorKey" -> Optional.of(revokeConnectorKey(tx, body, pathParameters, now));
      case "getConnector" -> Optional.of(describe(tx, connectorId(pathParameters))
          .orElseThrow(() -> notFound(connectorId(pathParameters))));
      default -> Optional.empty();
    };
  }

  /**
   * registerConnector: inserts the connector, ACTIVE, with every key of its JWK Set ACTIVE from now.
   *
   * @param tx the JDBC client of the ledger transaction
   * @param body a ConnectorRegistration
   * @param pathParameters unused (the id is in the body)
   * @param now the gateway clock's instant
   * @return the new connector (Connector.json)
   * @throws ProblemException CONFLICT if the connectorId or a kid is already registered;
   *     VALIDATION_FAILED if a key is not an acceptable public key or a kid repeats in the set
   */
  public JsonNode registerConnector(
      JdbcClient tx, JsonNode body, Map<String, String> pathParameters, Instant now) {
    String connectorId = requiredText(body, "connectorId");
    Role role = role(requiredText(body, "role"));
    JsonNode org = body.path("organisation");
    List<String> subdistricts = new ArrayList<>();
    body.path("subdistrictCodes").forEach(n -> subdistricts.add(n.asString()));
    if (role == Role.SUBDISTRICT_OFFICE && subdistricts.isEmpty()) {
      throw invalid("/subdistrictCodes", "REQUIRED", "A sub-district office needs subdistrictCodes.");
    }
    List<JWK> keys = new ArrayList<>();
    Set<String> kids = new HashSet<>();
    JsonNode keyNodes = body.path("jwks").path("keys");
    if (!keyNodes.isArray() || keyNodes.isEmpty()) {
      throw invalid("/jwks/keys", "TOO_FEW_ITEMS", "At least one key is required.");
    }
    for (int i = 0; i < keyNodes.size(); i++) {
      JWK jwk = publicKey(keyNodes.get(i), "/jwks/keys/" + i);
      if (!kids.add(jwk.getKeyID())) {
        throw invalid("/jwks/keys/" + i + "/kid", "DUPLICATE_ITEMS", "The kid repeats in the set.");
      }
      keys.add(jwk);
    }
    if (connectorExists(tx, connectorId)) {
      throw new ProblemException("CONFLICT", "Connector " + connectorId + " is already registered.");
    }
    for (JWK jwk : keys) {
      requireKidUnused(tx, jwk.getKeyID());
    }
    tx.sql("INSERT INTO connector (connector_id, role, status, suspension_reason, rate_plan,"
            + " organisation_name, organisation_uscc, organisation_contact_name,"
            + " organisation_contact_mobile, display_name, subdistrict_codes, contact_email,"
            + " created_at, updated_at) VALUES (:id, :role, 'ACTIVE', NULL, :plan, :orgName,"
            + " :uscc, :contactName, :contactMobile, :displayName, :codes, :email, :now, :now)")
        .param("id", connectorId)
        .param("role", role.name())
        .param("plan", body.path("ratePlan").asString("standard"))
        .param("orgName", requiredText(org, "name", "/organisation/name"))
        .param("uscc", requiredText(org, "uscc", "/organisation/uscc"))
        .param("contactName", optionalText(org, "contactName"))
        .param("contactMobile", optionalText(org, "contactMobile"))
        .param("displayName", requiredText(body, "displayName"))
        .param("codes", ConnectorRows.joinCodes(subdistricts))
        .param("email", requiredText(body, "contactEmail"))
        .param("now", ConnectorRows.timestamp(now))
        .update();
    for (JWK jwk : keys) {
      insertKey(tx, connectorId, jwk, now, null, now);
    }
    return changed(tx, connectorId);
  }

  /**
   * updateConnector: applies a JSON merge patch (RFC 7396) of displayName, ratePlan, status,
   * suspensionReason and contactEmail. Reactivating a connector without naming a reason clears the
   * suspension reason.
   *
   * @param tx the JDBC client of the ledger transaction
   * @param body a ConnectorUpdate
   * @param pathParameters {@code connectorId}
   * @param now the gateway clock's instant
   * @return the updated connector
   * @throws ProblemException NOT_FOUND for an unknown connector
   */
  public JsonNode updateConnector(
      JdbcClient tx, JsonNode body, Map<String, String> pathParameters, Instant now) {
    String connectorId = connectorId(pathParameters);
    if (!connectorExists(tx, connectorId)) {
      throw notFound(connectorId);
    }
    StringBuilder set = new StringBuilder("updated_at = :now");
    Map<String, @Nullable Object> params = new java.util.HashMap<>();
    params.put("now", ConnectorRows.timestamp(now));
    params.put("id", connectorId);
    patchColumn(body, "displayName", "display_name", set, params);
    patchColumn(body, "ratePlan", "rate_plan", set, params);
    patchColumn(body, "status", "status", set, params);
    patchColumn(body, "contactEmail", "contact_email", set, params);
    if (body.has("suspensionReason")) {
      JsonNode reason = body.get("suspensionReason");
      set.append(", suspension_reason = :suspensionReason");
      params.put("suspensionReason", reason.isNull() ? null : reason.asString());
    } else if ("ACTIVE".equals(body.path("status").asString(""))) {
      set.append(", suspension_reason = NULL");
    }
    JdbcClient.StatementSpec update =
        tx.sql("UPDATE connector SET " + set + " WHERE connector_id = :id");
    for (Map.Entry<String, @Nullable Object> e : params.entrySet()) {
      update = update.param(e.getKey(), e.getValue());
    }
    update.update();
    return changed(tx, connectorId);
  }

  /**
   * addConnectorKey: adds a public key, ACTIVE from notBefore (default now) until notAfter (default
   * none).
   *
   * @param tx the JDBC client of the ledger transaction
   * @param body a ConnectorKey request
   * @param pathParameters {@code connectorId}
   * @param now the gateway clock's instant
   * @return the connector with its keys
   * @throws ProblemException NOT_FOUND for an unknown connector; CONFLICT for a kid already used by
   *     any connector; VALIDATION_FAILED for an unacceptable key or notAfter not after notBefore
   */
  public JsonNode addConnectorKey(
      JdbcClient tx, JsonNode body, Map<String, String> pathParameters, Instant now) {
    String connectorId = connectorId(pathParameters);
    JWK jwk = publicKey(body.path("jwk"), "/jwk");
    Instant notBefore = optionalInstant(body, "notBefore");
    Instant notAfter = optionalInstant(body, "notAfter");
    Instant from = notBefore != null ? notBefore : now;
    if (notAfter != null && !notAfter.isAfter(from)) {
      throw invalid("/notAfter", "INVALID_VALUE", "notAfter must be after notBefore.");
    }
    if (!connectorExists(tx, connectorId)) {
      throw notFound(connectorId);
    }
    requireKidUnused(tx, jwk.getKeyID());
    insertKey(tx, connectorId, jwk, from, notAfter, now);
    touch(tx, connectorId, now);
    return changed(tx, connectorId);
  }

  /**
   * rotateConnectorKey: adds newKey, ACTIVE at once, and marks retireKid RETIRING until now plus
   * overlapSeconds (default 86,400; never later than an end it already had).
   *
   * @param tx the JDBC client of the ledger transaction
   * @param body a KeyRotation
   * @param pathParameters {@code connectorId}
   * @param now the gateway clock's instant
   * @return the connector with its keys
   * @throws ProblemException NOT_FOUND for an unknown connector or a retireKid that is not one of
   *     its keys; CONFLICT if retireKid is not ACTIVE or newKey's kid is already used
   */
  public JsonNode rotateConnectorKey(
      JdbcClient tx, JsonNode body, Map<String, String> pathParameters, Instant now) {
    String connectorId = connectorId(pathParameters);
    JWK newKey = publicKey(body.path("newKey"), "/newKey");
    String retireKid = requiredText(body, "retireKid");
    Duration overlap =
        body.has("overlapSeconds") ? Duration.ofSeconds(body.get("overlapSeconds").asLong()) : DEFAULT_OVERLAP;
    if (overlap.isNegative()) {
      throw invalid("/overlapSeconds", "BELOW_MINIMUM", "overlapSeconds must not be negative.");
    }
    if (!connectorExists(tx, connectorId)) {
      throw notFound(connectorId);
    }
    KeyState retiring = keyState(tx, connectorId, retireKid)
        .orElseThrow(() -> new ProblemException(
            "NOT_FOUND", "Connector " + connectorId + " has no key " + retireKid + "."));
    if (retiring.status() != KeyStatus.ACTIVE) {
      throw new ProblemException(
          "CONFLICT", "Key " + retireKid + " is " + retiring.status() + ", not ACTIVE.");
    }
    requireKidUnused(tx, newKey.getKeyID());
    insertKey(tx, connectorId, newKey, now, null, now);
    Instant end = now.plus(overlap);
    if (retiring.notAfter() != null && retiring.notAfter().isBefore(end)) {
      end = retiring.notAfter();
    }
    if (end.isBefore(retiring.notBefore())) {
      end = retiring.notBefore();
    }
    tx.sql("UPDATE connector_key SET status = 'RETIRING', not_after = :end WHERE kid = :kid")
        .param("end", ConnectorRows.timestamp(end))
        .param("kid", retireKid)
        .update();
    touch(tx, connectorId, now);
    return changed(tx, connectorId);
  }

  /**
   * revokeConnectorKey: revokes a key at once; signatures by it are refused from then on
   * (SIGNATURE_KEY_UNKNOWN).
   *
   * @param tx the JDBC client of the ledger transaction
   * @param body a KeyRevocation
   * @param pathParameters {@code connectorId} and {@code kid}
   * @param now the gateway clock's instant
   * @return the connector with its keys
   * @throws ProblemException NOT_FOUND if the kid is not a key of that connector; CONFLICT if it is
   *     already revoked
   */
  public JsonNode revokeConnectorKey(
      JdbcClient tx, JsonNode body, Map<String, String> pathParameters, Instant now) {
    String connectorId = connectorId(pathParameters);
    String kid = Objects.requireNonNull(pathParameters.get("kid"), "path parameter kid");
    KeyState state = keyState(tx, connectorId, kid)
        .orElseThrow(() -> new ProblemException(
            "NOT_FOUND", "Connector " + connectorId + " has no key " + kid + "."));
    if (state.status() == KeyStatus.REVOKED) {
      throw new ProblemException("CONFLICT", "Key " + kid + " is already revoked.");
    }
    tx.sql("UPDATE connector_key SET status = 'REVOKED', revoked_at = :now,"
            + " revocation_reason = :reason, revocation_note = :note WHERE kid = :kid")
        .param("now", ConnectorRows.timestamp(now))
        .param("reason", body.path("reason").asString("UNSPECIFIED"))
        .param("note", optionalText(body, "note"))
        .param("kid", kid)
        .update();
    touch(tx, connectorId, now);
    return changed(tx, connectorId);
  }

  /**
   * getConnector: the connector, its keys (all of them, revoked ones included, oldest first) and
   * its published rate plan, in the shape of spec/schemas/Connector.json.
   *
   * @param tx a JDBC client (any transaction, or none)
   * @param connectorId the id
   * @return the description, or empty for an unknown connector
   */
  public Optional<JsonNode> describe(JdbcClient tx, String connectorId) {
    Optional<ObjectNode> found = tx.sql(
            "SELECT connector_id, role, status, suspension_reason, rate_plan, organisation_name,"
                + " organisation_uscc, organisation_contact_name, organisation_contact_mobile,"
                + " display_name, subdistrict_codes, contact_email, created_at, updated_at"
                + " FROM connector WHERE connector_id = :id")
        .param("id", connectorId)
        .query((rs, n) -> {
          ObjectNode c = JSON.objectNode();
          c.put("connectorId", rs.getString("connector_id"));
          c.put("role", rs.getString("role"));
          ObjectNode org = c.putObject("organisation");
          org.put("name", rs.getString("organisation_name"));
          org.put("uscc", rs.getString("organisation_uscc"));
          putIfPresent(org, "contactName", rs.getString("organisation_contact_name"));
          putIfPresent(org, "contactMobile", rs.getString("organisation_contact_mobile"));
          c.put("displayName", rs.getString("display_name"));
          c.put("status", rs.getString("status"));
          String reason = rs.getString("suspension_reason");
          if (reason != null) {
            c.put("suspensionReason", reason);
          }
          String plan = rs.getString("rate_plan");
          c.put("ratePlan", plan);
          RatePlan ratePlan = ratePlans.plans().get(plan);
          if (ratePlan != null) {
            ObjectNode limit = c.putObject("rateLimit");
            limit.put("requestsPerSecond", (double) ratePlan.capacity() / ratePlan.window().toMillis() * 1000.0);
            limit.put("burst", ratePlan.capacity());
          }
          c.putArray("keys");
          List<String> codes = ConnectorRows.splitCodes(rs.getString("subdistrict_codes"));
          if (!codes.isEmpty()) {
            ArrayNode a = c.putArray("subdistrictCodes");
            codes.forEach(a::add);
          }
          c.put("contactEmail", rs.getString("contact_email"));
          c.put("createdAt", format(ConnectorRows.instant(rs, "created_at")));
          c.put("updatedAt", format(ConnectorRows.instant(rs, "updated_at")));
          return c;
        })
        .optional();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    ArrayNode keys = (ArrayNode) found.get().get("keys");
    tx.sql("SELECT kid, alg, status, not_before, not_after, revoked_at, revocation_reason"
            + " FROM connector_key WHERE connector_id = :id ORDER BY created_at, kid")
        .param("id", connectorId)
        .query(rs -> {
          ObjectNode k = keys.addObject();
          k.put("kid", rs.getString("kid"));
          k.put("alg", rs.getString("alg"));
          k.put("status", rs.getString("status"));
          k.put("notBefore", format(ConnectorRows.instant(rs, "not_before")));
          Instant notAfter = ConnectorRows.instant(rs, "not_after");
          if (notAfter != null) {
            k.put("notAfter", format(notAfter));
          }
          Instant revokedAt = ConnectorRows.instant(rs, "revoked_at");
          if (revokedAt != null) {
            k.put("revokedAt", format(revokedAt));
          }
          putIfPresent(k, "revocationReason", rs.getString("revocation_reason"));
        });
    return Optional.of(found.get());
  }

  // ------------------------------------------------------------------------------------ helpers

  private record KeyState(KeyStatus status, Instant notBefore, @Nullable Instant notAfter) {}

  private static Optional<KeyState> keyState(JdbcClient tx, String connectorId, String kid) {
    return tx.sql("SELECT status, not_before, not_after FROM connector_key"
            + " WHERE kid = :kid AND connector_id = :id")
        .param("kid", kid)
        .param("id", connectorId)
        .query((rs, n) -> new KeyState(
            KeyStatus.valueOf(rs.getString("status")),
            Objects.requireNonNull(ConnectorRows.instant(rs, "not_before")),
            ConnectorRows.instant(rs, "not_after")))
        .optional();
  }

  private static boolean connectorExists(JdbcClient tx, String connectorId) {
    return tx.sql("SELECT COUNT(*) FROM connector WHERE connector_id = :id")
        .param("id", connectorId)
        .query(Long.class)
        .single() > 0;
  }

  private static void requireKidUnused(JdbcClient tx, String kid) {
    long n = tx.sql("SELECT COUNT(*) FROM connector_key WHERE kid = :kid")
        .param("kid", kid)
        .query(Long.class)
        .single();
    if (n > 0) {
      // Kids are never reused, by any connector (CAP-SIG-04); say no more about whose it is.
      throw new ProblemException("CONFLICT", "The kid " + kid + " is already registered.");
    }
  }

  private static void insertKey(
      JdbcClient tx, String connectorId, JWK jwk, Instant notBefore, @Nullable Instant notAfter, Instant now) {
    tx.sql("INSERT INTO connector_key (kid, connector_id, alg, jwk_json, status, not_before,"
            + " not_after, revoked_at, revocation_reason, revocation_note, created_at)"
            + " VALUES (:kid, :id, :alg, :jwk, 'ACTIVE', :notBefore, :notAfter, NULL, NULL, NULL, :now)")
        .param("kid", jwk.getKeyID())
        .param("id", connectorId)
        .param("alg", jwk.getAlgorithm().getName())
        .param("jwk", jwk.toPublicJWK().toJSONString())
        .param("notBefore", ConnectorRows.timestamp(notBefore))
        .param("notAfter", ConnectorRows.nullableTimestamp(notAfter))
        .param("now", ConnectorRows.timestamp(now))
        .update();
  }

  private static void touch(JdbcClient tx, String connectorId, Instant now) {
    tx.sql("UPDATE connector SET updated_at = :now WHERE connector_id = :id")
        .param("now", ConnectorRows.timestamp(now))
        .param("id", connectorId)
        .update();
  }

  /** Refreshes the directory once the change is committed (at once when there is no transaction). */
  private JsonNode changed(JdbcClient tx, String connectorId) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          directory.refresh();
        }
      });
    } else {
      directory.refresh();
    }
    return describe(tx, connectorId).orElseThrow(() -> notFound(connectorId));
  }

  private static void patchColumn(
      JsonNode body, String member, String column, StringBuilder set, Map<String, @Nullable Object> params) {
    JsonNode v = body.get(member);
    if (v != null && v.isString()) {
      set.append(", ").append(column).append(" = :").append(member);
      params.put(member, v.stringValue());
    }
  }

  private static JWK publicKey(JsonNode node, String pointer) {
    if (!node.isObject()) {
      throw invalid(pointer, "REQUIRED", "A public JWK is required.");
    }
    try {
      return PublicJwks.parse(node.toString());
    } catch (IllegalArgumentException e) {
      throw invalid(pointer, "INVALID_VALUE", e.getMessage());
    }
  }

  private static Role role(String name) {
    try {
      return Role.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw invalid("/role", "ENUM_MISMATCH", "Unknown role " + name + ".");
    }
  }

  private static String connectorId(Map<String, String> pathParameters) {
    return Objects.requireNonNull(pathParameters.get("connectorId"), "path parameter connectorId");
  }

  private static ProblemException notFound(String connectorId) {
    return new ProblemException("NOT_FOUND", "No connector " + connectorId + ".");
  }

  private static ProblemException invalid(String pointer, String code, String detail) {
    return new ProblemException(
        "VALIDATION_FAILED", detail, List.of(new Violation(pointer, code, detail)), Map.of(), Map.of());
  }

  private static String requiredText(JsonNode node, String member) {
    return requiredText(node, member, "/" + member);
  }

  private static String requiredText(JsonNode node, String member, String pointer) {
    JsonNode v = node.get(member);
    if (v == null || !v.isString() || v.stringValue().isEmpty()) {
      throw invalid(pointer, "REQUIRED", member + " is required.");
    }
    return v.stringValue();
  }

  private static @Nullable String optionalText(JsonNode node, String member) {
    JsonNode v = node.get(member);
    return v != null && v.isString() ? v.stringValue() : null;
  }

  private static @Nullable Instant optionalInstant(JsonNode node, String member) {
    String text = optionalText(node, member);
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw invalid("/" + member, "INVALID_DATE_TIME", "Not an RFC 3339 date-time with offset.");
    }
  }

  private static void putIfPresent(ObjectNode node, String member, @Nullable String value) {
    if (value != null) {
      node.put(member, value);
    }
  }

  private static String format(@Nullable Instant instant) {
    return Objects.requireNonNull(instant, "timestamp").toString();
  }
}
