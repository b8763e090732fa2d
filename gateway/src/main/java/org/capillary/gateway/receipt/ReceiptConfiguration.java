package org.capillary.gateway.receipt;

import org.capillary.gateway.config.GatewayProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The gateway key and the receipt signer. */
@Configuration(proxyBeanMethods = false)
public class ReceiptConfiguration {

  /** The gateway key, created on first start. */
  @Bean
  public GatewaySigningKey gatewaySigningKey(GatewayProperties properties) {
    return properties.createKeyIfMissing()
        ? GatewaySigningKey.loadOrCreate(properties.signingKeyFile())
        : GatewaySigningKey.load(properties.signingKeyFile());
  }

  /** The receipt signer. */
  @Bean
  public ReceiptSigner receiptSigner(GatewaySigningKey key, GatewayProperties properties) {
    return new ReceiptSigner(key, properties.issuer());
  }
}
