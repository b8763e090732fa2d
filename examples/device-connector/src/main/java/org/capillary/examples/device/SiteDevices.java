package org.capillary.examples.device;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.capillary.sdk.CapillaryClient;
import org.capillary.sdk.models.DeviceRegistration;
import org.capillary.sdk.models.DeviceRegistrationChannelsInner;
import org.capillary.sdk.models.DeviceRegistrationElectricity;
import org.capillary.sdk.models.DeviceRegistrationInstallLocation;
import org.capillary.sdk.models.SubmissionReceipt;

/**
 * The devices a vendor installs on one works project: an AI camera watching the work area and a
 * smart-electricity monitor on the temporary distribution boxes. Their ids are derived from the
 * project id (device ids are unique district-wide). A device must be registered by its vendor
 * before its alerts are accepted (otherwise DEVICE_NOT_OWNED).
 *
 * @param projectId the works project (registered by its insurer's policy)
 * @param cameraId the AI camera's device id
 * @param monitorId the electricity monitor's device id
 */
public record SiteDevices(String projectId, String cameraId, String monitorId) {

  static final ZoneId DISTRICT_ZONE = ZoneId.of("Asia/Shanghai");

  /** Checks the components. */
  public SiteDevices {
    Objects.requireNonNull(projectId, "projectId");
    Objects.requireNonNull(cameraId, "cameraId");
    Objects.requireNonNull(monitorId, "monitorId");
  }

  /**
   * @param projectId the works project
   * @return its camera {@code cam-<projectId>-01} and monitor {@code emon-<projectId>-01}
   */
  public static SiteDevices forProject(String projectId) {
    return new SiteDevices(projectId, "cam-" + projectId + "-01", "emon-" + projectId + "-01");
  }

  /** @return the CloudEvents {@code source} of the camera's alerts */
  public String cameraSource() {
    return "urn:capillary:device:" + cameraId;
  }

  /** @return the CloudEvents {@code source} of the monitor's alarms */
  public String monitorSource() {
    return "urn:capillary:device:" + monitorId;
  }

  /**
   * Registers both devices (registerDevice). Registering a device again updates it, so this may run
   * on every start.
   *
   * @param client the device vendor's client
   * @param clock when the devices were installed (one day before now)
   * @return the two receipts
   * @throws org.capillary.sdk.exception.CapillaryServiceException for an error answer (e.g.
   *     UNKNOWN_PROJECT when no policy covers the project)
   * @throws org.capillary.sdk.exception.CapillaryClientException if the gateway cannot be reached
   */
  public List<SubmissionReceipt> register(CapillaryClient client, Clock clock) {
    OffsetDateTime installed = OffsetDateTime.now(clock.withZone(DISTRICT_ZONE)).minusDays(1).truncatedTo(ChronoUnit.HOURS);
    DeviceRegistration camera = new DeviceRegistration()
        .deviceId(cameraId)
        .projectId(projectId)
        .kind("AI_CAMERA")
        .vendor("HIKVISION")
        .model("DS-2CD3T47G2-LIU")
        .serialNo("DS" + Integer.toUnsignedString(cameraId.hashCode(), 36).toUpperCase(java.util.Locale.ROOT))
        .protocol(DeviceRegistration.ProtocolEnum.HIK_ISAPI)
        .channels(List.of(new DeviceRegistrationChannelsInner().channelId("1").name("吊顶作业区")))
        .installLocation(new DeviceRegistrationInstallLocation().lat(new BigDecimal("22.5381"))
            .lng(new BigDecimal("114.0942")).crs(DeviceRegistrationInstallLocation.CrsEnum.GCJ02))
        .installedAt(installed);
    DeviceRegistration monitor = new DeviceRegistration()
        .deviceId(monitorId)
        .projectId(projectId)
        .kind("ELECTRICITY_MONITOR")
        .vendor("OTHER")
        .model("ACREL-ARCM300T-Z")
        .serialNo("ARCM" + Integer.toUnsignedString(monitorId.hashCode(), 36).toUpperCase(java.util.Locale.ROOT))
        .protocol(DeviceRegistration.ProtocolEnum.MQTT)
        .channels(List.of(new DeviceRegistrationChannelsInner().channelId("1").name("总配电箱")))
        .installedAt(installed)
        .electricity(new DeviceRegistrationElectricity()
            .detectorTypes(new LinkedHashSet<>(List.of(DeviceRegistrationElectricity.DetectorTypesEnum.RESIDUAL_CURRENT,
                DeviceRegistrationElectricity.DetectorTypesEnum.TEMPERATURE)))
            .circuitIds(new LinkedHashSet<>(List.of("L1", "L2")))
            .residualCurrentAlarmMilliamps(300)
            .autoTripEnabled(false));
    return List.of(client.registerDevice(camera), client.registerDevice(monitor));
  }
}
