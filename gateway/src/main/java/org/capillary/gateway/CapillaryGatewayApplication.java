package org.capillary.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the Capillary gateway. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CapillaryGatewayApplication {

  /**
   * Entry point.
   *
   * @param args Spring Boot arguments
   */
  public static void main(String[] args) {
    SpringApplication.run(CapillaryGatewayApplication.class, args);
  }
}
