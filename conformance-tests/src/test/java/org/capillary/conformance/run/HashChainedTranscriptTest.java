package org.capillary.conformance.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

class HashChainedTranscriptTest {

  @TempDir
  Path dir;

  private HashChainedTranscript threeEntries() {
    HashChainedTranscript t = new HashChainedTranscript();
    for (int i = 1; i <= 3; i++) {
      t.record("observation", JsonNodeFactory.instance.objectNode().put("n", i));
    }
    return t;
  }

  @Test
  void chainsEachEntryToTheOneBefore() {
    HashChainedTranscript t = threeEntries();
    assertThat(t.entries()).extracting(TranscriptEntry::seq).containsExactly(1L, 2L, 3L);
    assertThat(t.entries().get(0).prevHash()).isEqualTo(TranscriptEntry.GENESIS);
    assertThat(t.entries().get(1).prevHash()).isEqualTo(t.entries().get(0).hash());
    assertThat(t.headHash()).isEqualTo(t.entries().get(2).hash()).matches("[0-9a-f]{64}");
  }

  @Test
  void hashIsSha256OfTheCanonicalEntryWithoutHash() {
    TranscriptEntry e = threeEntries().entries().get(0);
    String canonical = "{\"data\":{\"n\":1},\"kind\":\"observation\",\"prevHash\":\"" + TranscriptEntry.GENESIS + "\",\"seq\":1}";
    assertThat(e.hash()).isEqualTo(TranscriptEntry.sha256Hex(canonical.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  @Test
  void recordedDataCannotBeChangedAfterwards() {
    HashChainedTranscript t = new HashChainedTranscript();
    ObjectNode data = JsonNodeFactory.instance.objectNode().put("n", 1);
    t.record("observation", data);
    data.put("n", 2);
    assertThat(TranscriptVerifier.verify(t.toJson())).isInstanceOf(TranscriptVerifier.Intact.class);
  }

  @Test
  void aWrittenTranscriptVerifies() throws Exception {
    HashChainedTranscript t = threeEntries();
    t.writeTo(dir.resolve("t.json"));
    var v = TranscriptVerifier.verify(dir.resolve("t.json"));
    assertThat(v).isInstanceOfSatisfying(TranscriptVerifier.Intact.class, i -> assertThat(i.headHash()).isEqualTo(t.headHash()));
  }

  @Test
  void aChangedEntryIsFound() {
    ArrayNode json = threeEntries().toJson();
    ((ObjectNode) json.get(1).get("data")).put("n", 20);
    assertThat(TranscriptVerifier.verify(json)).isEqualTo(new TranscriptVerifier.Broken(
        "entry 2 (observation) was changed: its content hashes to "
            + TranscriptEntry.hashOf(2, "observation", json.get(1).get("data"), json.get(1).get("prevHash").asString())
            + ", not " + json.get(1).get("hash").asString()));
  }

  @Test
  void aRemovedEntryIsFound() {
    ArrayNode json = threeEntries().toJson();
    json.remove(1);
    assertThat(TranscriptVerifier.verify(json)).isInstanceOfSatisfying(TranscriptVerifier.Broken.class,
        b -> assertThat(b.reason()).isEqualTo("entry 2 has seq 3 (entries removed, inserted or reordered)"));
  }

  @Test
  void aRehashedEntryBreaksTheNextLink() {
    ArrayNode json = threeEntries().toJson();
    ObjectNode second = (ObjectNode) json.get(1);
    ((ObjectNode) second.get("data")).put("n", 20);
    second.put("hash", TranscriptEntry.hashOf(2, "observation", second.get("data"), second.get("prevHash").asString()));
    assertThat(TranscriptVerifier.verify(json)).isInstanceOfSatisfying(TranscriptVerifier.Broken.class,
        b -> assertThat(b.reason()).startsWith("entry 3: prevHash"));
  }

  @Test
  void notJsonIsBroken() throws Exception {
    Files.writeString(dir.resolve("bad.json"), "[{");
    assertThat(TranscriptVerifier.verify(dir.resolve("bad.json"))).isInstanceOf(TranscriptVerifier.Broken.class);
  }
}
