/**
 * The request and response models. Most are generated at build time from the contract
 * (spec/openapi.yaml and spec/schemas) and mirror it field for field: build a request with its
 * fluent setters, e.g. {@code new Inspection().inspectionId("INS-1").type(Inspection.TypeEnum.ROUTINE)}.
 * Values of a closed enum the SDK does not know yet read as {@code UNKNOWN_DEFAULT_OPEN_API};
 * vendor-extensible vocabularies (AI event types, device kinds, statuses) are plain strings and keep
 * whatever the gateway sends. {@link org.capillary.sdk.models.SubmissionReceipt},
 * {@link org.capillary.sdk.models.ReceiptClaims}, {@link org.capillary.sdk.models.Page},
 * {@link org.capillary.sdk.models.PagedIterable} and the options records are hand-written.
 *
 * <p>Not {@code @NullMarked}: the generated models mark their optional members with
 * {@code jakarta.annotation.Nullable}.
 */
package org.capillary.sdk.models;
