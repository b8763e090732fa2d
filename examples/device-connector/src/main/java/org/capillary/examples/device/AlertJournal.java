package org.capillary.examples.device;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The store-and-forward queue on disk: a directory with one JSON file per {@link QueuedDelivery},
 * named by its sequence number, so that what was queued survives a crash or a power cut and is
 * sent, in order, when the gateway can be reached again.
 *
 * <pre>
 * &lt;directory&gt;/pending/00000000000000000001.json   a delivery waiting to be sent
 * &lt;directory&gt;/media/                              snapshots and clips the alerts will cite
 * &lt;directory&gt;/uploads/                            resumable-upload state (the SDK's FileUploadStateStore)
 * &lt;directory&gt;/rejected/                           deliveries the gateway refused for good, with the problem
 * </pre>
 *
 * <p>Every change is durable before the method returns: a file is written under a temporary name,
 * forced to disk, renamed over the old one atomically and the directory forced, so a reader sees
 * the old or the new content, never half of one. Leftover temporary files of an interrupted write
 * are removed when the journal is opened. A delivery leaves {@code pending/} only when the gateway
 * has answered with a receipt ({@link #complete}) or refused it for good ({@link #reject}).
 *
 * <p>One process at a time per directory (nothing here locks it). Not thread-safe.
 */
public final class AlertJournal {

  private static final Pattern ENTRY = Pattern.compile("(\\d{20})\\.json");

  private final Path pending;
  private final Path media;
  private final Path uploads;
  private final Path rejected;
  private final Clock clock;
  private long lastSequence;

  private AlertJournal(Path directory, Clock clock) throws IOException {
    this.pending = Files.createDirectories(directory.resolve("pending"));
    this.media = Files.createDirectories(directory.resolve("media"));
    this.uploads = Files.createDirectories(directory.resolve("uploads"));
    this.rejected = Files.createDirectories(directory.resolve("rejected"));
    this.clock = clock;
    for (Path dir : List.of(pending, rejected)) {
      try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
        for (Path file : files) {
          String name = file.getFileName().toString();
          Matcher m = ENTRY.matcher(name);
          if (m.matches()) {
            lastSequence = Math.max(lastSequence, Long.parseLong(m.group(1)));
          } else if (name.endsWith(".tmp")) {
            Files.delete(file);
          }
        }
      }
    }
  }

  /**
   * Opens (or creates) the journal in a directory.
   *
   * @param directory the journal's directory, created if absent
   * @param clock the clock for {@link QueuedDelivery#queuedAt()}
   * @return the journal
   * @throws UncheckedIOException if the directory cannot be read or created
   */
  public static AlertJournal open(Path directory, Clock clock) {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(clock, "clock");
    try {
      return new AlertJournal(directory, clock);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the alert journal in " + directory, e);
    }
  }

  /** @return where media files of queued alerts are kept until their delivery is complete */
  public Path mediaDirectory() {
    return media;
  }

  /** @return where the SDK keeps the state of unfinished uploads (resumed after a restart) */
  public Path uploadStateDirectory() {
    return uploads;
  }

  /**
   * Queues a delivery, durably, with a new sequence number and a new Idempotency-Key.
   *
   * @param alerts the alerts (1, or up to 500 for a batch); their media files must already be in
   *     {@link #mediaDirectory()}
   * @param batch whether to send them with publishAlertBatch
   * @return the queued delivery
   * @throws IllegalArgumentException if a cited media file is missing, or the count does not fit
   * @throws UncheckedIOException if it cannot be written
   */
  public QueuedDelivery enqueue(List<QueuedAlert> alerts, boolean batch) {
    for (QueuedAlert alert : alerts) {
      for (AlertMedia m : alert.media()) {
        if (!Files.isRegularFile(media.resolve(m.fileName()))) {
          throw new IllegalArgumentException("no media file " + m.fileName() + " in " + media);
        }
      }
    }
    QueuedDelivery delivery = new QueuedDelivery(lastSequence + 1, "alerts-" + UUID.randomUUID(), batch,
        clock.instant(), alerts);
    write(pending, delivery);
    lastSequence = delivery.sequence();
    return delivery;
  }

  /**
   * @return the deliveries waiting to be sent, oldest first
   * @throws UncheckedIOException if the journal cannot be read
   */
  public List<QueuedDelivery> pending() {
    List<QueuedDelivery> all = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(pending, "*.json")) {
      for (Path file : files) {
        if (ENTRY.matcher(file.getFileName().toString()).matches()) {
          all.add(JournalJson.MAPPER.readValue(file.toFile(), QueuedDelivery.class));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the alert journal " + pending, e);
    }
    all.sort(java.util.Comparator.comparingLong(QueuedDelivery::sequence));
    return all;
  }

  /**
   * Replaces a pending delivery's state (e.g. a media file of it was uploaded), durably.
   *
   * @param delivery the new state; same sequence number and key as the stored one
   * @throws IllegalStateException if the delivery is no longer pending
   * @throws UncheckedIOException if it cannot be written
   */
  public void update(QueuedDelivery delivery) {
    if (!Files.isRegularFile(entry(pending, delivery.sequence()))) {
      throw new IllegalStateException("delivery " + delivery.sequence() + " is not pending");
    }
    write(pending, delivery);
  }

  /**
   * Removes a delivery the gateway accepted, and its media files.
   *
   * @param delivery the delivery
   * @throws UncheckedIOException if it cannot be removed
   */
  public void complete(QueuedDelivery delivery) {
    try {
      Files.deleteIfExists(entry(pending, delivery.sequence()));
      force(pending);
      deleteMedia(delivery);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove delivery " + delivery.sequence(), e);
    }
  }

  /**
   * Moves a delivery the gateway refused for good (a problem that no retry can change, e.g.
   * VALIDATION_FAILED) out of the queue, with the reason beside it, so it does not hold up later
   * deliveries and an operator can look at it.
   *
   * @param delivery the delivery
   * @param reason the problem, e.g. {@code 422 VALIDATION_FAILED …}
   * @throws UncheckedIOException if it cannot be moved
   */
  public void reject(QueuedDelivery delivery, String reason) {
    try {
      write(rejected, delivery);
      Files.writeString(rejected.resolve(entry(rejected, delivery.sequence()).getFileName() + ".problem.txt"),
          reason, StandardCharsets.UTF_8);
      Files.deleteIfExists(entry(pending, delivery.sequence()));
      force(pending);
      deleteMedia(delivery);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move delivery " + delivery.sequence() + " to " + rejected, e);
    }
  }

  /**
   * @return the deliveries set aside by {@link #reject}, oldest first
   * @throws UncheckedIOException if they cannot be read
   */
  public List<QueuedDelivery> rejected() {
    List<QueuedDelivery> all = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(rejected, "*.json")) {
      for (Path file : files) {
        all.add(JournalJson.MAPPER.readValue(file.toFile(), QueuedDelivery.class));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + rejected, e);
    }
    all.sort(java.util.Comparator.comparingLong(QueuedDelivery::sequence));
    return all;
  }

  private void deleteMedia(QueuedDelivery delivery) throws IOException {
    for (QueuedAlert alert : delivery.alerts()) {
      for (AlertMedia m : alert.media()) {
        Files.deleteIfExists(media.resolve(m.fileName()));
      }
    }
  }

  private static Path entry(Path dir, long sequence) {
    return dir.resolve(String.format("%020d.json", sequence));
  }

  private static void write(Path dir, QueuedDelivery delivery) {
    Path target = entry(dir, delivery.sequence());
    Path temp = dir.resolve(target.getFileName() + ".tmp");
    try {
      byte[] json = JournalJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(delivery);
      try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer buffer = ByteBuffer.wrap(json);
        while (buffer.hasRemaining()) {
          out.write(buffer);
        }
        out.force(true);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      force(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }

  /** Forces a directory's entries (a rename, a deletion) to disk; Linux and macOS allow it. */
  private static void force(Path dir) throws IOException {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Windows cannot open a directory: the rename itself is its durability point there.
      if (!System.getProperty("os.name", "").startsWith("Windows")) {
        throw e;
      }
    }
  }
}
