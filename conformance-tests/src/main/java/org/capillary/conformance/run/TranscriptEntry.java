package org.capillary.conformance.run;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One entry of a hash-chained transcript.
 *
 * <p>{@code hash} = lower-case hex SHA-256 of the {@linkplain CanonicalJson canonical JSON} of the
 * object {@code {seq, kind, data, prevHash}} (the entry without its {@code hash}); {@code prevHash}
 * is the {@code hash} of the entry before, or {@link #GENESIS} for the first. Changing, removing,
 * inserting or reordering any entry changes every hash after it.
 *
 * @param seq position, from 1
 * @param kind what the entry is ({@code run}, {@code scenario}, {@code exchange}, {@code check}, ...)
 * @param data the content
 * @param prevHash the hash of the entry before
 * @param hash this entry's hash
 */
public record TranscriptEntry(long seq, String kind, JsonNode data, String prevHash, String hash) {

  /** The {@code prevHash} of the first entry: 64 zeros. */
  public static final String GENESIS = "0".repeat(64);

  /** Validates. */
  public TranscriptEntry {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(prevHash, "prevHash");
    Objects.requireNonNull(hash, "hash");
  }

  /**
   * Makes the entry that follows {@code prevHash}, computing its hash.
   *
   * @param seq its position
   * @param kind its kind
   * @param data its content
   * @param prevHash the hash before it
   * @return the entry
   */
  public static TranscriptEntry chain(long seq, String kind, JsonNode data, String prevHash) {
    return new TranscriptEntry(seq, kind, data, prevHash, hashOf(seq, kind, data, prevHash));
  }

  /**
   * The hash an entry with these members must have.
   *
   * @param seq position
   * @param kind kind
   * @param data content
   * @param prevHash hash before
   * @return lower-case hex SHA-256
   */
  public static String hashOf(long seq, String kind, JsonNode data, String prevHash) {
    ObjectNode unsigned = JsonNodeFactory.instance.objectNode();
    unsigned.put("seq", seq);
    unsigned.put("kind", kind);
    unsigned.set("data", data);
    unsigned.put("prevHash", prevHash);
    return sha256Hex(CanonicalJson.bytes(unsigned));
  }

  /** The entry as a JSON object with all five members. */
  public ObjectNode toJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("seq", seq);
    json.put("kind", kind);
    json.set("data", data);
    json.put("prevHash", prevHash);
    json.put("hash", hash);
    return json;
  }

  static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
