package org.capillary.gateway.filter;

/**
 * The order of the intake pipeline, one filter per concern (STANDARDS.md, issue 3). Lower runs
 * first. The order is part of the protocol: a request that is both unsigned and oversized is
 * refused for its size; a replayed request is refused before it costs rate-limit tokens;
 * idempotency is decided before validation so a retry of a stored request is answered from the
 * store without re-validating.
 */
public final class FilterOrder {

  /** Request id in and out; MDC. */
  public static final int REQUEST_ID = -1000;
  /** Which contract operation; 404 and 405. */
  public static final int OPERATION = -950;
  /** 1. Size, content type, JSON depth and string length, before anything is parsed into objects. */
  public static final int GUARD = -900;
  /** 2. Detached JWS against the connector's registered keys. */
  public static final int SIGNATURE = -800;
  /** 3. Issued-at window and jti replay. */
  public static final int REPLAY = -700;
  /** 4. Role, tenant and device ownership. */
  public static final int AUTHORIZATION = -600;
  /** 5. Per connector and plan; fails closed. */
  public static final int RATE_LIMIT = -500;
  /** 6. Replay of stored responses, conflicts, in-flight. */
  public static final int IDEMPOTENCY = -400;
  /** 7. JSON Schema of the operation, identifier formats included. */
  public static final int VALIDATION = -300;

  private FilterOrder() {}
}
