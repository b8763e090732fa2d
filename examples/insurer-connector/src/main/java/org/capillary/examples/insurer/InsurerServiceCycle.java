package org.capillary.examples.insurer;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.capillary.examples.media.SampleFile;
import org.capillary.examples.media.SampleMedia;
import org.capillary.sdk.CapillaryClient;
import org.capillary.sdk.http.Sleeper;
import org.capillary.sdk.models.Drill;
import org.capillary.sdk.models.DrillDrillPlan;
import org.capillary.sdk.models.DrillEvaluationReport;
import org.capillary.sdk.models.EmergencyPlan;
import org.capillary.sdk.models.EmergencyPlanDocument;
import org.capillary.sdk.models.Inspection;
import org.capillary.sdk.models.InspectionAgency;
import org.capillary.sdk.models.InspectionChecklistInner;
import org.capillary.sdk.models.InspectionChecklistInner.OutcomeEnum;
import org.capillary.sdk.models.InspectionChecklistInnerPhotosInner;
import org.capillary.sdk.models.InspectionFindingsInner;
import org.capillary.sdk.models.InspectionFindingsInnerResponsiblePerson;
import org.capillary.sdk.models.InspectionFindingsInnerStopWork;
import org.capillary.sdk.models.InspectionGeoFix;
import org.capillary.sdk.models.InspectionInsuredConfirmation;
import org.capillary.sdk.models.ObligationList;
import org.capillary.sdk.models.PolicyRegistration;
import org.capillary.sdk.models.PolicyRegistrationInsurer;
import org.capillary.sdk.models.PolicyRegistrationPolicyholder;
import org.capillary.sdk.models.PolicyRegistrationProjectsInner;
import org.capillary.sdk.models.PolicyRegistrationProjectsInnerContractor;
import org.capillary.sdk.models.PolicyRegistrationProjectsInnerLocation;
import org.capillary.sdk.models.PolicyRegistrationProjectsInnerOwner;
import org.capillary.sdk.models.PolicyRegistrationProjectsInnerProjectManager;
import org.capillary.sdk.models.PolicyRegistrationProjectsInnerRegisteredWorkersInner;
import org.capillary.sdk.models.PolicyRegistrationProjectsInnerSafetyOfficer;
import org.capillary.sdk.models.Rectification;
import org.capillary.sdk.models.RectificationRectifiedBy;
import org.capillary.sdk.models.RectificationVerification;
import org.capillary.sdk.models.RectificationVerificationVerifiedBy;
import org.capillary.sdk.models.RiskAssessment;
import org.capillary.sdk.models.RiskAssessmentAssessorsInner;
import org.capillary.sdk.models.RiskAssessmentReport;
import org.capillary.sdk.models.RiskAssessmentRiskItemsInner;
import org.capillary.sdk.models.RiskAssessmentRiskItemsInner.CategoryEnum;
import org.capillary.sdk.models.RiskAssessmentRiskItemsInner.LevelEnum;
import org.capillary.sdk.models.RiskAssessmentRiskItemsInnerLec;
import org.capillary.sdk.models.RiskAssessmentWorkerSkillsInner;
import org.capillary.sdk.models.SubmissionReceipt;
import org.capillary.sdk.models.TrainingSession;
import org.capillary.sdk.models.TrainingSessionAttendanceInner;
import org.capillary.sdk.models.TrainingSessionTrainer;
import org.capillary.sdk.models.WorksStatusChange;
import org.capillary.sdk.models.WriteOptions;
import org.capillary.sdk.upload.UploadedMedia;
import org.jspecify.annotations.Nullable;

/**
 * The whole accident-prevention service cycle of one small works project, as an insurer's system
 * files it with the SDK (Futian guideline; DOMAIN.md §8):
 *
 * <ol>
 *   <li>the policy and the works project it covers ({@code registerPolicy});
 *   <li>the risk assessment made before works start, with its PDF report ({@code submitRiskAssessment});
 *   <li>the start of works ({@code reportWorksStatus});
 *   <li>the training of the registered workers ({@code submitTraining}) and the emergency plan
 *       covering electric shock, falls from height and mechanical injury ({@code submitEmergencyPlan});
 *   <li>the first key-hazard inspection within 48 hours of the start, with photos and one hazard
 *       found, work stopped in the area ({@code submitInspection});
 *   <li>the hazard's rectification with after-photos ({@code submitRectification}) and its
 *       verification by the insurer's engineer ({@code submitRectificationVerification});
 *   <li>an emergency drill with its plan, video and evaluation report ({@code submitDrill});
 *   <li>the project's obligations read back ({@code listProjectObligations}), once the platform has
 *       applied the last submission ({@code getSubmission} no longer says {@code ACCEPTED}).
 * </ol>
 *
 * <p>Every media file is uploaded before the record that cites it, and cited by id and SHA-256 so
 * the record's signature covers the file's octets. Every write uses an {@code Idempotency-Key}
 * made from the record's own id ({@code <operation>/<record id>}): if the program crashed after
 * sending and before storing the receipt, sending the same record again with the same key returns
 * the stored receipt instead of filing twice.
 *
 * <p>Record times are taken from {@link CycleSettings#clock()}: the works were filed three days
 * before "now", started two days before, and every service is dated in between, in the order the
 * guideline requires. The class does nothing but the HTTP calls: no files, no output (pass a
 * {@link CycleListener} to watch). Not thread-safe; one instance per run.
 *
 * <pre>{@code
 * CapillaryClient client = new CapillaryClientBuilder()
 *     .endpoint("http://localhost:8080")
 *     .connectorId("demo-insurer-a")
 *     .credential(CapillaryKeyCredential.fromJwk(Files.readString(keyFile)))
 *     .buildClient();
 * CycleResult result = new InsurerServiceCycle(client, CycleSettings.create(Clock.systemUTC())).run();
 * result.filings().forEach(f -> System.out.println(f.operationId() + " " + f.receipt().submissionId()));
 * }</pre>
 */
public final class InsurerServiceCycle {

  // People and organisations of the demo works. Identity and credit codes carry valid check digits
  // (the gateway verifies them); they are the contract's example values, not real persons.
  private static final PolicyRegistrationProjectsInnerProjectManager MANAGER =
      new PolicyRegistrationProjectsInnerProjectManager().name("杨军").idNumber("510322198304150130").mobile("13510246813");
  private static final String[][] WORKERS = {
      {"王强", "440305197811250153", "13612345678"},
      {"陈明", "441521199206030575", "15013572468"},
      {"周杰", "360426199101010071", "17727654321"}};
  private static final String ENGINEER = "吴婷";
  private static final String ENGINEER_ID = "440307198708300260";
  private static final String ENGINEER_MOBILE = "13612398765";
  private static final String CONTRACTOR = "深圳市鹏城建设工程有限公司";
  private static final String CONTRACTOR_USCC = "91440304MA5GXQ4N5E";

  /** How often, and how many times, the status of the last submission is read while it is applied. */
  private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
  private static final int MAX_POLLS = 300;

  private final CapillaryClient client;
  private final CycleSettings settings;
  private final Sleeper sleeper;
  private final List<Filing> filings = new ArrayList<>();
  private CycleListener listener = CycleListener.NONE;

  /**
   * @param client the insurer connector's client (its connector must have the role INSURER)
   * @param settings the run id, sub-district and clock
   */
  public InsurerServiceCycle(CapillaryClient client, CycleSettings settings) {
    this(client, settings, Sleeper.system());
  }

  /**
   * @param client the insurer connector's client (its connector must have the role INSURER)
   * @param settings the run id, sub-district and clock
   * @param sleeper how to wait between reads of the last submission's status (at most 300 reads,
   *     100 ms apart) before the obligations are read
   */
  public InsurerServiceCycle(CapillaryClient client, CycleSettings settings, Sleeper sleeper) {
    this.client = Objects.requireNonNull(client, "client");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  /**
   * Runs the cycle silently.
   *
   * @return what was filed, and the obligations
   * @throws org.capillary.sdk.exception.CapillaryServiceException if the gateway refuses a record
   * @throws org.capillary.sdk.exception.CapillaryClientException if the gateway cannot be reached
   *     (after the client's retries)
   * @throws IllegalStateException if the cycle was already run
   */
  public CycleResult run() {
    return run(CycleListener.NONE);
  }

  /**
   * Runs the cycle, telling the listener each upload and filing as it happens.
   *
   * @param listener told each upload and filing
   * @return what was filed, and the obligations
   * @throws org.capillary.sdk.exception.CapillaryServiceException if the gateway refuses a record
   * @throws org.capillary.sdk.exception.CapillaryClientException if the gateway cannot be reached
   *     (after the client's retries)
   * @throws IllegalStateException if the cycle was already run
   */
  public CycleResult run(CycleListener listener) {
    if (!filings.isEmpty()) {
      throw new IllegalStateException("one run per instance");
    }
    this.listener = Objects.requireNonNull(listener, "listener");
    String run = settings.runId();
    String projectId = settings.projectId();
    OffsetDateTime now = OffsetDateTime.now(settings.clock().withZone(CycleSettings.DISTRICT_ZONE))
        .truncatedTo(ChronoUnit.MINUTES);
    OffsetDateTime filed = now.minusDays(3);
    OffsetDateTime start = now.minusDays(2);

    registerPolicy(filed, start);
    String assessmentId = "ra-" + run + "-01";
    submitRiskAssessment(assessmentId, start.minusHours(3));
    reportStart("chg-" + run + "-start", start);
    submitTraining("trn-" + run + "-01", start.minusHours(2));
    String planId = "ep-" + run + "-01";
    submitEmergencyPlan(planId, start.minusHours(1));
    String hazardId = "hz-" + run + "-0001";
    String inspectionId = "insp-" + run + "-01";
    OffsetDateTime inspected = start.plusHours(20);
    submitFirstInspection(inspectionId, hazardId, inspected);
    String rectificationId = "rect-" + run + "-0001";
    submitRectification(rectificationId, hazardId, inspected.plusHours(4));
    submitVerification("ver-" + run + "-0001", hazardId, rectificationId, inspected.plusHours(6));
    submitDrill("drl-" + run + "-01", planId, now.minusHours(3));

    // Obligations are evaluated from the projections, which apply submissions shortly after they
    // are stored: read them once the last submission is applied, so they reflect the whole cycle.
    Map<String, String> statuses = new LinkedHashMap<>();
    String last = awaitApplied(filings.get(filings.size() - 1).receipt().submissionId());
    for (Filing f : filings) {
      String id = f.receipt().submissionId();
      statuses.put(id, id.equals(filings.get(filings.size() - 1).receipt().submissionId()) ? last
          : client.getSubmission(id).getStatus());
    }
    ObligationList obligations = client.listProjectObligations(projectId);
    return new CycleResult(settings.policyId(), projectId, hazardId, filings, statuses, obligations);
  }

  // ------------------------------------------------------------------------------------- records

  private void registerPolicy(OffsetDateTime filed, OffsetDateTime start) {
    PolicyRegistrationProjectsInner project = new PolicyRegistrationProjectsInner()
        .projectId(settings.projectId())
        .name("南园街道滨河路某商铺装修改造工程")
        .address("深圳市福田区南园街道滨河路××号首层")
        .subdistrictCode(settings.subdistrictCode())
        .location(new PolicyRegistrationProjectsInnerLocation().lat(new BigDecimal("22.5381"))
            .lng(new BigDecimal("114.0942")).crs(PolicyRegistrationProjectsInnerLocation.CrsEnum.GCJ02))
        .worksType(PolicyRegistrationProjectsInner.WorksTypeEnum.DECORATION)
        .contractValue("680000.00")
        .filedAt(filed)
        .plannedStart(start.toLocalDate())
        .plannedEnd(start.toLocalDate().plusDays(60))
        .highRisk(false)
        .owner(new PolicyRegistrationProjectsInnerOwner().name("深圳市华强北商业管理有限公司").uscc("91440300MA5G9GQ172"))
        .contractor(new PolicyRegistrationProjectsInnerContractor().name(CONTRACTOR).uscc(CONTRACTOR_USCC))
        .projectManager(MANAGER)
        .safetyOfficer(new PolicyRegistrationProjectsInnerSafetyOfficer().name("李娜").idNumber("440303199007180429")
            .mobile("13928765432").role("安全员"));
    for (String[] w : WORKERS) {
      project.addRegisteredWorkersItem(new PolicyRegistrationProjectsInnerRegisteredWorkersInner()
          .name(w[0]).idNumber(w[1]).mobile(w[2]));
    }
    PolicyRegistration policy = new PolicyRegistration()
        .policyId(settings.policyId())
        .policyNo("PA44030026A" + settings.runId())
        .insurer(new PolicyRegistrationInsurer().name("平安财产保险股份有限公司深圳分公司").uscc("91440300192261853F"))
        .policyholder(new PolicyRegistrationPolicyholder().name(CONTRACTOR).uscc(CONTRACTOR_USCC)
            .contactName(MANAGER.getName()).contactMobile(MANAGER.getMobile()))
        .premiumCollected("9600.00")
        .preventionFeeBudget("2016.00")          // 21 % of the premium, the most the profile allows
        .coverageStart(filed.toLocalDate())
        .coverageEnd(filed.toLocalDate().plusDays(120))
        .projects(List.of(project));
    file("registerPolicy", settings.policyId(), key -> client.registerPolicy(policy, key));
  }

  private void submitRiskAssessment(String assessmentId, OffsetDateTime at) {
    UploadedMedia report = upload("risk assessment report", SampleMedia.pdf(assessmentId + ".pdf",
        "Risk identification and assessment " + settings.projectId(),
        List.of("Method: LEC. Overall level: GENERAL.", "Work at height: mobile platform, guard rails, harness.",
            "Temporary electricity: TN-S, one machine one switch one RCD.", "Assessed by " + ENGINEER_ID.substring(0, 6)
                + "******** (safety engineer).")));
    RiskAssessment assessment = new RiskAssessment()
        .assessmentId(assessmentId)
        .assessedAt(at)
        .assessors(List.of(engineer()))
        .workTypes(new LinkedHashSet<>(List.of(RiskAssessment.WorkTypesEnum.ELECTRICIAN,
            RiskAssessment.WorkTypesEnum.GENERAL_LABOUR)))
        .workerSkills(List.of(
            new RiskAssessmentWorkerSkillsInner().workType(RiskAssessmentWorkerSkillsInner.WorkTypeEnum.ELECTRICIAN)
                .headcount(1).certifiedCount(1).skillLevel(RiskAssessmentWorkerSkillsInner.SkillLevelEnum.SENIOR),
            new RiskAssessmentWorkerSkillsInner().workType(RiskAssessmentWorkerSkillsInner.WorkTypeEnum.GENERAL_LABOUR)
                .headcount(2).certifiedCount(0).skillLevel(RiskAssessmentWorkerSkillsInner.SkillLevelEnum.UNCERTIFIED)))
        .method(RiskAssessment.MethodEnum.LEC)
        .overallLevel(RiskAssessment.OverallLevelEnum.GENERAL)
        .riskItems(List.of(
            applicable("ri-01", CategoryEnum.HEIGHT, "吊顶及墙面作业使用移动操作平台，作业面约3米", 1, 6, 7,
                List.of("移动操作平台脚轮锁定并设1.2米防护栏杆", "高处作业系挂安全带")),
            applicable("ri-02", CategoryEnum.TEMP_ELECTRICITY, "装修电动工具临时用电", 1, 6, 7,
                List.of("三级配电两级保护", "一机一闸一漏一箱", "电工持证上岗")),
            notApplicable("ri-03", CategoryEnum.EDGE_OPENING, "首层商铺内装修，无洞口临边"),
            notApplicable("ri-04", CategoryEnum.FOUNDATION_PIT, "无土方开挖"),
            notApplicable("ri-05", CategoryEnum.LIFTING, "不使用起重机械")))
        .report(new RiskAssessmentReport().mediaId(report.mediaId()).sha256(report.sha256()));
    file("submitRiskAssessment", assessmentId, key -> client.submitRiskAssessment(settings.projectId(), assessment, key));
  }

  private void reportStart(String changeId, OffsetDateTime at) {
    WorksStatusChange change = new WorksStatusChange().changeId(changeId)
        .status(WorksStatusChange.StatusEnum.STARTED).effectiveAt(at);
    file("reportWorksStatus", changeId, key -> client.reportWorksStatus(settings.projectId(), change, key));
  }

  private void submitTraining(String trainingId, OffsetDateTime at) {
    UploadedMedia signIn = upload("training sign-in sheet", SampleMedia.photo(trainingId + "-signin.jpg", trainingId));
    TrainingSession training = new TrainingSession()
        .trainingId(trainingId)
        .heldAt(at)
        .durationMinutes(60)
        .trainer(new TrainingSessionTrainer().name(ENGINEER).idNumber(ENGINEER_ID).mobile(ENGINEER_MOBILE).role("安全工程师"))
        .topics(new LinkedHashSet<>(List.of(TrainingSession.TopicsEnum.ACCIDENT_CASES,
            TrainingSession.TopicsEnum.OPERATING_PROCEDURES, TrainingSession.TopicsEnum.PPE_USE,
            TrainingSession.TopicsEnum.EMERGENCY_HANDLING)))
        .location("南园街道滨河路××号首层施工现场")
        .evidence(List.of(ref(signIn)));
    int minute = 0;
    for (String[] w : WORKERS) {
      training.addAttendanceItem(new TrainingSessionAttendanceInner()
          .person(new PolicyRegistrationProjectsInnerRegisteredWorkersInner().name(w[0]).idNumber(w[1]).mobile(w[2]))
          .signedAt(at.minusMinutes(10 - minute++))
          .assessmentPassed(true));
    }
    file("submitTraining", trainingId, key -> client.submitTraining(settings.projectId(), training, key));
  }

  private void submitEmergencyPlan(String planId, OffsetDateTime at) {
    UploadedMedia document = upload("emergency plan", SampleMedia.pdf(planId + ".pdf",
        "Emergency plan " + settings.projectId(),
        List.of("Scenarios: electric shock, fall from height, mechanical injury, fire.",
            "First aid kit and stretcher at the site entrance.", "Emergency contacts posted on every floor.")));
    EmergencyPlan plan = new EmergencyPlan()
        .planId(planId)
        .title("滨河路商铺装修工程生产安全事故应急预案")
        .level(EmergencyPlan.LevelEnum.ONSITE)
        .version("V1.0")
        .approvedAt(at)
        .scenarios(new LinkedHashSet<>(List.of(EmergencyPlan.ScenariosEnum.ELECTRIC_SHOCK,
            EmergencyPlan.ScenariosEnum.FALL_FROM_HEIGHT, EmergencyPlan.ScenariosEnum.MECHANICAL_INJURY,
            EmergencyPlan.ScenariosEnum.FIRE)))
        .document(new EmergencyPlanDocument().mediaId(document.mediaId()).sha256(document.sha256()));
    file("submitEmergencyPlan", planId, key -> client.submitEmergencyPlan(settings.projectId(), plan, key));
  }

  private void submitFirstInspection(String inspectionId, String hazardId, OffsetDateTime at) {
    UploadedMedia helmets = upload("inspection photo: helmets", SampleMedia.photo(inspectionId + "-helmets.jpg",
        inspectionId + "helmets"));
    UploadedMedia platform = upload("inspection photo: platform", SampleMedia.photo(inspectionId + "-platform.jpg",
        inspectionId + "platform"));
    OffsetDateTime ended = at.plusMinutes(70);
    Inspection inspection = new Inspection()
        .inspectionId(inspectionId)
        .type(Inspection.TypeEnum.FIRST_KEY_HAZARD)
        .startedAt(at)
        .endedAt(ended)
        .inspectors(List.of(engineer()))
        .agency(new InspectionAgency().name("深圳市安衡安全技术服务有限公司").uscc("91440300MA5FTL2R92"))
        .geoFix(new InspectionGeoFix().lat(new BigDecimal("22.53812")).lng(new BigDecimal("114.09418"))
            .crs(InspectionGeoFix.CrsEnum.GCJ02).accuracyMeters(new BigDecimal("8")))
        // the five key items of the first inspection (guideline item 5; the schema requires them)
        .checklist(List.of(
            item("HELMET_USE", OutcomeEnum.PASS, "在场人员均正确佩戴安全帽", helmets),
            item("SCAFFOLD_PLATFORM_STABILITY", OutcomeEnum.FAIL, "移动操作平台脚轮未锁定，无防护栏杆", platform),
            item("FIRE_EXTINGUISHER_COMPLIANCE", OutcomeEnum.PASS, "配备2具4kg ABC干粉灭火器", null),
            item("WORKERS_MATCH_REGISTRATION", OutcomeEnum.PASS, "在场3人均在登记名单内", null),
            item("SPECIAL_OPS_CERTIFIED", OutcomeEnum.PASS, "电工持有效特种作业操作证", null)))
        .findings(List.of(new InspectionFindingsInner()
            .hazardId(hazardId)
            .category(InspectionFindingsInner.CategoryEnum.HEIGHT)
            .checklistItemCode("SCAFFOLD_PLATFORM_STABILITY")
            .description("吊顶作业使用的移动操作平台脚轮未锁定，作业面无防护栏杆")
            .location("首层吊顶作业区")
            .grade(InspectionFindingsInner.GradeEnum.GENERAL)
            .responsiblePerson(new InspectionFindingsInnerResponsiblePerson().name(MANAGER.getName())
                .mobile(MANAGER.getMobile()).role("项目负责人"))
            .rectificationDeadline(ended.plusHours(6))
            .requiredMeasures(List.of("锁定脚轮", "加装1.2米防护栏杆后方可继续作业"))
            .stopWork(new InspectionFindingsInnerStopWork().required(true)
                .scope(InspectionFindingsInnerStopWork.ScopeEnum.AREA).issuedAt(at.plusMinutes(20)).area("吊顶作业区"))
            .insuredNotifiedAt(at.plusMinutes(60))
            .photos(List.of(ref(platform)))))
        .insuredConfirmation(new InspectionInsuredConfirmation()
            .signedBy(new RiskAssessmentAssessorsInner().name(MANAGER.getName()).role("项目负责人"))
            .signedAt(ended))
        .summary("首次重点隐患排查，5项重点内容全部检查，发现一般隐患1项，已责令该区域停止作业并书面告知。");
    file("submitInspection", inspectionId, key -> client.submitInspection(settings.projectId(), inspection, key));
  }

  private void submitRectification(String rectificationId, String hazardId, OffsetDateTime at) {
    UploadedMedia after = upload("rectification photo", SampleMedia.photo(rectificationId + "-after.jpg",
        rectificationId));
    Rectification rectification = new Rectification()
        .rectificationId(rectificationId)
        .hazardId(hazardId)
        .submittedAt(at)
        .completedAt(at.minusMinutes(30))
        .rectifiedBy(new RectificationRectifiedBy().name(MANAGER.getName()).mobile(MANAGER.getMobile()).role("项目负责人"))
        .causeAnalysis("作业前未对移动操作平台进行检查。")
        .measuresTaken(List.of("锁定全部脚轮", "加装1.2米防护栏杆", "班前检查纳入交底内容"))
        .type(Rectification.TypeEnum.SELF)
        .afterPhotos(List.of(ref(after)));
    file("submitRectification", rectificationId, key -> client.submitRectification(settings.projectId(), rectification, key));
  }

  private void submitVerification(String verificationId, String hazardId, String rectificationId, OffsetDateTime at) {
    RectificationVerification verification = new RectificationVerification()
        .verificationId(verificationId)
        .hazardId(hazardId)
        .rectificationId(rectificationId)
        .verifiedAt(at)
        .verifiedBy(new RectificationVerificationVerifiedBy().name(ENGINEER).idNumber(ENGINEER_ID)
            .mobile(ENGINEER_MOBILE).role("安全工程师"))
        .result(RectificationVerification.ResultEnum.ACCEPTED)
        .note("现场复查：脚轮已锁定，防护栏杆已安装，同意销号。");
    file("submitRectificationVerification", verificationId,
        key -> client.submitRectificationVerification(settings.projectId(), verification, key));
  }

  private void submitDrill(String drillId, String planId, OffsetDateTime at) {
    UploadedMedia drillPlan = upload("drill plan", SampleMedia.pdf(drillId + "-plan.pdf", "Drill plan " + drillId,
        List.of("Scenario: fall from height from the mobile platform.", "Roles: alarm, first aid, evacuation.")));
    UploadedMedia video = upload("drill video", SampleMedia.video(drillId + ".mp4", 45, 16 * 1024));
    UploadedMedia evaluation = upload("drill evaluation", SampleMedia.pdf(drillId + "-evaluation.pdf",
        "Drill evaluation " + drillId, List.of("Alarm to first aid: 4 minutes (target 5).", "Stretcher moved nearer.")));
    Drill drill = new Drill()
        .drillId(drillId)
        .planId(planId)
        .heldAt(at)
        .durationMinutes(30)
        .form(Drill.FormEnum.LIVE)
        .scenario(Drill.ScenarioEnum.FALL_FROM_HEIGHT)
        .location("南园街道滨河路××号首层")
        .participantCount(WORKERS.length + 1)
        .drillPlan(new DrillDrillPlan().mediaId(drillPlan.mediaId()).sha256(drillPlan.sha256()))
        .videos(List.of(ref(video)))
        .evaluationReport(new DrillEvaluationReport().mediaId(evaluation.mediaId()).sha256(evaluation.sha256()))
        .findings(List.of("报警到急救人员到达用时4分钟"))
        .improvements(List.of("担架移至首层入口"));
    file("submitDrill", drillId, key -> client.submitDrill(settings.projectId(), drill, key));
  }

  // ------------------------------------------------------------------------------------- helpers

  /** The submission's status once it is no longer ACCEPTED (applied), or ACCEPTED if that takes too long. */
  private String awaitApplied(String submissionId) {
    String status = client.getSubmission(submissionId).getStatus();
    for (int polls = 0; "ACCEPTED".equals(status) && polls < MAX_POLLS; polls++) {
      try {
        sleeper.sleep(POLL_INTERVAL);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return status;
      }
      status = client.getSubmission(submissionId).getStatus();
    }
    return status;
  }

  /** A write whose Idempotency-Key is the record's identity: a repeat of it can never file twice. */
  private void file(String operationId, String recordId, Function<WriteOptions, SubmissionReceipt> call) {
    SubmissionReceipt receipt = call.apply(WriteOptions.idempotencyKey(operationId + "/" + recordId));
    Filing filing = new Filing(operationId, recordId, receipt);
    filings.add(filing);
    listener.filed(filing);
  }

  private UploadedMedia upload(String purpose, SampleFile file) {
    UploadedMedia media = file.upload(client, settings.projectId());
    listener.uploaded(purpose, media);
    return media;
  }

  private static RiskAssessmentAssessorsInner engineer() {
    return new RiskAssessmentAssessorsInner().name(ENGINEER).idNumber(ENGINEER_ID).mobile(ENGINEER_MOBILE).role("安全工程师");
  }

  private static InspectionChecklistInnerPhotosInner ref(UploadedMedia media) {
    return new InspectionChecklistInnerPhotosInner().mediaId(media.mediaId()).sha256(media.sha256());
  }

  private static InspectionChecklistInner item(String code, OutcomeEnum outcome, String note,
      @Nullable UploadedMedia photo) {
    InspectionChecklistInner item = new InspectionChecklistInner().itemCode(code).outcome(outcome).note(note);
    return photo == null ? item : item.photos(List.of(ref(photo)));
  }

  private static RiskAssessmentRiskItemsInner applicable(String itemId, CategoryEnum category, String description,
      int l, int e, int c, List<String> measures) {
    return new RiskAssessmentRiskItemsInner().itemId(itemId).category(category).applicable(true).description(description)
        .level(LevelEnum.GENERAL)
        .lec(new RiskAssessmentRiskItemsInnerLec().l(BigDecimal.valueOf(l)).e(BigDecimal.valueOf(e)).c(BigDecimal.valueOf(c)))
        .controlMeasures(measures);
  }

  private static RiskAssessmentRiskItemsInner notApplicable(String itemId, CategoryEnum category, String reason) {
    return new RiskAssessmentRiskItemsInner().itemId(itemId).category(category).applicable(false)
        .notApplicableReason(reason);
  }
}
