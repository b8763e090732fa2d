package org.capillary.conformance.report;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.capillary.conformance.ContractFiles;

/**
 * The digest that names the exact contract a report was issued against.
 *
 * <p>Definition: the files are {@code openapi.yaml} followed by every file below {@code schemas/}
 * in ascending order of their relative paths (UTF-8 octets, e.g. {@code schemas/AlertEvent.json}).
 * For each file, in that order, the SHA-256 input receives: the UTF-8 octets of its relative path,
 * one 0x00 octet, its length as an 8-octet big-endian integer, then its octets as published. The
 * digest is written {@code sha-256:} followed by the lower-case hex of the SHA-256 value. The
 * framing makes the digest change when a file is renamed, moved between files or added, not only
 * when its content changes.
 */
public final class ContractDigest {

  private ContractDigest() {}

  /** The digest of the contract on the class path (the one the suite was built with). */
  public static String ofSuiteContract() {
    List<String> files = new ArrayList<>();
    files.add("openapi.yaml");
    files.addAll(ContractFiles.list("schemas"));
    List<byte[]> contents = files.stream().map(ContractFiles::read).toList();
    return of(files, contents);
  }

  /**
   * The digest of given files, framed as defined above.
   *
   * @param paths relative paths in order ({@code openapi.yaml} first, then {@code schemas/} sorted)
   * @param contents their octets, in the same order
   * @return {@code sha-256:<hex>}
   */
  public static String of(List<String> paths, List<byte[]> contents) {
    if (paths.size() != contents.size()) {
      throw new IllegalArgumentException("one content per path");
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (int i = 0; i < paths.size(); i++) {
        sha.update(paths.get(i).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(ByteBuffer.allocate(8).putLong(contents.get(i).length).array());
        sha.update(contents.get(i));
      }
      return "sha-256:" + HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
