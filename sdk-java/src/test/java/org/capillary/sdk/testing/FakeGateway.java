package org.capillary.sdk.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.jwk.OctetKeyPair;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A WireMock stand-in for the gateway: serves the vectors' gateway JWK Set, and answers stubs that
 * use {@link #receipt(String)} with a 201 and a receipt signed by the TEST gateway key over the
 * claims of the request actually received (its cdg, idk and jti).
 */
public final class FakeGateway implements AutoCloseable {

  public static final String CONNECTOR = "test-connector-a";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final WireMockServer server;

  public FakeGateway() {
    server = new WireMockServer(options().dynamicPort().extensions(new ReceiptSigner()));
    server.start();
    server.stubFor(get(urlEqualTo("/.well-known/jwks.json")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(Vectors.text("vectors/signing/keys/gateway.jwks.json"))));
  }

  public WireMockServer server() {
    return server;
  }

  public String endpoint() {
    return server.baseUrl();
  }

  /** A 201 whose body carries a receipt for the request received. */
  public static ResponseDefinitionBuilder receipt(String operationId) {
    return aResponse().withStatus(201).withHeader("Content-Type", "application/json")
        .withTransformers("receipt").withTransformerParameter("op", operationId);
  }

  /** As {@link #receipt} with one claim overridden after the fact (to test verification failures). */
  public static ResponseDefinitionBuilder receipt(String operationId, String claim, Object value) {
    return receipt(operationId).withTransformerParameter("override", claim).withTransformerParameter("value", value);
  }

  /** Signs {@code payload} with the TEST gateway key as a receipt. */
  public static String signReceipt(String payloadJson, String privateJwkPath) {
    try {
      OctetKeyPair key = OctetKeyPair.parse(Vectors.text(privateJwkPath));
      JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.EdDSA).keyID(key.getKeyID())
          .type(new JOSEObjectType("capillary-receipt+jws")).build(), new Payload(payloadJson));
      jws.sign(new Ed25519Signer(key));
      return jws.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop();
  }

  static final class ReceiptSigner implements ResponseDefinitionTransformerV2 {
    private final AtomicLong seq = new AtomicLong(1000);

    @Override
    public String getName() {
      return "receipt";
    }

    @Override
    public boolean applyGlobally() {
      return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
      try {
        Parameters p = event.getTransformerParameters();
        String signature = event.getRequest().getHeader("Capillary-Signature");
        JsonNode header = MAPPER.readTree(Base64.getUrlDecoder().decode(signature.substring(0, signature.indexOf('.'))));
        long n = seq.incrementAndGet();
        String sub = "sub_01JNKQ9A7M3T5X8Y2B4D6F8H" + (n % 10) + "J";
        ObjectNode claims = MAPPER.createObjectNode().put("iss", "cn-440304").put("sub", sub).put("cid", CONNECTOR)
            .put("op", p.getString("op")).put("cdg", header.get("cdg").asText()).put("seq", n)
            .put("iat", 1772415003L).put("jti", header.get("jti").asText()).put("idk", header.get("idk").asText());
        ObjectNode body = MAPPER.createObjectNode().put("submissionId", sub).put("status", "ACCEPTED")
            .put("connectorId", CONNECTOR).put("operationId", p.getString("op"))
            .put("contentDigest", header.get("cdg").asText()).put("sequence", n)
            .put("receivedAt", "2026-03-02T09:30:03+08:00");
        String keyPath = "vectors/signing/keys/test-gateway-ed25519-1.private.jwk.json";
        if (p.containsKey("override")) {
          String claim = p.getString("override");
          if ("key".equals(claim)) {
            keyPath = "vectors/signing/keys/test-es256-unregistered.private.jwk.json";
          } else {
            claims.put(claim, p.getString("value"));
          }
        }
        String receipt = "key".equals(p.containsKey("override") ? p.getString("override") : "")
            ? forge(claims) : signReceipt(MAPPER.writeValueAsString(claims), keyPath);
        body.put("receipt", receipt);
        return ResponseDefinitionBuilder.like(event.getResponseDefinition()).but()
            .withBody(MAPPER.writeValueAsString(body).getBytes(StandardCharsets.UTF_8)).build();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    /** Signed by a key that is not the gateway's, under the gateway's kid. */
    private static String forge(ObjectNode claims) throws Exception {
      OctetKeyPair other = new com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator(com.nimbusds.jose.jwk.Curve.Ed25519)
          .keyID("test-gateway-ed25519-1").generate();
      JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.EdDSA).keyID("test-gateway-ed25519-1")
          .type(new JOSEObjectType("capillary-receipt+jws")).build(), new Payload(MAPPER.writeValueAsString(claims)));
      jws.sign(new Ed25519Signer(other));
      return jws.serialize();
    }
  }
}
