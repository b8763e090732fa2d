package org.capillary.gateway.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.capillary.gateway.connector.Connector;
import org.capillary.gateway.connector.Role;
import org.capillary.gateway.events.EventRecorder;
import org.capillary.gateway.projection.LedgerFixture;
import org.capillary.gateway.projection.ProjectionDatabase;
import org.capillary.gateway.projection.ProjectionDialect;
import org.capillary.gateway.projection.ProjectionWorker;
import org.capillary.gateway.projection.Projector;
import org.capillary.gateway.ratelimit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Every compliance read needs one pooled connection at a time. A read that takes a second
 * connection while it holds a first one deadlocks the pool under load: as many such reads as there
 * are connections each hold one and wait for another, and every request of every kind then waits
 * the pool's connection timeout. With a pool of one connection such a read cannot complete at all,
 * which is what these tests check (the short connection timeout only bounds how long a failing run
 * takes).
 */
class ComplianceReadsTest {

  private static final RuleProfile PROFILE = RuleProfile.load(RuleProfile.FUTIAN);
  private static final Connector OPERATOR =
      new Connector("demo-operator", Role.OPERATOR, true, "operator", "91440300MA5DTE001K", List.of());
  private static final String PROJECT = "FT-PRJ-POOL-01";

  private ProjectionDatabase database;
  private HikariDataSource onePooledConnection;
  private ComplianceReads reads;

  @BeforeEach
  void projectOneProject() {
    database = ProjectionDatabase.h2();
    DataSource ds = database.dataSource();
    MutableClock clock = new MutableClock(Instant.parse("2026-03-18T02:00:00Z"));
    LedgerFixture ledger = new LedgerFixture(ds, clock);
    String path = "/v1/projects/" + PROJECT;
    ledger.append(LedgerFixture.INSURER, "registerPolicy", "/v1/policies", PROJECT,
        LedgerFixture.policy("pol-" + PROJECT, PROJECT, false));
    ledger.append(LedgerFixture.INSURER, "reportWorksStatus", path + "/status-changes", PROJECT,
        LedgerFixture.example("reportWorksStatus", "valid-minimal"));
    ledger.append(LedgerFixture.INSURER, "submitInspection", path + "/inspections", PROJECT,
        LedgerFixture.example("submitInspection", "valid-full"));
    ObligationRecorder obligations = new ObligationRecorder(new ObligationEvaluator(PROFILE), new FactsReader());
    new ProjectionWorker(ds, new DataSourceTransactionManager(ds), ProjectionDialect.of(ds),
        new Projector(new ProfileAlertPromotion(PROFILE)), List.of(obligations),
        new EventRecorder("urn:capillary:platform:test", clock), clock, 3).drainOnce();

    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(((HikariDataSource) ds).getJdbcUrl());
    config.setUsername("sa");
    config.setMaximumPoolSize(1);
    config.setConnectionTimeout(250);
    onePooledConnection = new HikariDataSource(config);
    reads = new ComplianceReads(onePooledConnection, new ObligationEvaluator(PROFILE), new FactsReader(), clock);
  }

  @AfterEach
  void close() {
    onePooledConnection.close();
    database.close();
  }

  @Test
  void theProjectViewIsReadOnOneConnection() {
    assertThat(reads.project(PROJECT, OPERATOR)).hasValueSatisfying(view -> {
      assertThat(view).containsEntry("projectId", PROJECT).containsKey("counts");
      assertThat(view.get("counts").toString()).contains("inspections=1");
    });
  }

  @Test
  void obligationsAndHazardsAreReadOnOneConnection() {
    assertThat(reads.obligations(PROJECT)).hasValueSatisfying(doc -> assertThat(doc).containsEntry("projectId", PROJECT));
    assertThat(reads.hazards(OPERATOR, new ComplianceReads.HazardFilter(PROJECT, null, null, null, null), 0, 50).items())
        .isNotEmpty();
  }

  @Test
  void theSummaryAlertsAndEventsAreReadOnOneConnection() {
    assertThatCode(() -> {
      reads.districtSummary(OPERATOR);
      reads.alerts(OPERATOR, PROJECT, 0, 50);
      reads.events(OPERATOR, 0, 50);
    }).doesNotThrowAnyException();
  }
}
