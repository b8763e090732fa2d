package org.capillary.gateway.media;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A single HTTP byte range (RFC 9110 §14.1.2) resolved against a length: {@code bytes=a-b},
 * {@code bytes=a-} or {@code bytes=-n}. Several ranges, or a value that does not parse, are
 * ignored (the whole content is sent), as RFC 9110 allows; a range that starts past the end, or
 * an empty suffix, is unsatisfiable (416).
 *
 * @param start the first byte
 * @param end the last byte, inclusive
 */
record ByteRange(long start, long end) {

  private static final Pattern SINGLE = Pattern.compile("bytes=(\\d{0,19})-(\\d{0,19})");

  /** The outcome of parsing a Range header. */
  sealed interface Parsed permits Whole, Partial, Unsatisfiable {}

  /** No usable Range: send everything (200). */
  record Whole() implements Parsed {}

  /** One satisfiable range (206). */
  record Partial(ByteRange range) implements Parsed {}

  /** Not satisfiable for this length (416). */
  record Unsatisfiable() implements Parsed {}

  long length() {
    return end - start + 1;
  }

  /** The Content-Range value of this range of a content of {@code total} bytes. */
  String contentRange(long total) {
    return "bytes " + start + "-" + end + "/" + total;
  }

  static Parsed parse(@Nullable String header, long total) {
    if (header == null) {
      return new Whole();
    }
    Matcher m = SINGLE.matcher(header.trim());
    if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
      return new Whole();
    }
    try {
      if (m.group(1).isEmpty()) {
        long suffix = Long.parseLong(m.group(2));
        if (suffix == 0 || total == 0) {
          return new Unsatisfiable();
        }
        return new Partial(new ByteRange(Math.max(0, total - suffix), total - 1));
      }
      long start = Long.parseLong(m.group(1));
      long end = m.group(2).isEmpty() ? Long.MAX_VALUE : Long.parseLong(m.group(2));
      if (end < start) {
        return new Whole(); // syntactically invalid: ignored
      }
      if (start >= total) {
        return new Unsatisfiable();
      }
      return new Partial(new ByteRange(start, Math.min(end, total - 1)));
    } catch (NumberFormatException e) {
      return new Whole();
    }
  }
}
