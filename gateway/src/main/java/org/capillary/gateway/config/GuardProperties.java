package org.capillary.gateway.config;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits the guard enforces before anything is parsed into objects.
 *
 * @param maxBodySize largest JSON body accepted (default 1 MiB); larger bodies get PAYLOAD_TOO_LARGE
 *     before they are read in full
 * @param maxBodySizeByOperation per-operation overrides, e.g. {@code publishAlertBatch: 8MB}
 * @param maxNestingDepth deepest JSON nesting accepted (default 32; the contract needs about 8)
 * @param maxStringLength longest JSON string value in characters (default 65,536)
 * @param maxNameLength longest JSON property name (default 256)
 */
@ConfigurationProperties("capillary.gateway.guard")
public record GuardProperties(
    @DefaultValue("1MB") DataSize maxBodySize,
    @DefaultValue Map<String, DataSize> maxBodySizeByOperation,
    @DefaultValue("32") int maxNestingDepth,
    @DefaultValue("65536") int maxStringLength,
    @DefaultValue("256") int maxNameLength) {

  public GuardProperties {
    maxBodySizeByOperation = Map.copyOf(maxBodySizeByOperation);
  }

  /**
   * The body limit of an operation.
   *
   * @param operationId the operation
   * @return its limit in bytes
   */
  public long limitFor(String operationId) {
    DataSize size = maxBodySizeByOperation.get(operationId);
    return (size != null ? size : maxBodySize).toBytes();
  }
}
