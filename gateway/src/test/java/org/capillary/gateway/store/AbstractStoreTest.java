package org.capillary.gateway.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Runs the store's contract tests ({@link IdempotencyStoreContract}, {@link LedgerContract},
 * {@link WriteThroughContract}) against one database: {@link H2StoreTest} (the embedded default)
 * and {@link PostgresStoreTest} (production) must pass the same tests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractStoreTest
    implements IdempotencyStoreContract, LedgerContract, WriteThroughContract {

  private TestDatabase database;
  private Scheduler scheduler;

  /** A freshly migrated database of the kind under test. */
  abstract TestDatabase openDatabase();

  @BeforeAll
  void open() {
    database = openDatabase();
    scheduler = Schedulers.newBoundedElastic(database.poolSize(), 1_000, "capillary-store-test");
  }

  @AfterAll
  void close() {
    if (scheduler != null) {
      scheduler.dispose();
    }
    if (database != null) {
      database.close();
    }
  }

  @Override
  public Stores stores() {
    return new Stores(database, scheduler);
  }
}
