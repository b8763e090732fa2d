package org.capillary.gateway.receipt;

import java.time.Duration;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /.well-known/jwks.json}: the public keys that verify receipts and signed events. */
@RestController
public class JwksController {

  private final GatewaySigningKey key;

  /**
   * @param key the gateway key
   */
  public JwksController(GatewaySigningKey key) {
    this.key = key;
  }

  /** The JWKS (public keys only). */
  @GetMapping(path = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, Object>> jwks() {
    return ResponseEntity.ok()
        .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
        .body(key.publicJwks().toJSONObject(true));
  }
}
