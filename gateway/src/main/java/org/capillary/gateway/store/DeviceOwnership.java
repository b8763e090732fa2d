package org.capillary.gateway.store;

/**
 * Who registered a device, and where it is installed.
 *
 * @param deviceId the device id
 * @param connectorId the device vendor connector that registered it
 * @param projectId the works project it is installed on
 * @param kind its kind (an extensible vocabulary, e.g. AI_CAMERA)
 */
public record DeviceOwnership(String deviceId, String connectorId, String projectId, String kind) {}
