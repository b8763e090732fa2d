package org.capillary.sdk.testing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.capillary.sdk.http.Sleeper;

/** Records every back-off delay and returns at once. */
public final class RecordingSleeper implements Sleeper {
  public final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  @Override
  public void sleep(Duration delay) {
    sleeps.add(delay);
  }
}
