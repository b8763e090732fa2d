package org.capillary.conformance.platform;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.capillary.conformance.ContractDocument;
import org.capillary.spec.contract.Operation;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes the contract's examples submittable to a live gateway: fresh ids so that runs never
 * collide, the projects, policies, devices, connectors and media items they depend on registered
 * first, and the path parameters of the operation filled in. Operations are routed by the
 * contract ({@code x-roles}, path template, content type), so a new operation whose path needs
 * only a project, a policy or a connector is prepared without a change here.
 */
public final class Fixtures {

  /**
   * A request ready to send.
   *
   * @param operation the operation
   * @param target the path
   * @param contentType the Content-Type
   * @param body the body
   * @param connector who sends it
   * @param headers the further headers the operation requires (e.g. {@code Tus-Resumable})
   */
  public record Prepared(Operation operation, String target, String contentType, JsonNode body, PlatformConnector connector,
      Map<String, String> headers) {
    /** The body's octets. */
    public byte[] bytes() {
      return Exchange.JSON.writeValueAsBytes(body);
    }
  }

  /** A completed media item: what a record cites. */
  public record Media(String mediaId, String sha256) {}

  /** A connector registered by the plan: its id and its first key id. */
  public record Registered(String connectorId, String kid) {}

  /** A precondition request the gateway refused: the scenario cannot go on. */
  public static final class FixtureException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    FixtureException(Exchange e) {
      super("precondition " + e.brief() + ": " + e.bodyText(600));
    }
  }

  private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");
  private static final Pattern ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$");
  private static final Pattern PROJECT = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9-]{5,39}$");
  private static final Pattern KID = Pattern.compile("^[A-Za-z0-9._:-]{1,64}$");
  private static final JsonMapper JSON = Exchange.JSON;
  private static final AtomicInteger SEQ = new AtomicInteger();
  private static final ContractDocument DOCUMENT = ContractDocument.load();

  private final PlatformClient client;
  private final PlatformConnectors connectors;
  private final Clock clock;
  private final String run;

  /**
   * Fixtures for one run.
   *
   * @param client the client
   * @param connectors the run's connectors
   * @param clock the clock (fresh ids, keys)
   */
  public Fixtures(PlatformClient client, PlatformConnectors connectors, Clock clock) {
    this.client = client;
    this.connectors = connectors;
    this.clock = clock;
    this.run = Long.toString(clock.millis() % 2_000_000_000L, 36).toUpperCase(Locale.ROOT);
  }

  /** A fresh id with a prefix, unique within and across runs. */
  public String id(String prefix) {
    return prefix + "-" + run + "-" + SEQ.incrementAndGet();
  }

  /** The client. */
  public PlatformClient client() {
    return client;
  }

  /** The run's connectors. */
  public PlatformConnectors connectors() {
    return connectors;
  }

  /**
   * Registers a policy of an insurer covering one new project.
   *
   * @param insurer the insurer
   * @return {policyId, projectId}
   */
  public String[] coveredProject(PlatformConnector insurer) {
    ObjectNode body = (ObjectNode) ContractExamples.firstValid("registerPolicy");
    String policyId = id("pol");
    String projectId = id("FT-T");
    body.put("policyId", policyId);
    ArrayNode projects = (ArrayNode) body.get("projects");
    while (projects.size() > 1) {
      projects.remove(projects.size() - 1);
    }
    ((ObjectNode) projects.get(0)).put("projectId", projectId);
    expect(client.write("fixture registerPolicy", insurer, "POST", "/v1/policies", "application/json", JSON.writeValueAsBytes(body)), 201);
    return new String[] {policyId, projectId};
  }

  /**
   * Registers a device of a vendor on a project.
   *
   * @param vendor the vendor
   * @param deviceId the device
   * @param projectId the project
   */
  public void device(PlatformConnector vendor, String deviceId, String projectId) {
    ObjectNode body = (ObjectNode) ContractExamples.firstValid("registerDevice");
    body.put("deviceId", deviceId);
    body.put("projectId", projectId);
    expect(client.write("fixture registerDevice", vendor, "POST", "/v1/devices", "application/json", JSON.writeValueAsBytes(body)), 201);
  }

  /**
   * Registers a new connector through the operator's admin API with a fresh ES256 key.
   *
   * @param role INSURER, DEVICE_VENDOR, ...
   * @param ratePlan its rate plan, or {@code null} for the default
   * @return the connector, ready to sign
   */
  public PlatformConnector register(String role, @Nullable String ratePlan) {
    ObjectNode body = (ObjectNode) ContractExamples.firstValid("registerConnector");
    String connectorId = id("conn");
    ECKey key = newKey(id("kid"));
    body.put("connectorId", connectorId);
    body.put("role", role);
    body.remove("subdistrictCodes");
    if (ratePlan == null) {
      body.remove("ratePlan");
    } else {
      body.put("ratePlan", ratePlan);
    }
    body.putObject("jwks").putArray("keys").add(JSON.readTree(key.toPublicJWK().toJSONString()));
    expect(client.write("fixture registerConnector", connectors.operator(), "POST", "/v1/admin/connectors", "application/json",
        JSON.writeValueAsBytes(body)), 201);
    return PlatformConnector.fromJwk(connectorId, key.toJSONString(), clock);
  }

  /** Registers a connector with the first valid registration example and fresh ids. */
  public Registered connector() {
    ObjectNode body = (ObjectNode) ContractExamples.firstValid("registerConnector");
    String connectorId = id("conn");
    body.put("connectorId", connectorId);
    String kid = null;
    for (JsonNode key : body.path("jwks").path("keys")) {
      String fresh = id("kid");
      ((ObjectNode) key).put("kid", fresh);
      kid = kid == null ? fresh : kid;
    }
    expect(client.write("fixture registerConnector", connectors.operator(), "POST", "/v1/admin/connectors", "application/json",
        JSON.writeValueAsBytes(body)), 201);
    return new Registered(connectorId, kid == null ? "" : kid);
  }

  /**
   * Uploads bytes as one complete media item: createUpload, then one PATCH.
   *
   * @param uploader the connector
   * @param content the bytes
   * @return the item
   */
  public Media upload(PlatformConnector uploader, byte[] content) {
    String sha256 = HexFormat.of().formatHex(sha256(content));
    String location = declareUpload(uploader, content.length, sha256);
    expect(patchChunk(uploader, location, 0, content, "fixture appendUploadChunk"), 204);
    return new Media(location.substring(location.lastIndexOf('/') + 1), sha256);
  }

  /**
   * Declares an upload (createUpload) of a photo.
   *
   * @param uploader the connector
   * @param length the length
   * @param sha256 the whole file's digest, hex
   * @return the Location, {@code /v1/uploads/{uploadId}}
   */
  public String declareUpload(PlatformConnector uploader, long length, String sha256) {
    ObjectNode body = JSON.createObjectNode().put("kind", "PHOTO").put("contentType", "image/jpeg").put("length", length)
        .put("sha256", sha256);
    Exchange created = expect(client.write("fixture createUpload", uploader, "POST", "/v1/uploads", "application/json",
        JSON.writeValueAsBytes(body), "cc-upl-" + id("k"), Map.of("Tus-Resumable", "1.0.0")), 201);
    return created.header("Location").orElseThrow(() -> new FixtureException(created));
  }

  /**
   * Sends one tus PATCH, signed over the chunk, with its Upload-Checksum and the key
   * {@code <uploadId>@<offset>}.
   *
   * @param uploader the connector
   * @param location the upload
   * @param offset the offset
   * @param chunk the bytes
   * @param label the transcript label
   * @return the exchange
   */
  public Exchange patchChunk(PlatformConnector uploader, String location, long offset, byte[] chunk, String label) {
    return patchChunk(uploader, location, offset, chunk, label, "sha256 " + Base64.getEncoder().encodeToString(sha256(chunk)));
  }

  /**
   * Sends one tus PATCH with a given Upload-Checksum value.
   *
   * @param uploader the connector
   * @param location the upload
   * @param offset the offset
   * @param chunk the bytes
   * @param label the transcript label
   * @param checksum the Upload-Checksum value
   * @return the exchange
   */
  public Exchange patchChunk(PlatformConnector uploader, String location, long offset, byte[] chunk, String label, String checksum) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Tus-Resumable", "1.0.0");
    headers.put("Upload-Offset", Long.toString(offset));
    headers.put("Upload-Checksum", checksum);
    return client.write(label, uploader, "PATCH", location, "application/offset+octet-stream", chunk,
        location.substring(location.lastIndexOf('/') + 1) + "@" + offset, headers);
  }

  /**
   * Prepares an example for sending: fresh ids, dependencies registered, media uploaded, path
   * parameters filled.
   *
   * @param operation the operation
   * @param example the example body
   * @return what to send, by whom
   * @throws UnsupportedOperationException if a path parameter has no fixture
   */
  public Prepared prepare(Operation operation, JsonNode example) {
    JsonNode body = example.deepCopy();
    PlatformConnector sender = sender(operation);
    Map<String, String> path = new LinkedHashMap<>();
    String op = operation.operationId();
    switch (op) {
      case "registerPolicy" -> {
        replaceIfWellFormed(body, "policyId", ID, id("pol"));
        for (JsonNode p : body.path("projects")) {
          replaceIfWellFormed(p, "projectId", PROJECT, id("FT-T"));
        }
      }
      case "registerDevice" -> {
        replaceIfWellFormed(body, "deviceId", ID, id("dev"));
        if (isWellFormed(body.get("projectId"), PROJECT)) {
          replaceIfWellFormed(body, "projectId", PROJECT, coveredProject(connectors.insurerA())[1]);
        }
      }
      case "publishAlert" -> prepareEvent(body, coveredProject(connectors.insurerA())[1]);
      case "publishAlertBatch" -> {
        String projectId = coveredProject(connectors.insurerA())[1];
        body.forEach(event -> prepareEvent(event, projectId));
      }
      case "registerConnector" -> {
        replaceIfWellFormed(body, "connectorId", ID, id("conn"));
        for (JsonNode key : body.path("jwks").path("keys")) {
          replaceIfWellFormed(key, "kid", KID, id("kid"));
        }
      }
      case "addConnectorKey" -> replaceIfWellFormed(body.path("jwk"), "kid", KID, id("kid"));
      case "rotateConnectorKey" -> {
        Registered c = connector();
        path.put("connectorId", c.connectorId());
        path.put("kid", c.kid());
        replaceIfWellFormed(body, "retireKid", KID, c.kid());
        replaceIfWellFormed(body.path("newKey"), "kid", KID, id("kid"));
      }
      case "createUpload" -> {
        if (isWellFormed(body.get("projectId"), PROJECT)) {
          replaceIfWellFormed(body, "projectId", PROJECT, coveredProject(connectors.insurerA())[1]);
        }
      }
      case "createSubscription" -> replaceIfWellFormed(body, "subscriptionId", ID, id("subn"));
      default -> {
        // records about a project: the contract's path names what they need
      }
    }
    String target = fillPath(operation, path);
    replaceMediaRefs(body, sender);
    String contentType = operation.requestContentTypes().isEmpty() ? "application/json" : operation.requestContentTypes().get(0);
    Map<String, String> headers = new LinkedHashMap<>();
    for (ContractDocument.HeaderParameter h : DOCUMENT.headerParameters(operation.operationId())) {
      if (h.required() && h.fixedValue() != null) {
        headers.put(h.name(), h.fixedValue());
      }
    }
    return new Prepared(operation, target, contentType, body, sender, headers);
  }

  /** The connector that may call an operation: the first of its roles the run has a connector for. */
  PlatformConnector sender(Operation operation) {
    for (String role : operation.roles()) {
      switch (role) {
        case "INSURER" -> {
          return connectors.insurerA();
        }
        case "DEVICE_VENDOR" -> {
          return connectors.vendor();
        }
        case "OPERATOR" -> {
          return connectors.operator();
        }
        default -> {
          // a role the platform plan does not sign as
        }
      }
    }
    throw new UnsupportedOperationException(operation.operationId() + " may be called only by " + operation.roles()
        + ", and the plan has no connector of those roles");
  }

  /**
   * Fills the path parameters of an operation: the given values first, then fresh fixtures for
   * {@code projectId}, {@code policyId} (a covered project of insurer A), {@code connectorId} and
   * {@code kid} (a connector registered by the operator).
   *
   * @param operation the operation
   * @param given values already known
   * @return the request target
   * @throws UnsupportedOperationException if a parameter has no value and no fixture
   */
  public String target(Operation operation, Map<String, String> given) {
    return fillPath(operation, given);
  }

  private String fillPath(Operation operation, Map<String, String> given) {
    Matcher m = PARAM.matcher(operation.pathTemplate());
    Map<String, String> values = new LinkedHashMap<>(given);
    StringBuilder target = new StringBuilder();
    String[] policy = null;
    Registered connector = null;
    while (m.find()) {
      String name = m.group(1);
      String value = values.get(name);
      if (value == null) {
        switch (name) {
          case "projectId", "policyId" -> {
            if (policy == null) {
              policy = coveredProject(connectors.insurerA());
            }
            value = name.equals("projectId") ? policy[1] : policy[0];
          }
          case "connectorId", "kid" -> {
            if (connector == null) {
              connector = connector();
            }
            value = name.equals("connectorId") ? connector.connectorId() : connector.kid();
          }
          default -> throw new UnsupportedOperationException("no fixture for the path parameter {" + name + "} of "
              + operation.operationId());
        }
        values.put(name, value);
      }
      m.appendReplacement(target, Matcher.quoteReplacement(value));
    }
    m.appendTail(target);
    return target.toString();
  }

  private void prepareEvent(JsonNode event, String projectId) {
    JsonNode data = event.path("data");
    if (isWellFormed(data.get("deviceId"), ID)) {
      String deviceId = id("dev");
      replaceIfWellFormed(data, "deviceId", ID, deviceId);
      device(connectors.vendor(), deviceId, projectId);
    }
    replaceIfWellFormed(event, "subject", PROJECT, projectId);
  }

  /**
   * Every well-formed MediaRef ({mediaId, sha256} and nothing else) is replaced by a small item the
   * sender really uploaded, so that records citing media pass the media check (CAP-MED-01).
   * Malformed ones, the error of an invalid example, stay.
   */
  private void replaceMediaRefs(JsonNode node, PlatformConnector uploader) {
    if (node instanceof ObjectNode o && o.size() == 2 && isWellFormed(o.get("mediaId"), ID)
        && o.path("sha256").isString() && o.path("sha256").stringValue().matches("[0-9a-f]{64}")) {
      Media media = upload(uploader, ("media of " + id("med") + " for a conformance record").getBytes(StandardCharsets.UTF_8));
      o.put("mediaId", media.mediaId());
      o.put("sha256", media.sha256());
      return;
    }
    for (JsonNode child : node) {
      replaceMediaRefs(child, uploader);
    }
  }

  private static boolean isWellFormed(@Nullable JsonNode value, Pattern pattern) {
    return value != null && value.isString() && pattern.matcher(value.stringValue()).matches();
  }

  private static void replaceIfWellFormed(JsonNode node, String field, Pattern pattern, String value) {
    if (node instanceof ObjectNode o && isWellFormed(o.get(field), pattern)) {
      o.put(field, value);
    }
  }

  private static Exchange expect(Exchange e, int status) {
    if (e.status() != status) {
      throw new FixtureException(e);
    }
    return e;
  }

  /**
   * A fresh ES256 key pair.
   *
   * @param kid its kid
   * @return the private JWK
   */
  public static ECKey newKey(String kid) {
    try {
      return new ECKeyGenerator(Curve.P_256).keyID(kid).algorithm(JWSAlgorithm.ES256).keyUse(KeyUse.SIGNATURE).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
