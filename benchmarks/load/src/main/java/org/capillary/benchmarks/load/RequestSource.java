package org.capillary.benchmarks.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The requests of one phase, signed before it starts. For the gateway every request is distinct
 * (fresh inspection id, Idempotency-Key and jti: the gateway refuses replays); a baseline, which
 * checks nothing, is sent the same kind of requests from a smaller pool, cycled.
 */
final class RequestSource {

  private final List<PreparedRequest> requests;
  private final boolean cycle;

  private RequestSource(List<PreparedRequest> requests, boolean cycle) {
    this.requests = requests;
    this.cycle = cycle;
  }

  /**
   * Signs {@code count} inspections, round-robin over the connectors and, per connector, over its
   * projects: a project's history (which the compliance projection reads) grows as slowly as it can.
   *
   * @param connectors the signing insurers and their projects
   * @param run the run id
   * @param sequence the run's sequence of inspection ids
   * @param count how many
   * @param cycle whether the phase may reuse them (baselines only)
   * @return the source
   */
  static RequestSource signed(List<LoadConnector> connectors, String run, AtomicLong sequence, int count,
      boolean cycle) {
    List<PreparedRequest> requests = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      long n = sequence.incrementAndGet(); // continues across phases: every inspection id is new
      LoadConnector c = connectors.get((int) (n % connectors.size()));
      String projectId = c.projectIds().get((int) ((n / connectors.size()) % c.projectIds().size()));
      String path = "/v1/projects/" + projectId + "/inspections";
      byte[] body = c.bodies().inspection(run, n);
      String idempotencyKey = java.util.UUID.randomUUID().toString();
      requests.add(new PreparedRequest(path, body, idempotencyKey, c.signer().sign("POST", path, body, idempotencyKey)));
    }
    return new RequestSource(requests, cycle);
  }

  /** The request of index {@code i}, or {@code null} when a non-cycling source is exhausted. */
  @org.jspecify.annotations.Nullable PreparedRequest get(long i) {
    if (i < requests.size()) {
      return requests.get((int) i);
    }
    return cycle ? requests.get((int) (i % requests.size())) : null;
  }

  /** How many distinct requests. */
  int size() {
    return requests.size();
  }
}
