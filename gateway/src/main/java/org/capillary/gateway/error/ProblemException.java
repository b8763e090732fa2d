package org.capillary.gateway.error;

import java.util.List;
import java.util.Map;
import org.capillary.spec.validation.Violation;
import org.jspecify.annotations.Nullable;

/**
 * A request refused with a stable problem code; rendered once, by {@link ProblemExceptionHandler},
 * as an RFC 9457 {@code application/problem+json} document. The HTTP status and title come from
 * the contract's {@code problem-codes.yaml} (see {@link ProblemCatalog}), so a filter names only
 * the code and, where useful, a detail.
 */
public class ProblemException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String code;
  private final transient List<Violation> errors;
  private final transient Map<String, Object> extensions;
  private final transient Map<String, String> headers;

  /**
   * @param code a problem code of {@code problem-codes.yaml}
   * @param detail an explanation for the caller; never secret material or a key comparison
   */
  public ProblemException(String code, @Nullable String detail) {
    this(code, detail, List.of(), Map.of(), Map.of());
  }

  /**
   * @param code the problem code
   * @param detail the explanation
   * @param errors validation violations (for VALIDATION_FAILED and INVALID_PARAMETER)
   * @param extensions further members of the problem document (e.g. signingInput)
   * @param headers response headers to add (e.g. Retry-After)
   */
  public ProblemException(
      String code,
      @Nullable String detail,
      List<Violation> errors,
      Map<String, Object> extensions,
      Map<String, String> headers) {
    super(detail == null ? code : code + ": " + detail, null, false, false);
    this.code = code;
    this.errors = List.copyOf(errors);
    this.extensions = Map.copyOf(extensions);
    this.headers = Map.copyOf(headers);
  }

  /** The stable problem code. */
  public String code() {
    return code;
  }

  /** The explanation, if any. */
  public @Nullable String detail() {
    String m = getMessage();
    int i = m == null ? -1 : m.indexOf(": ");
    return i < 0 ? null : m.substring(i + 2);
  }

  /** Validation violations, possibly empty. */
  public List<Violation> errors() {
    return errors;
  }

  /** Extra members of the problem document. */
  public Map<String, Object> extensions() {
    return extensions;
  }

  /** Response headers to set. */
  public Map<String, String> headers() {
    return headers;
  }
}
