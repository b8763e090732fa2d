package org.capillary.conformance.connector;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.capillary.sdk.auth.JwsRequestSigner;
import org.capillary.sdk.auth.SignedRequest;
import org.capillary.spec.contract.Contract;
import tools.jackson.databind.json.JsonMapper;

/**
 * BROKEN on purpose: a hand-made connector that signs something other than what it sends — either
 * a pretty-printed copy of the body (the bytes differ from those on the wire) or another path.
 * Records only; it never gets as far as uploading media.
 */
final class WronglySigningConnector implements ConnectorUnderTest {

  enum Mistake { OTHER_BYTES, OTHER_PATH }

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final TestKeys keys;
  private final Mistake mistake;

  WronglySigningConnector(TestKeys keys, Mistake mistake) {
    this.keys = keys;
    this.mistake = mistake;
  }

  @Override
  public ConnectorOutcome perform(URI endpoint, Instructions instructions, Path workDir)
      throws IOException, InterruptedException {
    JwsRequestSigner signer = JwsRequestSigner.create(keys.credential(), Clock.systemUTC());
    HttpClient http = HttpClient.newHttpClient();
    Map<String, String> fakeMedia = new HashMap<>();
    instructions.media().forEach(m -> fakeMedia.put(m.ref(), "med-not-uploaded"));
    Contract contract = ConnectorRun.contract();
    int refused = 0;
    for (Instructions.Record r : instructions.records()) {
      byte[] sent = JSON.writeValueAsBytes(r.bodyWith(fakeMedia));
      String path = r.path(contract);
      String key = UUID.randomUUID().toString();
      SignedRequest signed = mistake == Mistake.OTHER_BYTES
          ? signer.sign("POST", path, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(r.bodyWith(fakeMedia)), key)
          : signer.sign("POST", path + "/", sent, key);
      HttpResponse<String> answer = http.send(HttpRequest.newBuilder(endpoint.resolve(path))
          .POST(HttpRequest.BodyPublishers.ofByteArray(sent))
          .header("Content-Type", contract.operation(r.operationId()).orElseThrow().requestContentTypes().get(0))
          .header("Idempotency-Key", key)
          .header("Capillary-Signature", signed.headerValue())
          .build(), HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 201) {
        refused++;
      }
    }
    return refused == 0 ? ConnectorOutcome.success() : ConnectorOutcome.failure(refused + " record(s) refused");
  }
}
