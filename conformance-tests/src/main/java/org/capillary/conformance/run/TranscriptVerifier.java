package org.capillary.conformance.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Re-checks a transcript's hash chain: every entry's {@code seq} follows the one before, its
 * {@code prevHash} is the previous entry's {@code hash}, and its {@code hash} is recomputed from its
 * content. The first failure is reported with the entry's position.
 */
public final class TranscriptVerifier {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private TranscriptVerifier() {}

  /** The outcome of a verification. */
  public sealed interface Verification permits Intact, Broken {}

  /**
   * The chain holds.
   *
   * @param entries the entries, in order
   * @param headHash the last entry's hash
   */
  public record Intact(List<TranscriptEntry> entries, String headHash) implements Verification {
    /** Copies. */
    public Intact {
      entries = List.copyOf(entries);
    }
  }

  /**
   * The chain is broken.
   *
   * @param reason what failed, naming the entry
   */
  public record Broken(String reason) implements Verification {}

  /**
   * Verifies a transcript file written by {@link HashChainedTranscript#writeTo}.
   *
   * @param file the file
   * @return the outcome
   */
  public static Verification verify(Path file) {
    try {
      return verify(JSON.readTree(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (JacksonException e) {
      return new Broken("the transcript is not JSON: " + e.getOriginalMessage());
    }
  }

  /**
   * Verifies a transcript as a JSON array of entries.
   *
   * @param transcript the array
   * @return the outcome
   */
  public static Verification verify(JsonNode transcript) {
    if (!transcript.isArray()) {
      return new Broken("the transcript is not a JSON array");
    }
    List<TranscriptEntry> entries = new ArrayList<>();
    String prev = TranscriptEntry.GENESIS;
    long expectedSeq = 1;
    for (JsonNode e : transcript) {
      if (!e.isObject() || !e.path("seq").isIntegralNumber() || !e.path("kind").isString()
          || !e.has("data") || !e.path("prevHash").isString() || !e.path("hash").isString() || e.size() != 5) {
        return new Broken("entry " + expectedSeq + " is not {seq, kind, data, prevHash, hash}");
      }
      long seq = e.get("seq").asLong();
      if (seq != expectedSeq) {
        return new Broken("entry " + expectedSeq + " has seq " + seq + " (entries removed, inserted or reordered)");
      }
      String prevHash = e.get("prevHash").stringValue();
      if (!prevHash.equals(prev)) {
        return new Broken("entry " + seq + ": prevHash " + prevHash + " is not the hash of entry " + (seq - 1) + " (" + prev + ")");
      }
      String kind = e.get("kind").stringValue();
      String recomputed = TranscriptEntry.hashOf(seq, kind, e.get("data"), prevHash);
      String stated = e.get("hash").stringValue();
      if (!recomputed.equals(stated)) {
        return new Broken("entry " + seq + " (" + kind + ") was changed: its content hashes to " + recomputed + ", not " + stated);
      }
      entries.add(new TranscriptEntry(seq, kind, e.get("data"), prevHash, stated));
      prev = stated;
      expectedSeq++;
    }
    return new Intact(entries, prev);
  }
}
