package org.capillary.conformance.sandbox;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A misbehaviour of the platform the sandbox injects instead of (or after) its normal answer.
 * Faults that come "after filing" leave the submission stored, as a gateway does when the answer
 * is lost on the way back; the others store nothing.
 */
public sealed interface Fault {

  /** Whether the request is processed (and a write filed) before the fault. */
  boolean afterFiling();

  /** A short name for transcripts, e.g. {@code 429 Retry-After 1}. */
  String label();

  /**
   * {@code 429 RATE_LIMITED} with {@code Retry-After}; nothing stored.
   *
   * @param retryAfter the wait announced, whole seconds
   */
  record TooManyRequests(Duration retryAfter) implements Fault {
    /** Validates. */
    public TooManyRequests {
      Objects.requireNonNull(retryAfter, "retryAfter");
    }

    @Override
    public boolean afterFiling() {
      return false;
    }

    @Override
    public String label() {
      return "429 Retry-After " + retryAfter.toSeconds();
    }
  }

  /**
   * {@code 503 SERVICE_UNAVAILABLE}, with {@code Retry-After} if given; nothing stored.
   *
   * @param retryAfter the wait announced, or {@code null} for none
   */
  record Unavailable(@Nullable Duration retryAfter) implements Fault {
    @Override
    public boolean afterFiling() {
      return false;
    }

    @Override
    public String label() {
      return retryAfter == null ? "503" : "503 Retry-After " + retryAfter.toSeconds();
    }
  }

  /**
   * The normal answer, but only after {@code delay}: the write is filed at once, so a connector
   * that times out and retries with the same key gets the stored answer.
   *
   * @param delay how long the answer is held back; longer than any sane client timeout
   */
  record SlowAnswer(Duration delay) implements Fault {
    /** Validates. */
    public SlowAnswer {
      Objects.requireNonNull(delay, "delay");
    }

    @Override
    public boolean afterFiling() {
      return true;
    }

    @Override
    public String label() {
      return "answer delayed " + delay.toMillis() + " ms";
    }
  }

  /**
   * The connection is reset instead of answered.
   *
   * @param afterFiling whether the write was filed before the reset (the answer was lost) or not
   *     (the request was lost)
   */
  record DroppedConnection(boolean afterFiling) implements Fault {
    @Override
    public String label() {
      return afterFiling ? "connection reset after filing" : "connection reset before filing";
    }
  }
}
