package org.capillary.gateway.connector;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the connector directory ({@code capillary.gateway.connectors.*}).
 *
 * @param seedFile a Spring resource location of connectors to insert on start-up if absent
 *     (default {@code classpath:connectors/demo-connectors.yaml}, the demo connectors with their
 *     published TEST ONLY keys). Empty disables seeding: the production profile must set it empty
 *     (or to its own file), or anyone holding the demo keys could sign requests.
 * @param refreshInterval how often the in-memory snapshot of connectors and keys is reloaded from
 *     the database (default 5 s). It bounds how long a change made on another replica (or directly
 *     in the database) takes to reach this one; changes made through this replica's admin API are
 *     visible at once. Shorter costs one small query per interval; zero or negative is refused.
 */
@ConfigurationProperties("capillary.gateway.connectors")
public record ConnectorProperties(
    @DefaultValue("classpath:connectors/demo-connectors.yaml") @Nullable String seedFile,
    @DefaultValue("5s") Duration refreshInterval) {

  public ConnectorProperties {
    if (refreshInterval.isZero() || refreshInterval.isNegative()) {
      throw new IllegalArgumentException("capillary.gateway.connectors.refresh-interval must be positive");
    }
  }
}
