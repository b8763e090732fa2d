package org.capillary.examples.device;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * One alert in the queue: the CloudEvent as JSON, and the media files it cites. Once a file is
 * uploaded, its {@code {"mediaId", "sha256"}} is written into the event's {@code data} at the
 * file's slot; an alert whose media are all uploaded is ready to publish, and its octets no longer
 * change.
 *
 * @param event the CloudEvent (structured mode), copied in and out
 * @param media the media files it cites, uploaded or not
 */
public record QueuedAlert(ObjectNode event, List<AlertMedia> media) {

  /** Checks and copies the components. */
  public QueuedAlert {
    event = canonical(Objects.requireNonNull(event, "event"));
    media = List.copyOf(media);
    if (!event.path("source").isTextual() || !event.path("id").isTextual() || !event.path("data").isObject()) {
      throw new IllegalArgumentException("a CloudEvent with data has a source, an id and a data object");
    }
  }

  /**
   * The event as it reads back from its JSON text: numbers and strings in the one form the journal
   * gives them, so an alert equals itself after a restart and is sent as the same octets.
   */
  private static ObjectNode canonical(ObjectNode event) {
    try {
      return (ObjectNode) JournalJson.MAPPER.readTree(JournalJson.MAPPER.writeValueAsBytes(event));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("not JSON: " + e.getMessage(), e);
    }
  }

  /** @return a copy of the event */
  @Override
  public ObjectNode event() {
    return event.deepCopy();
  }

  /** @return whether every media file is uploaded and cited */
  public boolean ready() {
    return media.stream().allMatch(AlertMedia::uploaded);
  }

  /**
   * @param index which media file
   * @param mediaId its media id on the gateway
   * @param sha256 its SHA-256, lower-case hex
   * @return this alert with the file cited in the event
   */
  public QueuedAlert withUploaded(int index, String mediaId, String sha256) {
    AlertMedia file = media.get(index);
    ObjectNode updated = event();
    ((ObjectNode) updated.path("data")).putObject(file.slot()).put("mediaId", mediaId).put("sha256", sha256);
    List<AlertMedia> files = new java.util.ArrayList<>(media);
    files.set(index, file.withMediaId(mediaId));
    return new QueuedAlert(updated, files);
  }

  /** @return the CloudEvents {@code source}, which with {@link #id()} identifies the alert */
  public String source() {
    return event.get("source").asText();
  }

  /** @return the CloudEvents {@code id} */
  public String id() {
    return event.get("id").asText();
  }
}
