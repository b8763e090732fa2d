package org.capillary.gateway.it;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A bounded write load on one gateway: a few client threads, each sending signed registerPolicy
 * and submitInspection requests back to back (alternately compact and indented JSON), recording
 * everything it sends and every receipt. {@link #connectionLost()} announces that the gateway is
 * about to die: from then on a request without response is expected, not a failure.
 */
final class SubmissionLoad {

  private final GatewayHttp http;
  private final FreshConnector insurer;
  private final List<Thread> threads = new ArrayList<>();
  private final Queue<SentSubmission> sent = new ConcurrentLinkedQueue<>();
  private final Queue<String> unexpected = new ConcurrentLinkedQueue<>();
  private final AtomicInteger receipts = new AtomicInteger();
  private final AtomicBoolean connectionLost = new AtomicBoolean();
  private final AtomicBoolean stop = new AtomicBoolean();

  SubmissionLoad(GatewayHttp http, FreshConnector insurer) {
    this.http = http;
    this.insurer = insurer;
  }

  /** Starts the client threads. */
  void start(int threadCount) {
    for (int i = 0; i < threadCount; i++) {
      Thread t = new Thread(this::run, "load-" + i);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
  }

  /** Waits until at least {@code count} receipts arrived or the time is up; returns the count. */
  int awaitReceipts(int count, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (receipts.get() < count && System.nanoTime() < deadline && threads.stream().anyMatch(Thread::isAlive)) {
      Thread.sleep(10);
    }
    return receipts.get();
  }

  /** The gateway is about to be killed: requests without response are expected from now on. */
  void connectionLost() {
    connectionLost.set(true);
  }

  /** Stops sending and waits for the threads (each ends with its request in flight). */
  void stopAndJoin(Duration limit) throws InterruptedException {
    stop.set(true);
    long deadline = System.nanoTime() + limit.toNanos();
    for (Thread t : threads) {
      t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
      if (t.isAlive()) {
        unexpected.add(t.getName() + " still running after " + limit);
      }
    }
  }

  /** Everything sent, answered or not. */
  List<SentSubmission> sent() {
    return List.copyOf(sent);
  }

  /** Responses other than 201 and lost connections before {@link #connectionLost()}. */
  List<String> unexpected() {
    return List.copyOf(unexpected);
  }

  private void run() {
    @Nullable String projectId = null;
    int n = 0;
    while (!stop.get()) {
      n++;
      boolean policy = projectId == null || n % 2 == 0;
      String newProject = ItBodies.projectId();
      SentSubmission submission = policy
          ? new SentSubmission("POST", "/v1/policies", "application/json",
              encode(ItBodies.policy(ItBodies.id("pol"), newProject), n), ItBodies.id("idk"))
          : new SentSubmission("POST", "/v1/projects/" + projectId + "/inspections", "application/json",
              encode(ItBodies.inspection(), n), ItBodies.id("idk"));
      String signature = insurer.signer().sign(submission.method, submission.path, submission.body, submission.idempotencyKey);
      submission.signatures.add(signature);
      sent.add(submission);
      try {
        GatewayHttp.Response response = http.send(submission.method, submission.path, submission.contentType,
            submission.body, submission.idempotencyKey, signature);
        if (response.status() == 201) {
          submission.answered(response, true);
          receipts.incrementAndGet();
          if (policy && projectId == null) {
            projectId = newProject;
          }
        } else {
          unexpected.add(submission + " -> " + response);
        }
      } catch (IOException e) {
        if (!connectionLost.get()) {
          unexpected.add(submission + " -> " + e);
        }
        // the gateway died: this request may or may not be stored; nothing more to send
        return;
      }
    }
  }

  private static byte[] encode(tools.jackson.databind.JsonNode body, int n) {
    return n % 3 == 0 ? ItBodies.pretty(body) : ItBodies.compact(body);
  }
}
