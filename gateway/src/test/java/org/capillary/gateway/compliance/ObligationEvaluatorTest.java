package org.capillary.gateway.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.capillary.gateway.compliance.ProjectFacts.Device;
import org.capillary.gateway.compliance.ProjectFacts.Drill;
import org.capillary.gateway.compliance.ProjectFacts.EmergencyPlan;
import org.capillary.gateway.compliance.ProjectFacts.Hazard;
import org.capillary.gateway.compliance.ProjectFacts.Inspection;
import org.capillary.gateway.compliance.ProjectFacts.PolicyFacts;
import org.capillary.gateway.compliance.ProjectFacts.RiskAssessment;
import org.capillary.gateway.compliance.ProjectFacts.Training;
import org.capillary.gateway.compliance.ProjectFacts.Worker;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The evaluator at the edges of each rule, on the real Futian profile, with no clock but the argument. */
class ObligationEvaluatorTest {

  static final RuleProfile PROFILE = RuleProfile.load(RuleProfile.FUTIAN);
  static final ObligationEvaluator EVALUATOR = new ObligationEvaluator(PROFILE);

  static final Instant FILED = Instant.parse("2026-03-10T02:15:00Z");
  static final Instant START = Instant.parse("2026-03-16T01:00:00Z");
  static final Set<String> ALL_ITEMS = Set.of("HELMET_USE", "SCAFFOLD_PLATFORM_STABILITY",
      "FIRE_EXTINGUISHER_COMPLIANCE", "WORKERS_MATCH_REGISTRATION", "SPECIAL_OPS_CERTIFIED");
  static final Set<String> TOPICS = Set.of("ACCIDENT_CASES", "OPERATING_PROCEDURES", "PPE_USE", "EMERGENCY_HANDLING");

  /** A mutable builder of facts, so each test says only what matters to it. */
  static final class Facts {
    Instant actualStart = START;
    Instant completed;
    boolean highRisk;
    Instant designated = FILED;
    BigDecimal premium = new BigDecimal("3200.00");
    BigDecimal budget = new BigDecimal("640.00");
    BigDecimal spent = BigDecimal.ZERO;
    List<Worker> workers = new ArrayList<>();
    List<RiskAssessment> assessments = new ArrayList<>();
    List<Inspection> inspections = new ArrayList<>();
    List<Hazard> hazards = new ArrayList<>();
    List<EmergencyPlan> plans = new ArrayList<>();
    List<Drill> drills = new ArrayList<>();
    List<Training> trainings = new ArrayList<>();
    List<Device> devices = new ArrayList<>();

    Facts inspection(String id, String type, Instant at) {
      inspections.add(inspectionOf(id, type, at, ALL_ITEMS));
      return this;
    }

    ProjectFacts build() {
      return new ProjectFacts("FT-TEST-0001", FILED, LocalDate.parse("2026-03-16"), LocalDate.parse("2026-05-31"),
          actualStart, completed, highRisk, highRisk ? designated : null,
          new PolicyFacts("pol-1", premium, budget, spent, List.of()), workers, assessments, inspections, hazards,
          plans, drills, trainings, devices);
    }
  }

  static Obligation one(ProjectFacts facts, Instant now, String obligationId) {
    return EVALUATOR.evaluate(facts, now).stream().filter(o -> o.obligationId().equals(obligationId)).findFirst()
        .orElseThrow(() -> new AssertionError("no obligation " + obligationId + " in " + EVALUATOR.evaluate(facts, now)));
  }

  static List<Obligation> rule(ProjectFacts facts, Instant now, String ruleId) {
    return EVALUATOR.evaluate(facts, now).stream().filter(o -> o.ruleId().equals(ruleId)).toList();
  }

  static Instant hours(Instant t, long h, long m) {
    return t.plus(Duration.ofHours(h)).plus(Duration.ofMinutes(m));
  }

  static Instant days(Instant t, long d) {
    return t.plus(Duration.ofDays(d));
  }

  @Nested
  class FirstInspectionR20 {

    @Test
    void at47h59mIsMet() {
      Facts f = new Facts().inspection("i1", "FIRST_KEY_HAZARD", hours(START, 47, 59));
      Obligation o = one(f.build(), days(START, 10), "R-20");
      assertThat(o.state()).isEqualTo(ObligationState.MET);
      assertThat(o.dueAt()).isEqualTo(hours(START, 48, 0));
      assertThat(o.satisfiedBy()).containsExactly("i1");
    }

    @Test
    void atExactly48hIsMet() {
      Facts f = new Facts().inspection("i1", "FIRST_KEY_HAZARD", hours(START, 48, 0));
      assertThat(one(f.build(), days(START, 10), "R-20").state()).isEqualTo(ObligationState.MET);
    }

    @Test
    void at48h01mIsMetLate() {
      Facts f = new Facts().inspection("i1", "FIRST_KEY_HAZARD", hours(START, 48, 1));
      Obligation o = one(f.build(), days(START, 10), "R-20");
      assertThat(o.state()).isEqualTo(ObligationState.MET_LATE);
      assertThat(o.satisfiedBy()).containsExactly("i1");
    }

    @Test
    void noneIsPendingUntilTheDueTimeThenMissed() {
      ProjectFacts f = new Facts().build();
      assertThat(one(f, hours(START, 47, 59), "R-20").state()).isEqualTo(ObligationState.PENDING);
      assertThat(one(f, hours(START, 48, 0), "R-20").state()).isEqualTo(ObligationState.PENDING);
      assertThat(one(f, hours(START, 48, 1), "R-20").state()).isEqualTo(ObligationState.MISSED);
    }

    @Test
    void dueSoonWithinTwelveHoursOfTheDueTime() {
      ProjectFacts f = new Facts().build();
      assertThat(one(f, hours(START, 35, 59), "R-20").dueSoon()).isFalse();
      assertThat(one(f, hours(START, 36, 0), "R-20").dueSoon()).isTrue();
    }

    @Test
    void anchorIsFilingUntilTheStartIsReported() {
      Facts f = new Facts();
      f.actualStart = null;
      assertThat(one(f.build(), FILED, "R-20").dueAt()).isEqualTo(hours(FILED, 48, 0));
    }

    @Test
    void anInspectionWithoutEveryMandatoryItemDoesNotCount() {
      Facts f = new Facts();
      f.inspections.add(inspectionOf("i1", "FIRST_KEY_HAZARD", hours(START, 2, 0), Set.of("HELMET_USE")));
      Obligation o = one(f.build(), hours(START, 49, 0), "R-20");
      assertThat(o.state()).isEqualTo(ObligationState.MISSED);
      assertThat(o.detail()).contains("i1");
    }

    @Test
    void aRoutineInspectionDoesNotCount() {
      Facts f = new Facts().inspection("i1", "ROUTINE", hours(START, 1, 0));
      assertThat(one(f.build(), hours(START, 49, 0), "R-20").state()).isEqualTo(ObligationState.MISSED);
    }
  }

  @Nested
  class WeeklyFullInspectionsR22 {

    Facts highRisk() {
      Facts f = new Facts();
      f.highRisk = true;
      return f;
    }

    @Test
    void notApplicableToOrdinaryWorks() {
      assertThat(rule(new Facts().build(), days(START, 30), "R-22"))
          .singleElement().extracting(Obligation::state).isEqualTo(ObligationState.NOT_APPLICABLE);
    }

    @Test
    void sixDayGapsAreMet() {
      Facts f = highRisk().inspection("f1", "FULL_WEEKLY_HIGH_RISK", days(START, 6))
          .inspection("f2", "FULL_WEEKLY_HIGH_RISK", days(START, 12));
      List<Obligation> weeks = rule(f.build(), days(START, 13), "R-22");
      assertThat(weeks).extracting(Obligation::state)
          .containsExactly(ObligationState.MET, ObligationState.MET, ObligationState.PENDING);
      assertThat(weeks.get(2).dueAt()).isEqualTo(days(START, 19));
    }

    @Test
    void anEightDayGapMissesThatWeek() {
      Facts f = highRisk().inspection("f1", "FULL_WEEKLY_HIGH_RISK", days(START, 6))
          .inspection("f2", "FULL_WEEKLY_HIGH_RISK", days(START, 14));
      List<Obligation> weeks = rule(f.build(), days(START, 15), "R-22");
      assertThat(weeks).extracting(Obligation::obligationId).containsExactly("R-22:1", "R-22:2", "R-22:3");
      assertThat(weeks).extracting(Obligation::state)
          .containsExactly(ObligationState.MET, ObligationState.MISSED, ObligationState.PENDING);
      assertThat(weeks.get(1).dueAt()).isEqualTo(days(START, 13));
      assertThat(weeks.get(2).dueAt()).isEqualTo(days(START, 21));
    }

    @Test
    void exactlySevenDaysIsMetAndAMinuteMoreIsMissed() {
      Facts onTime = highRisk().inspection("f1", "FULL_WEEKLY_HIGH_RISK", days(START, 7));
      assertThat(one(onTime.build(), days(START, 8), "R-22:1").state()).isEqualTo(ObligationState.MET);
      Facts late = highRisk().inspection("f1", "FULL_WEEKLY_HIGH_RISK", hours(days(START, 7), 0, 1));
      assertThat(one(late.build(), days(START, 8), "R-22:1").state()).isEqualTo(ObligationState.MISSED);
    }

    @Test
    void withoutInspectionsEachElapsedWeekIsMissed() {
      List<Obligation> weeks = rule(highRisk().build(), days(START, 15), "R-22");
      assertThat(weeks).extracting(Obligation::state)
          .containsExactly(ObligationState.MISSED, ObligationState.MISSED, ObligationState.PENDING);
    }

    @Test
    void completionEndsTheWeeklyDuty() {
      Facts f = highRisk().inspection("f1", "FULL_WEEKLY_HIGH_RISK", days(START, 6));
      f.completed = days(START, 10);
      List<Obligation> weeks = rule(f.build(), days(START, 60), "R-22");
      assertThat(weeks).extracting(Obligation::state).containsExactly(ObligationState.MET);
    }

    @Test
    void beforeTheStartItIsPendingWithoutDueTime() {
      Facts f = highRisk();
      f.actualStart = null;
      Obligation o = rule(f.build(), days(START, 30), "R-22").get(0);
      assertThat(o.state()).isEqualTo(ObligationState.PENDING);
      assertThat(o.dueAt()).isNull();
    }

    @Test
    void aLaterDesignationStartsThePeriod() {
      Facts f = highRisk();
      f.designated = days(START, 3);
      assertThat(one(f.build(), days(START, 4), "R-22:1").dueAt()).isEqualTo(days(START, 10));
    }
  }

  @Nested
  class OtherRules {

    @Test
    void threeInspectionsByCompletion() {
      Facts f = new Facts().inspection("i1", "FIRST_KEY_HAZARD", hours(START, 1, 0))
          .inspection("i2", "ROUTINE", days(START, 5));
      assertThat(one(f.build(), days(START, 6), "R-21").state()).isEqualTo(ObligationState.PENDING);
      f.completed = days(START, 20);
      assertThat(one(f.build(), days(START, 21), "R-21").state()).isEqualTo(ObligationState.MISSED);
      f.inspection("i3", "REINSPECTION", days(START, 19));
      Obligation met = one(f.build(), days(START, 21), "R-21");
      assertThat(met.state()).isEqualTo(ObligationState.MET);
      assertThat(met.satisfiedBy()).containsExactly("i1", "i2", "i3");
    }

    @Test
    void inspectionsAfterCompletionDoNotCount() {
      Facts f = new Facts().inspection("i1", "ROUTINE", days(START, 1)).inspection("i2", "ROUTINE", days(START, 2))
          .inspection("i3", "ROUTINE", days(START, 30));
      f.completed = days(START, 20);
      assertThat(one(f.build(), days(START, 31), "R-21").state()).isEqualTo(ObligationState.MISSED);
    }

    @Test
    void riskAssessmentBeforeStart() {
      Facts f = new Facts();
      f.assessments.add(assessment("ra1", START.minusSeconds(60), CATEGORIES));
      assertThat(one(f.build(), days(START, 1), "R-10").state()).isEqualTo(ObligationState.MET);
      Facts late = new Facts();
      late.assessments.add(assessment("ra1", START.plusSeconds(60), CATEGORIES));
      assertThat(one(late.build(), days(START, 1), "R-10").state()).isEqualTo(ObligationState.MET_LATE);
      assertThat(one(new Facts().build(), days(START, 1), "R-10").state()).isEqualTo(ObligationState.MISSED);
      Facts notStarted = new Facts();
      notStarted.actualStart = null;
      Obligation pending = one(notStarted.build(), days(START, 1), "R-10");
      assertThat(pending.state()).isEqualTo(ObligationState.PENDING);
      assertThat(pending.dueAt()).isNull();
    }

    @Test
    void generalHazardRectifiedByItsDeadline() {
      Instant found = hours(START, 24, 0);
      Instant deadline = hours(found, 4, 0);
      Facts f = new Facts();
      f.hazards.add(hazard("h1", "GENERAL", found, deadline, null, null));
      assertThat(one(f.build(), hours(found, 3, 59), "R-32:h1").state()).isEqualTo(ObligationState.PENDING);
      assertThat(one(f.build(), hours(found, 4, 1), "R-32:h1").state()).isEqualTo(ObligationState.MISSED);
      f.hazards.set(0, hazard("h1", "GENERAL", found, deadline, deadline, null));
      assertThat(one(f.build(), days(found, 2), "R-32:h1").state()).isEqualTo(ObligationState.MET);
      f.hazards.set(0, hazard("h1", "GENERAL", found, deadline, hours(deadline, 0, 1), null));
      assertThat(one(f.build(), days(found, 2), "R-32:h1").state()).isEqualTo(ObligationState.MET_LATE);
    }

    @Test
    void generalHazardWithoutDeadlineIsDueByTheEndOfTheLocalDay() {
      Instant found = Instant.parse("2026-03-17T06:00:00Z"); // 14:00 in Shenzhen
      Facts f = new Facts();
      f.hazards.add(hazard("h1", "GENERAL", found, null, null, null));
      assertThat(one(f.build(), found, "R-32:h1").dueAt()).isEqualTo(Instant.parse("2026-03-17T16:00:00Z"));
    }

    @Test
    void majorHazardNeedsStopWorkReinspectionAndVerification() {
      Instant found = hours(START, 24, 0);
      Instant deadline = days(found, 1);
      Facts f = new Facts();
      f.hazards.add(hazard("h2", "MAJOR", found, deadline, hours(found, 20, 0), null));
      Obligation noReinspection = one(f.build(), days(found, 2), "R-31:h2");
      assertThat(noReinspection.state()).isEqualTo(ObligationState.MISSED);
      assertThat(noReinspection.detail()).contains("reinspection");
      f.hazards.set(0, hazard("h2", "MAJOR", found, deadline, hours(found, 20, 0), hours(found, 19, 0)));
      assertThat(one(f.build(), days(found, 2), "R-31:h2").state()).isEqualTo(ObligationState.MET);
      Facts noStop = new Facts();
      noStop.hazards.add(new Hazard("h3", "MAJOR", "OPEN", found, deadline, null, null, "AREA", null, List.of(), null));
      assertThat(one(noStop.build(), found, "R-31:h3").state()).isEqualTo(ObligationState.MISSED);
      assertThat(rule(f.build(), found, "R-32")).isEmpty();
    }

    @Test
    void writtenNoticeByTheEndOfTheInspection() {
      Instant found = hours(START, 24, 0);
      Facts f = new Facts();
      f.hazards.add(new Hazard("h1", "GENERAL", "OPEN", found, days(found, 1), hours(found, 1, 0), hours(found, 1, 0),
          null, null, List.of(), null));
      f.hazards.add(new Hazard("h2", "GENERAL", "OPEN", found, days(found, 1), hours(found, 1, 0), hours(found, 1, 1),
          null, null, List.of(), null));
      f.hazards.add(new Hazard("h3", "GENERAL", "OPEN", found, days(found, 1), hours(found, 1, 0), null,
          null, null, List.of(), null));
      assertThat(one(f.build(), days(found, 1), "R-30:h1").state()).isEqualTo(ObligationState.MET);
      assertThat(one(f.build(), days(found, 1), "R-30:h2").state()).isEqualTo(ObligationState.MET_LATE);
      assertThat(one(f.build(), days(found, 1), "R-30:h3").state()).isEqualTo(ObligationState.MISSED);
    }

    @Test
    void emergencyPlanMustCoverTheThreeScenarios() {
      Facts f = new Facts();
      f.plans.add(new EmergencyPlan("ep1", START.minusSeconds(3600), Set.of("ELECTRIC_SHOCK", "FALL_FROM_HEIGHT")));
      assertThat(one(f.build(), days(START, 1), "R-40").state()).isEqualTo(ObligationState.MISSED);
      f.plans.add(new EmergencyPlan("ep2", START.minusSeconds(60),
          Set.of("ELECTRIC_SHOCK", "FALL_FROM_HEIGHT", "MECHANICAL_INJURY", "FIRE")));
      Obligation met = one(f.build(), days(START, 1), "R-40");
      assertThat(met.state()).isEqualTo(ObligationState.MET);
      assertThat(met.satisfiedBy()).containsExactly("ep2");
    }

    @Test
    void drillNeedsPlanVideoAndEvaluation() {
      Facts f = new Facts();
      f.drills.add(new Drill("d1", days(START, 20), true, 1, true));
      f.drills.add(new Drill("d2", days(START, 21), true, 0, true));
      assertThat(one(f.build(), days(START, 30), "R-41:d1").state()).isEqualTo(ObligationState.MET);
      Obligation d2 = one(f.build(), days(START, 30), "R-41:d2");
      assertThat(d2.state()).isEqualTo(ObligationState.MISSED);
      assertThat(d2.detail()).contains("video");
    }

    @Test
    void trainingCoverageAcrossSessionsBeforeFirstOnSite() {
      Facts f = new Facts();
      f.workers.add(new Worker("440305197811250153", FILED));
      f.workers.add(new Worker("name:李四", days(START, 3)));
      f.trainings.add(new Training("t1", START.minusSeconds(7200), Set.of("ACCIDENT_CASES", "PPE_USE"),
          Set.of("440305197811250153")));
      f.trainings.add(new Training("t2", START.minusSeconds(3600), Set.of("OPERATING_PROCEDURES", "EMERGENCY_HANDLING"),
          Set.of("440305197811250153", "name:李四")));
      Obligation first = one(f.build(), days(START, 5), "R-43:1");
      assertThat(first.state()).isEqualTo(ObligationState.MET);
      assertThat(first.satisfiedBy()).containsExactly("t1", "t2");
      Obligation second = one(f.build(), days(START, 5), "R-43:2");
      assertThat(second.state()).isEqualTo(ObligationState.MISSED);
      assertThat(second.dueAt()).isEqualTo(days(START, 3));
      f.trainings.add(new Training("t3", days(START, 4), TOPICS, Set.of("name:李四")));
      assertThat(one(f.build(), days(START, 5), "R-43:2").state()).isEqualTo(ObligationState.MET_LATE);
    }

    @Test
    void preventionFeeWithinTwentyOnePercentOfPremium() {
      Facts f = new Facts();
      f.budget = new BigDecimal("672.00");
      assertThat(one(f.build(), START, "R-02").state()).isEqualTo(ObligationState.MET);
      f.budget = new BigDecimal("672.01");
      assertThat(one(f.build(), START, "R-02").state()).isEqualTo(ObligationState.MISSED);
      f.budget = new BigDecimal("600.00");
      f.spent = new BigDecimal("600.01");
      assertThat(one(f.build(), START, "R-02").state()).isEqualTo(ObligationState.MISSED);
    }

    @Test
    void everyObligationNamesARuleOfTheProfile() {
      Facts f = new Facts().inspection("i1", "FIRST_KEY_HAZARD", hours(START, 1, 0));
      f.hazards.add(hazard("h1", "GENERAL", START, days(START, 1), null, null));
      for (Obligation o : EVALUATOR.evaluate(f.build(), days(START, 2))) {
        assertThat(o.ruleId()).matches("^R-[0-9]{2}$");
        assertThat(PROFILE.has(o.ruleId())).isTrue();
        assertThat(o.title()).isNotBlank();
      }
    }
  }

  /** with the profile's P6M, start 2026-03-16T09:00+08:00, so the first period ends 2026-09-16T09:00+08:00. */
  @Nested
  class DrillFrequencyR42 {

    final Instant sixMonths = Instant.parse("2026-09-16T01:00:00Z");

    @Test
    void aDrillAtTheEndOfThePeriodMeetsIt() {
      Facts f = new Facts();
      f.drills.add(new Drill("d1", sixMonths, true, 1, true));
      Obligation first = one(f.build(), hours(sixMonths, 0, 1), "R-42:1");
      assertThat(first.dueAt()).isEqualTo(sixMonths);
      assertThat(first.state()).isEqualTo(ObligationState.MET);
      assertThat(first.satisfiedBy()).containsExactly("d1");
      assertThat(one(f.build(), hours(sixMonths, 0, 1), "R-42:2").state()).isEqualTo(ObligationState.PENDING);
    }

    @Test
    void aDrillOneMinuteLateMissesThePeriodAndCountsForTheNext() {
      Facts f = new Facts();
      f.drills.add(new Drill("d1", hours(sixMonths, 0, 1), true, 1, true));
      ProjectFacts facts = f.build();
      assertThat(one(facts, hours(sixMonths, 0, 2), "R-42:1").state()).isEqualTo(ObligationState.MISSED);
      Obligation second = one(facts, hours(sixMonths, 0, 2), "R-42:2");
      assertThat(second.state()).isEqualTo(ObligationState.MET);
      assertThat(second.dueAt()).isEqualTo(Instant.parse("2027-03-16T01:00:00Z"));
    }

    @Test
    void beforeItsDueTimeAPeriodIsPendingAndDueSoonAtTheEnd() {
      Facts f = new Facts();
      assertThat(one(f.build(), sixMonths.minusSeconds(60), "R-42:1").state()).isEqualTo(ObligationState.PENDING);
      assertThat(one(f.build(), sixMonths.minusSeconds(60), "R-42:1").dueSoon()).isTrue();
      assertThat(one(f.build(), sixMonths, "R-42:1").state()).isEqualTo(ObligationState.PENDING);
      assertThat(one(f.build(), sixMonths.plusSeconds(60), "R-42:1").state()).isEqualTo(ObligationState.MISSED);
    }

    @Test
    void completionCutsThePeriodShortAndEndsTheDuty() {
      Facts f = new Facts();
      f.completed = days(START, 60);
      List<Obligation> drills = rule(f.build(), days(START, 400), "R-42");
      assertThat(drills).hasSize(1);
      assertThat(drills.get(0).dueAt()).isEqualTo(days(START, 60));
      assertThat(drills.get(0).state()).isEqualTo(ObligationState.MISSED);
      f.drills.add(new Drill("d1", days(START, 59), true, 1, true));
      assertThat(rule(f.build(), days(START, 400), "R-42")).singleElement()
          .satisfies(o -> assertThat(o.state()).isEqualTo(ObligationState.MET));
    }

    @Test
    void completionExactlyAtAPeriodsEndOwesNothingForTheNext() {
      Facts f = new Facts();
      f.completed = sixMonths;
      f.drills.add(new Drill("d1", days(START, 10), true, 1, true));
      assertThat(rule(f.build(), days(START, 400), "R-42")).extracting(Obligation::obligationId).containsExactly("R-42:1");
    }

    @Test
    void withoutAStartTheFirstDrillIsPendingWithoutDueTime() {
      Facts f = new Facts();
      f.actualStart = null;
      Obligation o = one(f.build(), days(START, 400), "R-42:1");
      assertThat(o.state()).isEqualTo(ObligationState.PENDING);
      assertThat(o.dueAt()).isNull();
    }
  }

  /** the content rules. */
  @Nested
  class ContentRules {

    @Test
    void anAssessmentMustCoverEverySpecialRiskCategory() {
      Facts f = new Facts();
      f.assessments.add(assessment("ra1", START.minusSeconds(60), CATEGORIES));
      f.assessments.add(assessment("ra2", START.minusSeconds(30), Set.of("HEIGHT", "LIFTING")));
      assertThat(one(f.build(), START, "R-11:ra1").state()).isEqualTo(ObligationState.MET);
      Obligation ra2 = one(f.build(), START, "R-11:ra2");
      assertThat(ra2.state()).isEqualTo(ObligationState.MISSED);
      assertThat(ra2.detail()).contains("EDGE_OPENING", "FOUNDATION_PIT", "TEMP_ELECTRICITY").doesNotContain("HEIGHT");
      assertThat(one(f.build(), START, "R-12:ra1").state()).isEqualTo(ObligationState.MET);
      f.assessments.add(new RiskAssessment("ra3", START, false, false, CATEGORIES));
      assertThat(one(f.build(), START, "R-12:ra3").state()).isEqualTo(ObligationState.MISSED);
      assertThat(one(f.build(), START, "R-11:ra3").detail()).contains("work types");
    }

    @Test
    void anInspectionNeedsTheInsuredsConfirmation() {
      Facts f = new Facts().inspection("i1", "ROUTINE", hours(START, 1, 0));
      Inspection unconfirmed = new Inspection("i2", "ROUTINE", hours(START, 30, 0), hours(START, 31, 0), Map.of(),
          List.of(), false, Set.of());
      f.inspections.add(unconfirmed);
      assertThat(one(f.build(), days(START, 2), "R-23:i1").state()).isEqualTo(ObligationState.MET);
      Obligation i2 = one(f.build(), days(START, 2), "R-23:i2");
      assertThat(i2.state()).isEqualTo(ObligationState.MISSED);
      assertThat(i2.dueAt()).isEqualTo(hours(START, 31, 0));
    }

    @Test
    void uncertifiedSpecialOperationsMustBeAMajorHazard() {
      Facts f = new Facts().inspection("pass", "FIRST_KEY_HAZARD", hours(START, 1, 0));
      f.inspections.add(withSpecialOps("fail-major", "FAIL", Set.of("art4(3)")));
      f.inspections.add(withSpecialOps("fail-general", "FAIL", Set.of("art9(1)")));
      f.inspections.add(withSpecialOps("none", "NOT_APPLICABLE", Set.of()));
      f.inspections.add(inspectionOf("routine", "ROUTINE", hours(START, 5, 0), Set.of("HELMET_USE")));
      ProjectFacts facts = f.build();
      Instant now = days(START, 3);
      assertThat(one(facts, now, "R-44:pass").state()).isEqualTo(ObligationState.MET);
      assertThat(one(facts, now, "R-44:pass").detail()).contains("no certificate records");
      assertThat(one(facts, now, "R-44:fail-major").state()).isEqualTo(ObligationState.MET);
      assertThat(one(facts, now, "R-44:fail-general").state()).isEqualTo(ObligationState.MISSED);
      assertThat(one(facts, now, "R-44:none").state()).isEqualTo(ObligationState.NOT_APPLICABLE);
      assertThat(rule(facts, now, "R-44")).extracting(Obligation::obligationId).doesNotContain("R-44:routine");
    }

    Inspection withSpecialOps(String id, String outcome, Set<String> majorRefs) {
      return new Inspection(id, "ROUTINE", hours(START, 3, 0), hours(START, 4, 0),
          Map.of("SPECIAL_OPS_CERTIFIED", outcome), List.of(), true, majorRefs);
    }

    @Test
    void electricityMonitorsKeepTheirSettingsWithinTheProfile() {
      Facts f = new Facts();
      Set<String> rc = Set.of("RESIDUAL_CURRENT", "TEMPERATURE");
      f.devices.add(new Device("m300", "ELECTRICITY_MONITOR", rc, 300.0, false));
      f.devices.add(new Device("m500", "ELECTRICITY_MONITOR", rc, 500.0, false));
      f.devices.add(new Device("m299", "ELECTRICITY_MONITOR", rc, 299.0, false));
      f.devices.add(new Device("m501", "ELECTRICITY_MONITOR", rc, 501.0, false));
      f.devices.add(new Device("trip", "ELECTRICITY_MONITOR", rc, 400.0, true));
      f.devices.add(new Device("unset", "ELECTRICITY_MONITOR", rc, null, false));
      f.devices.add(new Device("camera", "AI_CAMERA", Set.of(), null, false));
      ProjectFacts facts = f.build();
      assertThat(one(facts, START, "R-50:m300").state()).isEqualTo(ObligationState.MET);
      assertThat(one(facts, START, "R-50:m500").state()).isEqualTo(ObligationState.MET);
      assertThat(one(facts, START, "R-50:m299").state()).isEqualTo(ObligationState.MISSED);
      assertThat(one(facts, START, "R-50:m501").detail()).contains("501 mA");
      assertThat(one(facts, START, "R-50:trip").detail()).contains("automatic trip");
      assertThat(one(facts, START, "R-50:unset").state()).isEqualTo(ObligationState.MISSED);
      assertThat(rule(facts, START, "R-50")).extracting(Obligation::obligationId).doesNotContain("R-50:camera");
    }
  }

  static final Set<String> CATEGORIES = Set.of("HEIGHT", "EDGE_OPENING", "FOUNDATION_PIT", "TEMP_ELECTRICITY", "LIFTING");

  /** An inspection confirmed by the insured, every item PASS. */
  static Inspection inspectionOf(String id, String type, Instant at, Set<String> items) {
    Map<String, String> outcomes = new LinkedHashMap<>();
    items.stream().sorted().forEach(i -> outcomes.put(i, "PASS"));
    return new Inspection(id, type, at, hours(at, 2, 0), outcomes, List.of(), true, Set.of());
  }

  static RiskAssessment assessment(String id, Instant at, Set<String> covered) {
    return new RiskAssessment(id, at, true, true, covered);
  }

  static Hazard hazard(String id, String grade, Instant found, Instant deadline, Instant verifiedAt, Instant reinspectedAt) {
    return new Hazard(id, grade, verifiedAt == null ? "OPEN" : "VERIFIED", found, deadline, null, null,
        "MAJOR".equals(grade) ? "PARTIAL" : null, verifiedAt,
        verifiedAt == null ? List.of() : List.of("ver-" + id), reinspectedAt);
  }
}
