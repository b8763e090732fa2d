package org.capillary.conformance.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.capillary.conformance.plan.Transcript;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The transcript of one run, kept in memory and written as a JSON array of {@link
 * TranscriptEntry} objects ({@code transcript.json}). Each entry is chained by hash to the one
 * before; {@link #headHash()} is the hash of the last entry, which the certification report signs.
 *
 * <p>Thread-safe: checks that record from several threads get a total order.
 */
public final class HashChainedTranscript implements Transcript {

  private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private final List<TranscriptEntry> entries = new ArrayList<>();

  @Override
  public synchronized void record(String kind, JsonNode data) {
    String prev = entries.isEmpty() ? TranscriptEntry.GENESIS : entries.get(entries.size() - 1).hash();
    // a copy: the caller may keep changing its node, the chain must not change under it
    entries.add(TranscriptEntry.chain(entries.size() + 1, kind, data.deepCopy(), prev));
  }

  /** The entries so far, in order. */
  public synchronized List<TranscriptEntry> entries() {
    return List.copyOf(entries);
  }

  /** The hash of the last entry, or {@link TranscriptEntry#GENESIS} when empty. */
  public synchronized String headHash() {
    return entries.isEmpty() ? TranscriptEntry.GENESIS : entries.get(entries.size() - 1).hash();
  }

  /** The transcript as a JSON array. */
  public synchronized ArrayNode toJson() {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    entries.forEach(e -> array.add(e.toJson()));
    return array;
  }

  /**
   * Writes the transcript as an indented JSON array.
   *
   * @param file the file
   * @throws UncheckedIOException if it cannot be written
   */
  public void writeTo(Path file) {
    try {
      Files.write(file, JSON.writeValueAsBytes(toJson()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
