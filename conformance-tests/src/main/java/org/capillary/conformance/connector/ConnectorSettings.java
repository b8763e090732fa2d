package org.capillary.conformance.connector;

import java.util.LinkedHashMap;
import java.util.Map;

/** The settings the connector plans read, with the line the command line shows for each. */
final class ConnectorSettings {

  private ConnectorSettings() {}

  static Map<String, String> required(boolean command) {
    Map<String, String> s = new LinkedHashMap<>();
    s.put(ConnectorScenario.CONNECTOR_ID, "the connector's registered id (receipts name it)");
    s.put(ConnectorScenario.CONNECTOR_JWKS, "a file with the connector's public JWK Set (every key with kid and alg)");
    if (command) {
      s.put(CommandConnector.COMMAND, "the connector's command line, run with /bin/sh -c (see README-connectors.md)");
    }
    return s;
  }

  static Map<String, String> optional(boolean command) {
    Map<String, String> s = new LinkedHashMap<>();
    if (command) {
      s.put(CommandConnector.TIMEOUT_SECONDS, "how long the command may run per scenario, seconds (default 300)");
    }
    s.put(ConnectorCycle.SETTING, "instructed (default: file the instructions) or connector-defined (file your own "
        + "cycle; it must include the operations the faults strike)");
    s.put(FaultSettings.RETRY_AFTER_SECONDS, "the Retry-After of injected 429 and 503 answers, seconds (default 2)");
    s.put(FaultSettings.SLOW_ANSWER_MILLIS, "how long a slow answer is held back, ms (default 40000)");
    return s;
  }
}
