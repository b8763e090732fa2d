package org.capillary.spec.contract;

import java.util.Map;

/**
 * An operation matched to a concrete request path, with the values of its path parameters.
 *
 * @param operation the operation
 * @param pathParameters path parameter values by name, percent-decoded
 */
public record OperationMatch(Operation operation, Map<String, String> pathParameters) {

  public OperationMatch {
    pathParameters = Map.copyOf(pathParameters);
  }
}
