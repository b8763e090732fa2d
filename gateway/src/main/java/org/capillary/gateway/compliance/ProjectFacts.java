package org.capillary.gateway.compliance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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
    List<Training> trainings) {

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

  /** A risk assessment with its report. */
  public record RiskAssessment(String id, Instant assessedAt, boolean hasReport) {}

  /** An inspection: its type, start and the checklist item codes it recorded. */
  public record Inspection(String id, String type, Instant startedAt, Set<String> itemCodes, List<String> reinspectionOf) {}

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
