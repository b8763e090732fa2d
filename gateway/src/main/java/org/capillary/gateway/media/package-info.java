/**
 * Media: resumable, content-addressed uploads of photos, documents, audio, signatures and video
 * (issue 5, tus 1.0 core with the creation, checksum, termination and expiration extensions), the
 * check that records cite only complete media of their own connector, and authorised reads with
 * HTTP Range support.
 *
 * <p>Flow: {@code createUpload} is a signed JSON write like any other (ledger, receipt); its
 * {@link org.capillary.gateway.media.UploadCreationEffect} creates the upload row in the ledger
 * transaction and {@link org.capillary.gateway.media.UploadCreatedHeaders} adds the tus headers to
 * the 201. A {@code PATCH} chunk is streamed to a spool file by {@link
 * org.capillary.gateway.media.ChunkSpoolFilter} (digest computed on the fly, never buffered), then
 * goes through the whole pipeline (signature verified by streaming the spool) to {@link
 * org.capillary.gateway.media.ChunkAppender}, which appends it to the upload's part file and, on
 * the last byte, checks the whole file's SHA-256 and moves it into the {@link
 * org.capillary.gateway.media.MediaStore}.
 */
@NullMarked
package org.capillary.gateway.media;

import org.jspecify.annotations.NullMarked;
