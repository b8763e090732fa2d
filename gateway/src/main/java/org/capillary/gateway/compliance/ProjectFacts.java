package org.capillary.gateway.compliance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the rules of a profile need to know about one works project, read from the projections
 * (records keep their own times: evidence counts by the time the record states, not by receipt).
 *
 * @param projectId the project
 * @param filedAt its filing (备案) time
 * @param plannedStart planned start
 * @param plannedEnd planned end
 * @param actualStartAt effective time of the first STARTED status change, if reported
 * @param completedAt effective time of the COMPLETED status change, if reported
 * @param highRisk whether the registration says high-risk
 * @param highRiskDesignatedAt receipt time of the first registration that said high-risk
 * @param policy the covering policy's money facts
 * @param workers the registered workers
 * @param riskAssessments the risk assessments
 * @param inspections the inspections
 * @param hazards the hazards
 * @param emergencyPlans the emergency plans
 * @param drills the drills
 * @param trainings the training sessions
 * @param devices the devices registered on the project
 */
public record ProjectFacts(
    String projectId,
    Instant filedAt,
    @Nullable LocalDate plannedStart,
    @Nullable LocalDate plannedEnd,
    @Nullable Instant actualStartAt,
    @Nullable Instant completedAt,
    boolean highRisk,
    @Nullable Instant highRiskDesignatedAt,
    PolicyFacts policy,
    List<Worker> workers,
    List<RiskAssessment> riskAssessments,
    List<Inspection> inspections,
    List<Hazard> hazards,
    List<EmergencyPlan> emergencyPlans,
    List<Drill> drills,
    List<Training> trainings,
    List<Device> devices) {

  /**
   * @param policyId the policy
   * @param premiumCollected premium actually collected
   * @param preventionFeeBudget the prevention-fee budget
   * @param preventionFeeSpent the sum of its fee ledger entries
   * @param entryIds the fee ledger entries
   */
  public record PolicyFacts(
      String policyId, BigDecimal premiumCollected, BigDecimal preventionFeeBudget,
      BigDecimal preventionFeeSpent, List<String> entryIds) {}

  /**
   * @param key the matching key (identity number, else the name)
   * @param listedAt receipt time of the first registration that listed the worker
   */
  public record Worker(String key, Instant listedAt) {}

  /**
   * A risk assessment and what it covers.
   *
   * @param id the assessment id
   * @param assessedAt when it was made
   * @param hasReport whether it cites its report (uploaded media)
   * @param listsWorkTypesAndSkills whether it lists work types and worker skill levels
   * @param coveredCategories risk categories it covers: an applicable item with its control
   *     measures, or an item marked not applicable with a reason
   */
  public record RiskAssessment(String id, Instant assessedAt, boolean hasReport, boolean listsWorkTypesAndSkills,
      Set<String> coveredCategories) {}

  /**
   * An inspection.
   *
   * @param id the inspection id
   * @param type its type, e.g. FIRST_KEY_HAZARD
   * @param startedAt its start
   * @param endedAt its end
   * @param itemOutcomes the outcome (PASS, FAIL, NOT_APPLICABLE) of each checklist item, by code
   * @param reinspectionOf the hazards it reinspected
   * @param insuredConfirmed whether the insured's confirmation was filed with it
   * @param majorCriterionRefs the 判定标准 clauses its MAJOR findings cite
   */
  public record Inspection(String id, String type, Instant startedAt, Instant endedAt, Map<String, String> itemOutcomes,
      List<String> reinspectionOf, boolean insuredConfirmed, Set<String> majorCriterionRefs) {

    /** The checklist item codes it recorded. */
    public Set<String> itemCodes() {
      return itemOutcomes.keySet();
    }
  }

  /**
   * A device registered on the project.
   *
   * @param id the device id
   * @param kind its kind, e.g. ELECTRICITY_MONITOR
   * @param detectorTypes an electricity monitor's detector types
   * @param residualCurrentAlarmMilliamps its residual-current alarm setting, if stated
   * @param autoTripEnabled whether it trips the supply by itself
   */
  public record Device(String id, String kind, Set<String> detectorTypes, @Nullable Double residualCurrentAlarmMilliamps,
      boolean autoTripEnabled) {}

  /**
   * A hazard and how far its loop has come.
   *
   * @param id the hazard id
   * @param grade GENERAL or MAJOR
   * @param status OPEN, RECTIFYING, RECTIFIED, VERIFIED, REJECTED or CANCELLED
   * @param detectedAt when it was found
   * @param deadline its rectification deadline as filed, if any
   * @param inspectionEndedAt end of the inspection that found it, if it came from one
   * @param insuredNotifiedAt when the insured was notified in writing, if recorded
   * @param stopWorkScope the stop-work scope ordered, if any
   * @param verifiedAt the accepted verification that closed it, if any
   * @param verificationIds the verifications that closed it
   * @param reinspectedAt the first REINSPECTION that covered it, if any
   */
  public record Hazard(
      String id, String grade, String status, Instant detectedAt, @Nullable Instant deadline,
      @Nullable Instant inspectionEndedAt, @Nullable Instant insuredNotifiedAt,
      @Nullable String stopWorkScope, @Nullable Instant verifiedAt, List<String> verificationIds,
      @Nullable Instant reinspectedAt) {}

  /** An emergency plan and its scenarios. */
  public record EmergencyPlan(String id, Instant approvedAt, Set<String> scenarios) {}

  /** A drill and the media it was filed with. */
  public record Drill(String id, Instant heldAt, boolean hasPlan, int videos, boolean hasEvaluation) {}

  /** A training session: when, which topics, attended by which worker keys. */
  public record Training(String id, Instant heldAt, Set<String> topics, Set<String> attendeeKeys) {}
}
