package org.capillary.conformance.coverage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Why a requirement id is not verified by any check: the resource {@code requirements-not-tested.csv}
 * with the header {@code id,reason}, one id a line; the reason is everything after the first comma.
 * Blank lines and lines starting with {@code #} are ignored.
 */
public final class NotTestedReasons {

  /** The resource's name. */
  public static final String RESOURCE = "/requirements-not-tested.csv";

  private NotTestedReasons() {}

  /**
   * Loads the reasons shipped with the suite.
   *
   * @return reasons by requirement id
   * @throws IllegalStateException if the file is malformed (no header, an id twice, an empty reason)
   */
  public static Map<String, String> load() {
    try (InputStream in = NotTestedReasons.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parses the CSV text.
   *
   * @param csv the text
   * @return reasons by id
   * @throws IllegalStateException if malformed
   */
  public static Map<String, String> parse(String csv) {
    Map<String, String> reasons = new TreeMap<>();
    boolean header = true;
    int lineNo = 0;
    try (BufferedReader r = new BufferedReader(new java.io.StringReader(csv))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        lineNo++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        if (header) {
          if (!line.strip().equals("id,reason")) {
            throw new IllegalStateException("line " + lineNo + ": the header must be id,reason");
          }
          header = false;
          continue;
        }
        int comma = line.indexOf(',');
        String id = comma < 0 ? line.strip() : line.substring(0, comma).strip();
        String reason = comma < 0 ? "" : line.substring(comma + 1).strip();
        if (reason.isEmpty()) {
          throw new IllegalStateException("line " + lineNo + ": " + id + " has no reason");
        }
        if (reasons.put(id, reason) != null) {
          throw new IllegalStateException("line " + lineNo + ": " + id + " is listed twice");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Collections.unmodifiableMap(reasons);
  }
}
