package org.capillary.sdk.auth;

import java.security.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * The JCA provider ES256 signing runs on. The JDK's own ECDSA signs in about 0.7 ms on a 2-core
 * machine, more than the SDK's per-call budget; Conscrypt (BoringSSL) signs about ten times
 * faster. The SDK does not depend on Conscrypt: when {@code org.conscrypt:conscrypt-openjdk-uber}
 * is on the class path and loads on this platform, it is used; otherwise the JDK's provider is.
 * Either produces standard ES256 signatures (the gateway cannot tell them apart).
 */
final class EcdsaProvider {

  private static final Logger LOG = Logger.getLogger(EcdsaProvider.class.getName());

  private EcdsaProvider() {}

  /** Conscrypt when present and usable, else null (the JDK default provider). */
  static @Nullable Provider fastest() {
    return Holder.PROVIDER;
  }

  private static final class Holder {
    static final @Nullable Provider PROVIDER = load();

    private static @Nullable Provider load() {
      try {
        Class<?> conscrypt = Class.forName("org.conscrypt.Conscrypt");
        if (!(Boolean) conscrypt.getMethod("isAvailable").invoke(null)) {
          return null;
        }
        return (Provider) conscrypt.getMethod("newProvider").invoke(null);
      } catch (ClassNotFoundException e) {
        return null;
      } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
        LOG.log(Level.FINE, "Conscrypt is on the class path but does not load; ES256 signs on the JDK provider", e);
        return null;
      }
    }
  }
}
