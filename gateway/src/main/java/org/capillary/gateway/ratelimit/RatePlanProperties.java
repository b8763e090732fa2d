package org.capillary.gateway.ratelimit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The rate plans a connector may be on, by name ({@code capillary.gateway.rate-limit.plans}):
 *
 * <pre>{@code
 * capillary.gateway.rate-limit.plans:
 *   standard: {capacity: 100, window: 1s}
 *   devices:  {capacity: 500, window: 1s}
 * }</pre>
 *
 * <p>Each plan is a bucket of {@code capacity} tokens refilled greedily with {@code capacity}
 * tokens per {@code window}. When no plan is configured the defaults apply: {@code standard} 100
 * per second, {@code devices} 500 per second and {@code operator} 50 per second. Configuring any
 * plan replaces all the defaults. Plan names are published in the RateLimit headers as structured
 * field strings, so they are restricted to letters, digits, {@code .}, {@code _} and {@code -}; the
 * window is published in whole seconds, so it must be a whole number of seconds. A connector on a
 * plan that is not configured is refused with SERVICE_UNAVAILABLE ({@link UnknownRatePlanException}).
 */
@ConfigurationProperties("capillary.gateway.rate-limit")
public final class RatePlanProperties {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private static final Map<String, Plan> DEFAULTS = Map.of(
      "standard", new Plan(100, Duration.ofSeconds(1)),
      "devices", new Plan(500, Duration.ofSeconds(1)),
      "operator", new Plan(50, Duration.ofSeconds(1)));

  /**
   * One configured plan.
   *
   * @param capacity tokens per window, also the burst; at least 1
   * @param window the refill window, a whole number of seconds, at least one second
   */
  public record Plan(long capacity, @Nullable Duration window) {}

  private final Map<String, RatePlan> plans;

  /**
   * @param plans the configured plans by name; null or empty for the defaults
   * @throws IllegalArgumentException if a plan is invalid
   */
  public RatePlanProperties(@Nullable Map<String, Plan> plans) {
    Map<String, Plan> source = plans == null || plans.isEmpty() ? DEFAULTS : plans;
    Map<String, RatePlan> resolved = new LinkedHashMap<>();
    source.forEach((name, plan) -> resolved.put(name, toRatePlan(name, plan)));
    this.plans = Map.copyOf(resolved);
  }

  /** The default plans. */
  public static RatePlanProperties defaults() {
    return new RatePlanProperties(null);
  }

  /** The plans by name, unmodifiable. */
  public Map<String, RatePlan> plans() {
    return plans;
  }

  /**
   * The plan of a name.
   *
   * @param name the plan name a connector is registered with
   * @return the plan
   * @throws UnknownRatePlanException if no plan of that name is configured
   */
  public RatePlan require(String name) {
    RatePlan plan = plans.get(name);
    if (plan == null) {
      throw new UnknownRatePlanException(name);
    }
    return plan;
  }

  private static RatePlan toRatePlan(String name, @Nullable Plan plan) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("rate plan name '" + name + "' must match " + NAME.pattern());
    }
    Objects.requireNonNull(plan, () -> "rate plan '" + name + "' has no settings");
    Duration window = plan.window();
    if (window == null || window.getNano() != 0 || window.getSeconds() < 1) {
      throw new IllegalArgumentException(
          "rate plan '" + name + "': window must be a whole number of seconds, at least 1 s, was " + window);
    }
    if (plan.capacity() < 1) {
      throw new IllegalArgumentException("rate plan '" + name + "': capacity must be at least 1");
    }
    return new RatePlan(name, plan.capacity(), window);
  }
}
