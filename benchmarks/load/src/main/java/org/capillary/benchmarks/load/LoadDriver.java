package org.capillary.benchmarks.load;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SynchronizedHistogram;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * Sends prepared requests to one server over loopback with Reactor Netty (HTTP/1.1 keep-alive,
 * a fixed pool of connections, one event-loop thread: the generator has one core).
 *
 * <p>Open loop: request {@code i} is due at {@code start + i / rate} whatever happened before, and
 * its latency is measured from that intended time, so a server that stalls is charged for every
 * request that waited (no coordinated omission); requests beyond the pool wait for a connection,
 * and that wait counts too. Closed loop: {@code n} requests in flight, each answer triggering the
 * next; its throughput is the saturation point, comparable with wrk's numbers in TOOLCHAIN.md.
 */
final class LoadDriver implements AutoCloseable {

  private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);

  private final LoopResources loop = LoopResources.create("load", 1, true);
  private final ConnectionProvider pool;
  private final HttpClient client;
  private final int connections;
  private final AtomicLong outstanding = new AtomicLong();

  LoadDriver(String baseUrl, int connections) {
    this.connections = connections;
    this.pool = ConnectionProvider.builder("load").maxConnections(connections).pendingAcquireMaxCount(-1)
        .pendingAcquireTimeout(Duration.ofSeconds(60)).build();
    this.client = HttpClient.create(pool).runOn(loop).baseUrl(baseUrl).responseTimeout(Duration.ofSeconds(30));
  }

  /** One run's counters. */
  private static final class Tally {
    final Histogram latency = new SynchronizedHistogram(TimeUnit.SECONDS.toNanos(60), 3);
    final AtomicLong sent = new AtomicLong();
    final AtomicLong ok = new AtomicLong();
    final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
    final java.util.Queue<String> samples = new java.util.concurrent.ConcurrentLinkedQueue<>();
    volatile long lastAnswer;

    void answered(long fromNanos, String outcome) {
      long now = System.nanoTime();
      lastAnswer = now;
      latency.recordValue(Math.min(Math.max(0, now - fromNanos), latency.getHighestTrackableValue()));
      if (outcome.equals("201")) {
        ok.incrementAndGet();
      } else {
        failures.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
      }
    }
  }

  /**
   * Sends at a fixed rate for a duration.
   *
   * @param server the server's name (for the result)
   * @param phase the phase's name
   * @param source the requests (at least {@code rate * seconds}, or cycling)
   * @param rate requests per second
   * @param duration how long to offer them
   * @return the result
   */
  PhaseResult openLoop(String server, String phase, RequestSource source, double rate, Duration duration)
      throws InterruptedException {
    awaitIdle();
    long count = (long) (rate * duration.toNanos() / 1e9);
    double interval = 1e9 / rate;
    Tally tally = new Tally();
    CountDownLatch done = new CountDownLatch((int) count);
    long start = System.nanoTime();
    boolean exhausted = false;
    for (long i = 0; i < count; i++) {
      long due = start + (long) (i * interval);
      long wait;
      while ((wait = due - System.nanoTime()) > 0) {
        LockSupport.parkNanos(Math.min(wait, 200_000));
      }
      PreparedRequest request = source.get(i);
      if (request == null) {
        exhausted = true;
        for (long j = i; j < count; j++) {
          done.countDown();
        }
        break;
      }
      send(request, due, tally, done::countDown);
    }
    done.await(TIMEOUT_NANOS + TimeUnit.SECONDS.toNanos(30), TimeUnit.NANOSECONDS);
    return result(server, phase, "open", rate, connections, start, tally, exhausted);
  }

  /**
   * Keeps {@code inFlight} requests outstanding for a duration.
   *
   * @return the result
   */
  PhaseResult closedLoop(String server, String phase, RequestSource source, int inFlight, Duration duration)
      throws InterruptedException {
    awaitIdle();
    Tally tally = new Tally();
    AtomicLong next = new AtomicLong();
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    CountDownLatch finished = new CountDownLatch(inFlight);
    boolean[] exhausted = new boolean[1];
    for (int w = 0; w < inFlight; w++) {
      Runnable[] loopStep = new Runnable[1];
      loopStep[0] = () -> {
        if (System.nanoTime() >= end) {
          finished.countDown();
          return;
        }
        PreparedRequest request = source.get(next.getAndIncrement());
        if (request == null) {
          exhausted[0] = true;
          finished.countDown();
          return;
        }
        send(request, System.nanoTime(), tally, loopStep[0]);
      };
      loopStep[0].run();
    }
    finished.await(duration.toNanos() + TIMEOUT_NANOS + TimeUnit.SECONDS.toNanos(30), TimeUnit.NANOSECONDS);
    return result(server, phase, "closed", 0, inFlight, start, tally, exhausted[0]);
  }

  /**
   * Waits until no request of an earlier phase is outstanding, so a phase never starts on a
   * backlog (requests are cut off by the 30 s response timeout at the latest).
   */
  private void awaitIdle() throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT_NANOS + TimeUnit.SECONDS.toNanos(70);
    while (outstanding.get() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }

  private void send(PreparedRequest request, long fromNanos, Tally tally, Runnable then) {
    tally.sent.incrementAndGet();
    outstanding.incrementAndGet();
    client.post().uri(request.path())
        .send((req, out) -> {
          req.header(HttpHeaderNames.CONTENT_TYPE, "application/json");
          req.header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(request.body().length));
          if (request.idempotencyKey() != null) {
            req.header("Idempotency-Key", request.idempotencyKey());
          }
          if (request.signature() != null) {
            req.header("Capillary-Signature", request.signature());
          }
          return out.sendObject(Mono.just(Unpooled.wrappedBuffer(request.body())));
        })
        .responseSingle((response, content) -> response.status().code() == 201
            ? content.then(Mono.just("201"))
            : content.asString().defaultIfEmpty("").map(text -> sample(tally, response.status().code(), text)))
        .onErrorResume(e -> Mono.just(e.getClass().getSimpleName()))
        .subscribe(outcome -> {
          outstanding.decrementAndGet();
          tally.answered(fromNanos, outcome);
          then.run();
        });
  }

  /** Keeps the first few refusals' bodies, so a report of failures says why. */
  private static String sample(Tally tally, int status, String body) {
    if (tally.samples.size() < 3) {
      tally.samples.add(status + " " + (body.length() > 400 ? body.substring(0, 400) + "..." : body));
    }
    return Integer.toString(status);
  }

  private static PhaseResult result(String server, String phase, String mode, double rate, int concurrency, long start,
      Tally tally, boolean exhausted) {
    long last = tally.lastAnswer == 0 ? System.nanoTime() : tally.lastAnswer;
    double seconds = Math.max(1e-9, (last - start) / 1e9);
    Map<String, Long> failures = new TreeMap<>();
    tally.failures.forEach((k, v) -> failures.put(k, v.get()));
    Histogram h = tally.latency;
    return new PhaseResult(server, phase, mode, rate, concurrency, seconds, tally.sent.get(), tally.ok.get(), failures,
        tally.ok.get() / seconds, ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(99)),
        ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()), exhausted, java.util.List.copyOf(tally.samples));
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  @Override
  public void close() {
    pool.disposeLater().block(Duration.ofSeconds(10));
    loop.disposeLater().block(Duration.ofSeconds(10));
  }
}
