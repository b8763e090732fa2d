package org.capillary.spec.contract;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One operation of the contract, as declared in {@code openapi.yaml}.
 *
 * @param operationId the stable operation id, e.g. {@code submitInspection}
 * @param method the HTTP method, upper case
 * @param pathTemplate the path with {@code {name}} placeholders, e.g. {@code /v1/projects/{projectId}/inspections}
 * @param roles the connector roles allowed to call it ({@code x-roles}); {@code PUBLIC} for unauthenticated reads
 * @param requirementIds the requirement ids it implements ({@code x-req})
 * @param requestSchema the schema file of its JSON body relative to the spec root (e.g. {@code schemas/Inspection.json}),
 *     or {@code null} when it has no JSON body
 * @param requestContentTypes the media types its body may be sent as (empty when it has no body)
 * @param subject where the subject project of a write is found ({@code x-subject}), or {@code null}
 */
public record Operation(
    String operationId,
    String method,
    String pathTemplate,
    List<String> roles,
    List<String> requirementIds,
    @Nullable String requestSchema,
    List<String> requestContentTypes,
    @Nullable String subject) {

  public Operation {
    Objects.requireNonNull(operationId, "operationId");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(pathTemplate, "pathTemplate");
    roles = List.copyOf(roles);
    requirementIds = List.copyOf(requirementIds);
    requestContentTypes = List.copyOf(requestContentTypes);
  }

  /** Whether this operation changes state (POST, PUT, PATCH, DELETE) and so needs an Idempotency-Key. */
  public boolean isWrite() {
    return switch (method) {
      case "POST", "PUT", "PATCH", "DELETE" -> true;
      default -> false;
    };
  }

  /** Whether the body is JSON validated against {@link #requestSchema()}. */
  public boolean hasJsonBody() {
    return requestSchema != null;
  }
}
