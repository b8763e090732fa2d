package org.capillary.benchmarks.load;

/**
 * An insurer registered for the run, with the projects its policy covers.
 *
 * @param connectorId the connector id
 * @param projectIds the covered projects its inspections are filed for, in turn
 * @param signer signs as the connector
 * @param bodies its inspections (citing the photo it uploaded)
 */
record LoadConnector(String connectorId, java.util.List<String> projectIds, RequestSigner signer, Bodies bodies) {}
