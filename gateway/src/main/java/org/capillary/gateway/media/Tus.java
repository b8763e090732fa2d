package org.capillary.gateway.media;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.capillary.gateway.error.ProblemException;
import org.capillary.spec.validation.Violation;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/** The tus 1.0 protocol's header names and values, and the checks of its request headers. */
final class Tus {

  static final String RESUMABLE = "Tus-Resumable";
  static final String VERSION = "1.0.0";
  static final String EXTENSIONS = "creation,checksum,termination,expiration";
  static final String UPLOAD_OFFSET = "Upload-Offset";
  static final String UPLOAD_LENGTH = "Upload-Length";
  static final String UPLOAD_EXPIRES = "Upload-Expires";
  static final String UPLOAD_CHECKSUM = "Upload-Checksum";
  static final String CHUNK_CONTENT_TYPE = "application/offset+octet-stream";

  private static final Pattern OFFSET = Pattern.compile("0|[1-9][0-9]{0,17}");
  private static final Pattern CHECKSUM = Pattern.compile("sha256 ([A-Za-z0-9+/]{43}=)");

  private Tus() {}

  /** An RFC 9110 HTTP-date, as Upload-Expires is written. */
  static String httpDate(Instant instant) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
  }

  /** Tus-Resumable must be 1.0.0 (the only version served). */
  static void requireResumable(HttpHeaders headers) {
    String value = headers.getFirst(RESUMABLE);
    if (!VERSION.equals(value == null ? null : value.trim())) {
      throw invalid(RESUMABLE, "Tus-Resumable must be 1.0.0", Map.of("Tus-Version", VERSION));
    }
  }

  /** The Upload-Offset of a PATCH. */
  static long offset(HttpHeaders headers) {
    String value = headers.getFirst(UPLOAD_OFFSET);
    if (value == null || !OFFSET.matcher(value.trim()).matches()) {
      throw invalid(UPLOAD_OFFSET, "Upload-Offset must be a non-negative integer", Map.of());
    }
    return Long.parseLong(value.trim());
  }

  /** The SHA-256 an Upload-Checksum {@code sha256 <base64>} announces. */
  static byte[] checksum(HttpHeaders headers) {
    String value = headers.getFirst(UPLOAD_CHECKSUM);
    var m = value == null ? null : CHECKSUM.matcher(value.trim());
    if (m == null || !m.matches()) {
      throw invalid(UPLOAD_CHECKSUM, "Upload-Checksum must be sha256 <standard base64 of the chunk's SHA-256>", Map.of());
    }
    return java.util.Base64.getDecoder().decode(m.group(1));
  }

  private static ProblemException invalid(String header, String detail, Map<String, String> responseHeaders) {
    return new ProblemException("INVALID_PARAMETER", detail,
        List.of(new Violation("/header/" + header, "INVALID_VALUE", detail)), Map.of(), responseHeaders);
  }

  /** Sets Upload-Expires when the upload is unfinished. */
  static void expires(HttpHeaders headers, @Nullable Upload upload) {
    if (upload != null && Upload.UPLOADING.equals(upload.status())) {
      headers.set(UPLOAD_EXPIRES, httpDate(upload.expiresAt()));
    }
  }
}
