package org.capillary.examples.device;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.capillary.examples.media.SampleFile;
import org.capillary.examples.media.SampleMedia;
import org.capillary.sdk.models.AiAlertData;
import org.capillary.sdk.models.AiAlertDataObjectsInner;
import org.capillary.sdk.models.AiAlertDataObjectsInnerBbox;
import org.capillary.sdk.models.AiAlertDataRaw;
import org.capillary.sdk.models.AiAlertEvent;
import org.capillary.sdk.models.ElectricityAlarmData;
import org.capillary.sdk.models.ElectricityAlarmEvent;

/**
 * The simulated devices of one site: what an AI camera (or an AI box behind ordinary cameras) and a
 * smart-electricity monitor report, as CloudEvents 1.0 in the contract's vocabulary
 * ({@code org.capillary.alert.ai.v1} with an {@code eventType} such as {@code NO_HELMET};
 * {@code org.capillary.alert.electricity.v1} with a {@code kind} such as {@code RESIDUAL_CURRENT}),
 * the works project as {@code subject}, and the vendor's own payload kept in {@code data.raw}.
 *
 * <p>Snapshots and clips are written into the journal's media folder at capture, as a camera keeps
 * them on its card; they are uploaded when the alert is sent. Each event gets a fresh UUID as its
 * CloudEvents {@code id}: {@code (source, id)} must never repeat for a different alert, across
 * restarts too.
 */
public final class SiteCamera {

  private static final URI AI_SCHEMA = URI.create("https://capillary.dev/spec/v1/schemas/AiAlertData.json");

  private final SiteDevices devices;
  private final AlertJournal journal;
  private final Clock clock;

  /**
   * @param devices the site's devices
   * @param journal where captured media go ({@link AlertJournal#mediaDirectory()})
   * @param clock the time of each detection
   */
  public SiteCamera(SiteDevices devices, AlertJournal journal, Clock clock) {
    this.devices = Objects.requireNonNull(devices, "devices");
    this.journal = Objects.requireNonNull(journal, "journal");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * A worker without a helmet (未佩戴安全帽): a VIOLATION with a snapshot and a 20-second clip.
   *
   * @return the alert, its media captured
   * @throws UncheckedIOException if the media cannot be written
   */
  public QueuedAlert noHelmet() {
    String id = UUID.randomUUID().toString();
    OffsetDateTime at = now();
    AiAlertData data = aiData("NO_HELMET", AiAlertData.StateEnum.START, AiAlertData.OutcomeEnum.VIOLATION, "0.91", at,
        "safetyHelmetDetection")
        .addObjectsItem(box("0.3219", "0.5537", "0.0672", "0.1981", "person"))
        .addObjectsItem(box("0.3301", "0.5537", "0.0398", "0.0512", "head"));
    List<AlertMedia> media = List.of(
        capture("snapshot", SampleMedia.photo(id + "-snapshot.jpg", id)),
        capture("clip", SampleMedia.video(id + "-clip.mp4", 20, 8 * 1024)));
    return new QueuedAlert(aiEvent(id, at, data), media);
  }

  /**
   * What the site reports in one minute of a busy afternoon, sent as one batch: a worker at height
   * without a harness (VIOLATION, with a snapshot), a helmet detection the model is unsure of
   * (INDETERMINATE: it never becomes a hazard by itself, R-34) and a 350 mA residual-current alarm
   * on the distribution box (alarm setting 300 mA).
   *
   * @return the three alerts, their media captured
   * @throws UncheckedIOException if the media cannot be written
   */
  public List<QueuedAlert> busyMinute() {
    List<QueuedAlert> alerts = new ArrayList<>();
    String harnessId = UUID.randomUUID().toString();
    OffsetDateTime at = now();
    alerts.add(new QueuedAlert(aiEvent(harnessId, at,
        aiData("NO_SAFETY_HARNESS", AiAlertData.StateEnum.START, AiAlertData.OutcomeEnum.VIOLATION, "0.87", at,
            "safetyBeltDetection").addObjectsItem(box("0.6120", "0.2010", "0.0810", "0.2450", "person"))),
        List.of(capture("snapshot", SampleMedia.photo(harnessId + "-snapshot.jpg", harnessId)))));
    String unsureId = UUID.randomUUID().toString();
    alerts.add(new QueuedAlert(aiEvent(unsureId, at.plusSeconds(14),
        aiData("NO_HELMET", AiAlertData.StateEnum.PULSE, AiAlertData.OutcomeEnum.INDETERMINATE, "0.42",
            at.plusSeconds(14), "safetyHelmetDetection")), List.of()));
    String alarmId = UUID.randomUUID().toString();
    OffsetDateTime alarmAt = at.plusSeconds(31);
    ElectricityAlarmEvent alarm = new ElectricityAlarmEvent()
        .specversion(ElectricityAlarmEvent.SpecversionEnum._1_0)
        .id(alarmId)
        .source(devices.monitorSource())
        .type(ElectricityAlarmEvent.TypeEnum.ORG_CAPILLARY_ALERT_ELECTRICITY_V1)
        .subject(devices.projectId())
        .time(alarmAt)
        .data(new ElectricityAlarmData()
            .deviceId(devices.monitorId())
            .circuitId("L2")
            .phase(ElectricityAlarmData.PhaseEnum.N)
            .kind("RESIDUAL_CURRENT")
            .category(ElectricityAlarmData.CategoryEnum.ALARM)
            .measuredValue(new BigDecimal("350"))
            .unit(ElectricityAlarmData.UnitEnum.M_A)
            .threshold(new BigDecimal("300"))
            .startedAt(alarmAt)
            .latched(true)
            .sourceEventKey(devices.monitorId() + "/L2/RC/" + alarmAt.format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")))
            .raw(new AiAlertDataRaw().format(AiAlertDataRaw.FormatEnum.JSON).encoding("UTF-8").vendorEventType("leakageAlarm")
                .payload(java.util.Map.of("loop", 2, "type", "LEAKAGE", "value", 350, "set", 300))));
    alerts.add(new QueuedAlert(JournalJson.MAPPER.valueToTree(alarm), List.of()));
    return alerts;
  }

  private AiAlertData aiData(String eventType, AiAlertData.StateEnum state, AiAlertData.OutcomeEnum outcome,
      String confidence, OffsetDateTime at, String vendorEventType) {
    return new AiAlertData()
        .deviceId(devices.cameraId())
        .channelId("1")
        .eventType(eventType)
        .state(state)
        .outcome(outcome)
        .confidence(new BigDecimal(confidence))
        .sourceEventKey("1|" + at + "|" + vendorEventType)
        .raw(new AiAlertDataRaw().format(AiAlertDataRaw.FormatEnum.XML).encoding("UTF-8").vendorEventType(vendorEventType)
            .payload("<EventNotificationAlert version=\"2.0\" xmlns=\"http://www.isapi.org/ver20/XMLSchema\">"
                + "<channelID>1</channelID><dateTime>" + at + "</dateTime><eventType>" + vendorEventType
                + "</eventType><eventState>active</eventState></EventNotificationAlert>"));
  }

  private ObjectNode aiEvent(String id, OffsetDateTime at, AiAlertData data) {
    AiAlertEvent event = new AiAlertEvent()
        .specversion(AiAlertEvent.SpecversionEnum._1_0)
        .id(id)
        .source(devices.cameraSource())
        .type(AiAlertEvent.TypeEnum.ORG_CAPILLARY_ALERT_AI_V1)
        .subject(devices.projectId())
        .time(at)
        .datacontenttype(AiAlertEvent.DatacontenttypeEnum.APPLICATION_JSON)
        .dataschema(AI_SCHEMA)
        .data(data);
    return JournalJson.MAPPER.valueToTree(event);
  }

  private static AiAlertDataObjectsInner box(String x, String y, String w, String h, String label) {
    return new AiAlertDataObjectsInner().label(label).bbox(new AiAlertDataObjectsInnerBbox()
        .x(new BigDecimal(x)).y(new BigDecimal(y)).w(new BigDecimal(w)).h(new BigDecimal(h)));
  }

  private AlertMedia capture(String slot, SampleFile file) {
    try {
      Files.write(journal.mediaDirectory().resolve(file.fileName()), file.content());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store " + file.fileName(), e);
    }
    return AlertMedia.pending(slot, file.fileName(), file.kind(), file.contentType());
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock.withZone(SiteDevices.DISTRICT_ZONE)).truncatedTo(ChronoUnit.SECONDS);
  }
}
