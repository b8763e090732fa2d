package org.capillary.gateway.jws;

import java.security.Provider;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JCA providers the gateway's ECDSA work runs on. Conscrypt (BoringSSL) verifies ES256 about
 * 18 times and signs it about 12 times faster than the JDK 17 default provider on this hardware
 * (benchmarks/RESULTS.md); where its native library cannot load, the JDK provider is used and a
 * warning says so.
 */
public final class CryptoProviders {

  private static final Logger LOG = LoggerFactory.getLogger(CryptoProviders.class);

  private CryptoProviders() {}

  /** Conscrypt, loaded once per process; null when it cannot load here. */
  public static @Nullable Provider conscrypt() {
    return ConscryptHolder.PROVIDER;
  }

  private static final class ConscryptHolder {
    static final @Nullable Provider PROVIDER = load();

    private static @Nullable Provider load() {
      try {
        if (org.conscrypt.Conscrypt.isAvailable()) {
          return org.conscrypt.Conscrypt.newProvider();
        }
        LOG.warn("Conscrypt is not available on this platform; ECDSA uses the JDK provider (slower)");
      } catch (LinkageError | RuntimeException e) {
        LOG.warn("Conscrypt failed to load; ECDSA uses the JDK provider (slower): {}", e.toString());
      }
      return null;
    }
  }
}
