package org.capillary.conformance.platform;

/**
 * The exchanges of the media-upload scenario, in the order sent.
 *
 * @param capabilities OPTIONS /v1/uploads (tus discovery)
 * @param created createUpload
 * @param firstHalf the PATCH of the first half
 * @param offset HEAD after the first half (a resuming client's question)
 * @param wrongOffset a PATCH at an offset that is not the current one
 * @param badChecksum a PATCH whose Upload-Checksum does not match the chunk
 * @param rest the PATCH of the second half
 * @param length the whole length
 * @param half the length of the first half
 */
public record UploadRun(Exchange capabilities, Exchange created, Exchange firstHalf, Exchange offset, Exchange wrongOffset,
    Exchange badChecksum, Exchange rest, int length, int half) {}
