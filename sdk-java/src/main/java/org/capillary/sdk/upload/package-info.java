/**
 * Resumable, chunked media uploads (tus 1.0 over {@code /v1/uploads}): photos, videos, documents
 * and other evidence that records then cite as {@code {"mediaId": …, "sha256": …}}.
 *
 * <pre>{@code
 * UploadedMedia photo = client.uploadMedia(Path.of("site-042.jpg"),
 *     UploadOptions.builder(UploadCreation.KindEnum.PHOTO, "image/jpeg")
 *         .projectId("FT-2026-000123")
 *         .stateStore(new FileUploadStateStore(Path.of("/var/lib/connector/uploads")))
 *         .progressListener((sent, total) -> log.info("{}/{}", sent, total))
 *         .build());
 * finding.addPhotosItem(new MediaRef().mediaId(photo.mediaId()).sha256(photo.sha256()));
 * }</pre>
 *
 * <p>The file is never held in memory: its SHA-256 is computed in one streaming pass, then it is
 * sent one chunk at a time ({@link org.capillary.sdk.upload.UploadOptions#chunkSize()}, 8 MiB by
 * default). Each chunk is a PATCH signed afresh over the chunk's octets, with its
 * {@code Upload-Checksum} and the Idempotency-Key {@code <uploadId>@<offset>}. After a dropped
 * connection or a transient error the uploader asks the gateway for its offset (HEAD) and continues
 * from there, within the client's {@link org.capillary.sdk.http.RetryOptions}. With an
 * {@link org.capillary.sdk.upload.UploadStateStore} an upload interrupted by a process restart is
 * resumed by calling {@code uploadMedia} again for the same content.
 */
@NullMarked
package org.capillary.sdk.upload;

import org.jspecify.annotations.NullMarked;
