package org.capillary.gateway.compliance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.capillary.gateway.compliance.ProjectFacts.Drill;
import org.capillary.gateway.compliance.ProjectFacts.EmergencyPlan;
import org.capillary.gateway.compliance.ProjectFacts.Hazard;
import org.capillary.gateway.compliance.ProjectFacts.Inspection;
import org.capillary.gateway.compliance.ProjectFacts.Training;
import org.capillary.gateway.compliance.ProjectFacts.Worker;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Turns a project's facts into its obligations under the rule profile, as of a given instant. A
 * pure function: no clock, no database, no state; the same facts and instant always give the same
 * obligations, which is what makes obligations re-computable on every replica and after a
 * rebuild.
 *
 * <p>Rules evaluated (each only if the profile has it), with the profile's parameters:
 *
 * <ul>
 *   <li>R-02: the policy's prevention-fee budget within {@code ratio.max} × premium, and the fee
 *       ledger within the budget (MET or MISSED, no due time).
 *   <li>R-10: a risk assessment with its report, assessed before the actual start + grace.
 *   <li>R-20: a FIRST_KEY_HAZARD inspection recording every mandatory item, started within
 *       {@code within} of the anchor ({@code anchor.policy} over actual start and filing).
 *   <li>R-21: at least {@code minCount} inspections by completion (MISSED only once completed).
 *   <li>R-22: high-risk works: one obligation per rolling period of {@code maxGap} from the later
 *       of start and designation until completion. A period without a FULL_WEEKLY_HIGH_RISK
 *       inspection is MISSED (a late inspection does not mend the missed week; it restarts the
 *       clock). Completion ends the duty: a period cut short by completion raises nothing.
 *   <li>R-30: per hazard found by an inspection, written notice to the insured by the end of the
 *       inspection.
 *   <li>R-31: per MAJOR hazard, a FULL or PARTIAL stop-work order, a REINSPECTION and an accepted
 *       verification by the rectification deadline.
 *   <li>R-32: per GENERAL hazard, an accepted verification by the deadline (or, without one, by
 *       the end of the local day it was found: {@code deadline.default} aligned to
 *       END_OF_LOCAL_DAY).
 *   <li>R-11, R-12: per risk assessment, work types and skill levels listed, every special risk
 *       category covered (applicable with a control measure, or not applicable with a reason), and
 *       the report cited (MET or MISSED; the schema refuses most breaches at intake already).
 *   <li>R-23: per inspection, the insured's confirmation filed with it (MET or MISSED, due at its
 *       end; the other required contents are enforced by the schema).
 *   <li>R-40: an emergency plan covering the required scenarios, approved before start + grace.
 *   <li>R-41: per drill, a drill plan, at least {@code minItems.videos} videos and an evaluation.
 *   <li>R-42: a drill in every period of {@code every} from the actual start; the last period is
 *       cut short by completion, and a period beginning at completion owes nothing.
 *   <li>R-43: per registered worker, training covering every topic (across sessions) attended
 *       before first on site (the later of start and the worker's listing) + grace.
 *   <li>R-44: per inspection recording the special-operations item: PASS is MET, NOT_APPLICABLE
 *       is NOT_APPLICABLE, FAIL is MET only with a MAJOR finding citing the profile's clause. The
 *       certificates' validity under their schemes cannot be judged: the contract carries no
 *       certificate records (the inspector checks them on site).
 *   <li>R-50: per electricity monitor, the residual-current alarm setting within the profile's
 *       bounds and no automatic trip (the arc-fault threshold applies to alarms: ).
 * </ul>
 *
 * A due time is met by evidence timed at or before it; "missed" means strictly after it.
 */
public final class ObligationEvaluator {

  private static final int MAX_PERIODS = 1_000;

  private final RuleProfile profile;

  /**
   * @param profile the rule profile
   */
  public ObligationEvaluator(RuleProfile profile) {
    this.profile = profile;
  }

  /** The profile evaluated. */
  public RuleProfile profile() {
    return profile;
  }

  /**
   * @param f the project's facts
   * @param now the instant of evaluation
   * @return the obligations, in rule order
   */
  public List<Obligation> evaluate(ProjectFacts f, Instant now) {
    List<Obligation> out = new ArrayList<>();
    if (profile.has("R-02")) {
      out.add(feeCap(f));
    }
    if (profile.has("R-10")) {
      out.add(riskAssessment(f, now));
    }
    out.addAll(assessmentContent(f, now));
    if (profile.has("R-20")) {
      out.add(firstInspection(f, now));
    }
    if (profile.has("R-21")) {
      out.add(minInspections(f, now));
    }
    if (profile.has("R-22")) {
      out.addAll(weeklyFull(f, now));
    }
    for (Inspection i : sorted(f.inspections(), Comparator.comparing(Inspection::startedAt).thenComparing(Inspection::id))) {
      if (profile.has("R-23")) {
        out.add(insuredConfirmation(i, now));
      }
      Obligation certified = profile.has("R-44") ? certificates(i, now) : null;
      if (certified != null) {
        out.add(certified);
      }
    }
    for (Hazard h : sorted(f.hazards(), Comparator.comparing(Hazard::detectedAt).thenComparing(Hazard::id))) {
      if (profile.has("R-30") && h.inspectionEndedAt() != null) {
        out.add(notice(h, now));
      }
      if (profile.has("R-31") && "MAJOR".equals(h.grade())) {
        out.add(major(h, now));
      }
      if (profile.has("R-32") && !"MAJOR".equals(h.grade())) {
        out.add(general(h, now));
      }
    }
    if (profile.has("R-40")) {
      out.add(emergencyPlan(f, now));
    }
    if (profile.has("R-41")) {
      for (Drill d : sorted(f.drills(), Comparator.comparing(Drill::heldAt).thenComparing(Drill::id))) {
        out.add(drill(d));
      }
    }
    if (profile.has("R-42")) {
      out.addAll(drillFrequency(f, now));
    }
    if (profile.has("R-43")) {
      List<Worker> workers = f.workers();
      for (int i = 0; i < workers.size(); i++) {
        out.add(training(f, workers.get(i), i + 1, now));
      }
    }
    if (profile.has("R-50")) {
      out.addAll(electricitySettings(f, now));
    }
    return List.copyOf(out);
  }

  // --- R-02 -------------------------------------------------------------------------------------

  private Obligation feeCap(ProjectFacts f) {
    ProjectFacts.PolicyFacts p = f.policy();
    BigDecimal max = BigDecimal.valueOf(profile.number("R-02", "/ratio/max", 0.21));
    List<String> problems = new ArrayList<>();
    if (p.premiumCollected().signum() <= 0) {
      if (p.preventionFeeBudget().signum() > 0) {
        problems.add("a prevention-fee budget without premium collected");
      }
    } else if (p.preventionFeeBudget().divide(p.premiumCollected(), 6, RoundingMode.HALF_UP).compareTo(max) > 0) {
      problems.add("budget " + p.preventionFeeBudget().toPlainString() + " exceeds " + max.toPlainString()
          + " × premium " + p.premiumCollected().toPlainString());
    }
    if (p.preventionFeeSpent().compareTo(p.preventionFeeBudget()) > 0) {
      problems.add("fee ledger " + p.preventionFeeSpent().toPlainString() + " exceeds the budget "
          + p.preventionFeeBudget().toPlainString());
    }
    return obligation("R-02", "R-02", null, problems.isEmpty() ? ObligationState.MET : ObligationState.MISSED,
        p.entryIds(), problems.isEmpty() ? "policy " + p.policyId() : String.join("; ", problems), null);
  }

  // --- one due time, earliest evidence ---------------------------------------

  private Obligation riskAssessment(ProjectFacts f, Instant now) {
    Instant due = plus(f.actualStartAt(), profile.duration("R-10", "/grace", "PT0S"));
    List<Evidence> evidence = f.riskAssessments().stream()
        .filter(ProjectFacts.RiskAssessment::hasReport)
        .map(r -> new Evidence(r.id(), r.assessedAt())).toList();
    return timed("R-10", "R-10", due, evidence, now,
        due == null ? "due when works start (not yet reported)" : null);
  }

  private Obligation firstInspection(ProjectFacts f, Instant now) {
    Instant anchor = anchor(profile.text("R-20", "/anchor/policy", "FIRST_AVAILABLE"), f.actualStartAt(), f.filedAt());
    Instant due = profile.duration("R-20", "/within", "PT48H").addTo(anchor, profile.zone());
    Set<String> required = Set.copyOf(profile.codes(
        profile.text("R-20", "/mustCover/valuesFrom", "mandatoryFirstInspectionItems")));
    List<String> types = types("R-20", List.of("FIRST_KEY_HAZARD"));
    List<Evidence> evidence = new ArrayList<>();
    List<String> incomplete = new ArrayList<>();
    for (Inspection i : f.inspections()) {
      if (types.contains(i.type())) {
        if (i.itemCodes().containsAll(required)) {
          evidence.add(new Evidence(i.id(), i.startedAt()));
        } else {
          incomplete.add(i.id());
        }
      }
    }
    String detail = incomplete.isEmpty() ? null
        : "not counted, mandatory items missing: " + String.join(", ", incomplete);
    return timed("R-20", "R-20", due, evidence, now, detail);
  }

  private Obligation emergencyPlan(ProjectFacts f, Instant now) {
    Instant due = plus(f.actualStartAt(), profile.duration("R-40", "/grace", "PT0S"));
    Set<String> required = Set.copyOf(profile.codes(
        profile.text("R-40", "/mustCover/valuesFrom", "requiredEmergencyScenarios")));
    List<Evidence> evidence = new ArrayList<>();
    for (EmergencyPlan p : f.emergencyPlans()) {
      if (p.scenarios().containsAll(required)) {
        evidence.add(new Evidence(p.id(), p.approvedAt()));
      }
    }
    return timed("R-40", "R-40", due, evidence, now,
        due == null ? "due when works start (not yet reported)" : null);
  }

  private Obligation timed(String ruleId, String id, @Nullable Instant due, List<Evidence> evidence,
      Instant now, @Nullable String detail) {
    List<Evidence> ordered = sorted(evidence, Comparator.comparing(Evidence::at).thenComparing(Evidence::id));
    if (ordered.isEmpty()) {
      ObligationState state = due != null && now.isAfter(due) ? ObligationState.MISSED : ObligationState.PENDING;
      return obligation(ruleId, id, due, state, List.of(), detail, now);
    }
    if (due == null) {
      return obligation(ruleId, id, null, ObligationState.MET, ids(ordered), detail, now);
    }
    List<Evidence> onTime = ordered.stream().filter(e -> !e.at().isAfter(due)).toList();
    if (!onTime.isEmpty()) {
      return obligation(ruleId, id, due, ObligationState.MET, ids(onTime), detail, now);
    }
    return obligation(ruleId, id, due, ObligationState.MET_LATE, List.of(ordered.get(0).id()), detail, now);
  }

  // --- R-21 -------------------------------------------------------------------------------------

  private Obligation minInspections(ProjectFacts f, Instant now) {
    int min = (int) profile.number("R-21", "/minCount", 3);
    List<String> types = types("R-21", List.of());
    Instant until = f.completedAt();
    List<Inspection> counted = sorted(f.inspections(), Comparator.comparing(Inspection::startedAt).thenComparing(Inspection::id))
        .stream()
        .filter(i -> types.isEmpty() || types.contains(i.type()))
        .filter(i -> until == null || !i.startedAt().isAfter(until))
        .toList();
    List<String> ids = counted.stream().map(Inspection::id).toList();
    String detail = counted.size() + " of " + min + " inspections";
    if (counted.size() >= min) {
      return obligation("R-21", "R-21", until, ObligationState.MET, ids, detail, now);
    }
    if (until != null) {
      return obligation("R-21", "R-21", until, ObligationState.MISSED, ids, detail, now);
    }
    boolean dueSoon = f.plannedEnd() != null
        && !now.isBefore(f.plannedEnd().atStartOfDay(profile.zone()).toInstant().minus(profile.dueSoon()));
    return new Obligation("R-21", "R-21", profile.title("R-21"), null, ObligationState.PENDING, ids, detail, dueSoon);
  }

  // --- R-22 -------------------------------------------------------------------------------------

  private List<Obligation> weeklyFull(ProjectFacts f, Instant now) {
    if (!f.highRisk()) {
      return List.of(obligation("R-22", "R-22", null, ObligationState.NOT_APPLICABLE, List.of(),
          "not a high-risk project", now));
    }
    Instant from = anchor(profile.text("R-22", "/from/policy", "LATER_OF"), f.actualStartAt(), f.highRiskDesignatedAt());
    if (f.actualStartAt() == null || from == null) {
      return List.of(obligation("R-22", "R-22:1", null, ObligationState.PENDING, List.of(),
          "due when works start (not yet reported)", now));
    }
    ProfileDuration gap = profile.duration("R-22", "/maxGap", "P7D");
    List<String> types = types("R-22", List.of("FULL_WEEKLY_HIGH_RISK"));
    List<Inspection> fulls = sorted(f.inspections(), Comparator.comparing(Inspection::startedAt).thenComparing(Inspection::id))
        .stream().filter(i -> types.contains(i.type()) && !i.startedAt().isBefore(from)).toList();
    Instant completed = f.completedAt();
    List<Obligation> out = new ArrayList<>();
    Instant cursor = from;
    int next = 0;
    for (int k = 1; k <= MAX_PERIODS; k++) {
      if (completed != null && !completed.isAfter(cursor)) {
        break;
      }
      Instant due = gap.addTo(cursor, profile.zone());
      Inspection candidate = next < fulls.size() ? fulls.get(next) : null;
      String id = "R-22:" + k;
      if (candidate != null && !candidate.startedAt().isAfter(due)) {
        out.add(obligation("R-22", id, due, ObligationState.MET, List.of(candidate.id()), null, now));
        cursor = candidate.startedAt();
        next++;
        continue;
      }
      if (completed != null && !completed.isAfter(due)) {
        break;
      }
      if (candidate != null) {
        out.add(obligation("R-22", id, due, ObligationState.MISSED, List.of(),
            "no full inspection within " + gap.calendar() + "; the next, " + candidate.id() + ", came later", now));
        cursor = candidate.startedAt();
        next++;
        continue;
      }
      if (now.isAfter(due)) {
        out.add(obligation("R-22", id, due, ObligationState.MISSED, List.of(), "no full inspection in the period", now));
        cursor = due;
        continue;
      }
      out.add(obligation("R-22", id, due, ObligationState.PENDING, List.of(), null, now));
      break;
    }
    return out;
  }

  // --- hazards ----------------------------------------------------------------------------------

  private Obligation notice(Hazard h, Instant now) {
    Instant due = h.inspectionEndedAt();
    List<Evidence> evidence = h.insuredNotifiedAt() == null ? List.of()
        : List.of(new Evidence(h.id(), h.insuredNotifiedAt()));
    return timed("R-30", "R-30:" + h.id(), due, evidence, now, "written notice of hazard " + h.id());
  }

  private Obligation major(Hazard h, Instant now) {
    String id = "R-31:" + h.id();
    if ("CANCELLED".equals(h.status())) {
      return obligation("R-31", id, h.deadline(), ObligationState.NOT_APPLICABLE, List.of(), "hazard cancelled", now);
    }
    if (h.stopWorkScope() == null || !(h.stopWorkScope().equals("FULL") || h.stopWorkScope().equals("PARTIAL"))) {
      return obligation("R-31", id, h.detectedAt(), ObligationState.MISSED, List.of(),
          "no FULL or PARTIAL stop-work order with major hazard " + h.id(), now);
    }
    Instant due = h.deadline();
    boolean closed = h.verifiedAt() != null && h.reinspectedAt() != null;
    if (closed) {
      Instant at = h.verifiedAt().isAfter(h.reinspectedAt()) ? h.verifiedAt() : h.reinspectedAt();
      ObligationState state = due == null || !at.isAfter(due) ? ObligationState.MET : ObligationState.MET_LATE;
      return obligation("R-31", id, due, state, h.verificationIds(), "reinspected and verified", now);
    }
    String missing = h.reinspectedAt() == null ? "awaiting reinspection and verification" : "awaiting verification";
    ObligationState state = due != null && now.isAfter(due) ? ObligationState.MISSED : ObligationState.PENDING;
    return obligation("R-31", id, due, state, List.of(), missing, now);
  }

  private Obligation general(Hazard h, Instant now) {
    String id = "R-32:" + h.id();
    Instant due = h.deadline() != null ? h.deadline() : endOfLocalDay(
        profile.duration("R-32", "/deadline/default", "P0D").addTo(h.detectedAt(), profile.zone()));
    if ("CANCELLED".equals(h.status())) {
      return obligation("R-32", id, due, ObligationState.NOT_APPLICABLE, List.of(), "hazard cancelled", now);
    }
    if (h.verifiedAt() != null) {
      ObligationState state = h.verifiedAt().isAfter(due) ? ObligationState.MET_LATE : ObligationState.MET;
      return obligation("R-32", id, due, state, h.verificationIds(), "verified rectified", now);
    }
    ObligationState state = now.isAfter(due) ? ObligationState.MISSED : ObligationState.PENDING;
    return obligation("R-32", id, due, state, List.of(), "hazard " + h.id() + " " + h.status(), now);
  }

  // --- R-41, R-43 -------------------------------------------------------------------------------

  private Obligation drill(Drill d) {
    int minVideos = (int) profile.number("R-41", "/minItems/videos", 1);
    List<String> missing = new ArrayList<>();
    if (!d.hasPlan()) {
      missing.add("drill plan");
    }
    if (d.videos() < minVideos) {
      missing.add("video");
    }
    if (!d.hasEvaluation()) {
      missing.add("evaluation report");
    }
    return new Obligation("R-41:" + d.id(), "R-41", profile.title("R-41"), d.heldAt(),
        missing.isEmpty() ? ObligationState.MET : ObligationState.MISSED,
        missing.isEmpty() ? List.of(d.id()) : List.of(),
        missing.isEmpty() ? null : "missing: " + String.join(", ", missing), false);
  }

  private Obligation training(ProjectFacts f, Worker w, int n, Instant now) {
    Instant firstOnSite = f.actualStartAt() == null ? null
        : (w.listedAt().isAfter(f.actualStartAt()) ? w.listedAt() : f.actualStartAt());
    Instant due = plus(firstOnSite, profile.duration("R-43", "/grace", "P0D"));
    Set<String> topics = Set.copyOf(profile.codes(profile.text("R-43", "/mustCover/valuesFrom", "trainingTopics")));
    Set<String> covered = new HashSet<>();
    List<String> ids = new ArrayList<>();
    Instant coveredAt = null;
    for (Training t : sorted(f.trainings(), Comparator.comparing(Training::heldAt).thenComparing(Training::id))) {
      if (t.attendeeKeys().contains(w.key())) {
        covered.addAll(t.topics());
        ids.add(t.id());
        if (covered.containsAll(topics)) {
          coveredAt = t.heldAt();
          break;
        }
      }
    }
    String id = "R-43:" + n;
    String detail = "registered worker " + n;
    if (coveredAt != null) {
      ObligationState state = due == null || !coveredAt.isAfter(due) ? ObligationState.MET : ObligationState.MET_LATE;
      return obligation("R-43", id, due, state, ids, detail, now);
    }
    ObligationState state = due != null && now.isAfter(due) ? ObligationState.MISSED : ObligationState.PENDING;
    return obligation("R-43", id, due, state, ids, detail, now);
  }

  // --- what a risk assessment contains ----------------------------------------------

  private List<Obligation> assessmentContent(ProjectFacts f, Instant now) {
    List<Obligation> out = new ArrayList<>();
    List<String> categories = profile.codes(profile.text("R-11", "/mustCover/valuesFrom", "specialRiskCategories"));
    for (ProjectFacts.RiskAssessment r : sorted(f.riskAssessments(),
        Comparator.comparing(ProjectFacts.RiskAssessment::assessedAt).thenComparing(ProjectFacts.RiskAssessment::id))) {
      if (profile.has("R-11")) {
        List<String> missing = new ArrayList<>();
        if (!r.listsWorkTypesAndSkills()) {
          missing.add("work types and worker skill levels");
        }
        categories.stream().filter(c -> !r.coveredCategories().contains(c)).forEach(c -> missing.add("risk item " + c));
        out.add(obligation("R-11", "R-11:" + r.id(), r.assessedAt(),
            missing.isEmpty() ? ObligationState.MET : ObligationState.MISSED, missing.isEmpty() ? List.of(r.id()) : List.of(),
            missing.isEmpty() ? "assessment " + r.id() + " covers every special risk category"
                : "assessment " + r.id() + " lacks: " + String.join(", ", missing), now));
      }
      if (profile.has("R-12")) {
        out.add(obligation("R-12", "R-12:" + r.id(), r.assessedAt(),
            r.hasReport() ? ObligationState.MET : ObligationState.MISSED, r.hasReport() ? List.of(r.id()) : List.of(),
            r.hasReport() ? "report uploaded with assessment " + r.id() : "assessment " + r.id() + " cites no report",
            now));
      }
    }
    return out;
  }

  // --- what an inspection record contains -------------------------------------------

  private Obligation insuredConfirmation(Inspection i, Instant now) {
    return obligation("R-23", "R-23:" + i.id(), i.endedAt(),
        i.insuredConfirmed() ? ObligationState.MET : ObligationState.MISSED,
        i.insuredConfirmed() ? List.of(i.id()) : List.of(),
        i.insuredConfirmed() ? "confirmed by the insured" : "inspection " + i.id() + " filed without the insured's confirmation",
        now);
  }

  /**
   * The contract carries no certificate records: the inspector checks certificates on site
   * and records the outcome of the special-operations item. What the platform can judge is that a
   * FAIL comes with the MAJOR finding the profile requires (判定标准 art. 4(3)); the certificate
   * schemes' validity periods cannot be checked from the data.
   */
  private @Nullable Obligation certificates(Inspection i, Instant now) {
    JsonNode match = profile.rules().get("R-44").at("/evidence/match/checklist.itemCode");
    String item = match.isArray() && !match.isEmpty() ? match.get(0).asString() : "SPECIAL_OPS_CERTIFIED";
    String outcome = i.itemOutcomes().get(item);
    if (outcome == null) {
      return null;
    }
    String id = "R-44:" + i.id();
    String basis = "certificates checked on site by the inspector (the contract carries no certificate records)";
    if ("NOT_APPLICABLE".equals(outcome)) {
      return obligation("R-44", id, i.startedAt(), ObligationState.NOT_APPLICABLE, List.of(),
          "no special-operations work on site at inspection " + i.id(), now);
    }
    if ("PASS".equals(outcome)) {
      return obligation("R-44", id, i.startedAt(), ObligationState.MET, List.of(i.id()), basis, now);
    }
    String criterion = profile.text("R-44", "/whenMissing/majorCriterionRef", "art4(3)");
    boolean major = i.majorCriterionRefs().contains(criterion);
    return obligation("R-44", id, i.startedAt(), major ? ObligationState.MET : ObligationState.MISSED,
        major ? List.of(i.id()) : List.of(),
        major ? "uncertified special operations filed as a MAJOR hazard (" + criterion + ")"
            : "uncertified special operations at inspection " + i.id() + " without a MAJOR finding citing " + criterion,
        now);
  }

  // --- a drill in every period ------------------------------------------------------------

  /**
   * One obligation per period of {@code every} from the actual start: the k-th is due at start +
   * k × every, or at completion when that comes first; a period that begins at or after completion
   * owes nothing. A drill counts for the period it was held in (the first period also takes drills
   * held before the start). The periods run until the first that is not yet due.
   */
  private List<Obligation> drillFrequency(ProjectFacts f, Instant now) {
    Instant start = f.actualStartAt();
    if (start == null) {
      return List.of(obligation("R-42", "R-42:1", null, ObligationState.PENDING, List.of(),
          "due when works start (not yet reported)", now));
    }
    ProfileDuration every = profile.duration("R-42", "/every", "P6M");
    int minCount = (int) profile.number("R-42", "/minCount", 1);
    List<Drill> drills = sorted(f.drills(), Comparator.comparing(Drill::heldAt).thenComparing(Drill::id));
    Instant completed = f.completedAt();
    List<Obligation> out = new ArrayList<>();
    for (int k = 1; k <= MAX_PERIODS; k++) {
      Instant from = every.times(k - 1).addTo(start, profile.zone());
      if (completed != null && !completed.isAfter(from)) {
        break;
      }
      Instant due = every.times(k).addTo(start, profile.zone());
      if (completed != null && completed.isBefore(due)) {
        due = completed;
      }
      Instant until = due;
      boolean first = k == 1;
      List<String> held = drills.stream()
          .filter(d -> (first || d.heldAt().isAfter(from)) && !d.heldAt().isAfter(until))
          .map(Drill::id).toList();
      String id = "R-42:" + k;
      if (held.size() >= minCount) {
        out.add(obligation("R-42", id, due, ObligationState.MET, held, null, now));
      } else if (now.isAfter(due)) {
        out.add(obligation("R-42", id, due, ObligationState.MISSED, held,
            "no drill in the period from " + from + " to " + due, now));
      } else {
        out.add(obligation("R-42", id, due, ObligationState.PENDING, held, null, now));
        break;
      }
    }
    return out;
  }

  // --- electrical-fire monitoring settings ------------------------------------------------

  private List<Obligation> electricitySettings(ProjectFacts f, Instant now) {
    double min = 300;
    double max = 500;
    for (JsonNode t : profile.parameters("R-50").path("thresholds")) {
      if ("residualCurrentAlarmSetting".equals(t.path("name").asString())) {
        min = t.path("min").isNumber() ? t.path("min").doubleValue() : Double.NEGATIVE_INFINITY;
        max = t.path("max").isNumber() ? t.path("max").doubleValue() : Double.POSITIVE_INFINITY;
      }
    }
    boolean autoTripAllowed = profile.parameters("R-50").path("autoTripAllowed").asBoolean(false);
    List<Obligation> out = new ArrayList<>();
    for (ProjectFacts.Device d : sorted(f.devices(), Comparator.comparing(ProjectFacts.Device::id))) {
      if (!"ELECTRICITY_MONITOR".equals(d.kind())) {
        continue;
      }
      List<String> problems = new ArrayList<>();
      Double setting = d.residualCurrentAlarmMilliamps();
      if (d.detectorTypes().contains("RESIDUAL_CURRENT")) {
        if (setting == null) {
          problems.add("residual-current alarm setting not stated");
        } else if (setting < min || setting > max) {
          problems.add("residual-current alarm set at " + setting.intValue() + " mA, outside " + (int) min + "-"
              + (int) max + " mA");
        }
      }
      if (d.autoTripEnabled() && !autoTripAllowed) {
        problems.add("automatic trip enabled");
      }
      out.add(obligation("R-50", "R-50:" + d.id(), null, problems.isEmpty() ? ObligationState.MET : ObligationState.MISSED,
          problems.isEmpty() ? List.of(d.id()) : List.of(),
          problems.isEmpty() ? "monitor " + d.id() + " within the profile's settings" : String.join("; ", problems), now));
    }
    return out;
  }

  // --- helpers ----------------------------------------------------------------------------------

  private record Evidence(String id, Instant at) {}

  private Obligation obligation(String ruleId, String id, @Nullable Instant due, ObligationState state,
      List<String> satisfiedBy, @Nullable String detail, @Nullable Instant now) {
    boolean dueSoon = now != null && state == ObligationState.PENDING && due != null
        && !now.isBefore(due.minus(dueSoonOf(ruleId)));
    return new Obligation(id, ruleId, profile.title(ruleId), due, state, satisfiedBy, detail, dueSoon);
  }

  private Duration dueSoonOf(String ruleId) {
    String own = profile.text(ruleId, "/dueSoon", "");
    return own.isEmpty() ? profile.dueSoon() : Duration.parse(own);
  }

  private List<String> types(String ruleId, List<String> fallback) {
    JsonNode rule = profile.rules().get(ruleId);
    JsonNode match = rule == null ? null : rule.at("/evidence/match/type");
    if (match == null || !match.isArray()) {
      return fallback;
    }
    List<String> out = new ArrayList<>();
    match.forEach(t -> out.add(t.asString()));
    return out;
  }

  private static @Nullable Instant anchor(String policy, @Nullable Instant first, @Nullable Instant second) {
    if (first == null || second == null) {
      return first != null ? first : second;
    }
    return switch (policy) {
      case "EARLIER_OF" -> first.isBefore(second) ? first : second;
      case "LATER_OF" -> first.isAfter(second) ? first : second;
      default -> first; // FIRST_AVAILABLE
    };
  }

  private @Nullable Instant plus(@Nullable Instant t, ProfileDuration d) {
    return t == null ? null : d.addTo(t, profile.zone());
  }

  private Instant endOfLocalDay(Instant t) {
    return t.atZone(profile.zone()).toLocalDate().plusDays(1).atStartOfDay(profile.zone()).toInstant();
  }

  private static List<String> ids(List<Evidence> evidence) {
    return evidence.stream().map(Evidence::id).toList();
  }

  private static <T> List<T> sorted(List<T> list, Comparator<T> order) {
    List<T> copy = new ArrayList<>(list);
    copy.sort(order);
    return copy;
  }
}
