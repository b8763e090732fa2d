package org.capillary.gateway.events;

import java.time.Clock;
import javax.sql.DataSource;
import org.capillary.gateway.config.GatewayProperties;
import org.capillary.gateway.projection.PeriodicTask;
import org.capillary.gateway.receipt.GatewaySigningKey;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The event log and the push delivery of events to subscribers. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventProperties.class)
public class EventsConfiguration {

  /** Records events in the projecting transactions. */
  @Bean
  public EventRecorder eventRecorder(EventProperties properties, GatewayProperties gateway, Clock clock) {
    String source = properties.source().isBlank() ? "urn:capillary:platform:" + gateway.issuer() : properties.source();
    return new EventRecorder(source, clock);
  }

  /**
   * Signs pushes with the gateway key. The key is read from the file the receipt signer keeps it
   * in (GatewaySigningKey does not hand out its private key), and checked against its key id.
   */
  @Bean
  public EventSigner eventSigner(GatewaySigningKey key, GatewayProperties gateway) {
    return EventSigner.fromKeyFile(gateway.signingKeyFile(), key.keyId());
  }

  /** Pushes deliveries. */
  @Bean
  public EventDeliverer eventDeliverer(DataSource dataSource, EventSigner signer, Clock clock,
      EventProperties properties) {
    return new EventDeliverer(dataSource, signer, clock, properties);
  }

  /** Pushes deliveries while the application runs. */
  @Bean
  public PeriodicTask eventDeliverySchedule(EventDeliverer deliverer, EventProperties properties) {
    return new PeriodicTask("capillary-events", properties.deliveryInterval(), properties.deliveryEnabled(),
        deliverer::deliverOnce);
  }
}
