package org.capillary.gateway.store;

/**
 * The store's contract on the machine's PostgreSQL (the production profile), in a schema of its
 * own that is dropped afterwards. Needs PostgreSQL at {@link TestDatabase#POSTGRES_URL}; the test
 * fails, rather than skips, when it is not there.
 */
class PostgresStoreTest extends AbstractStoreTest {

  @Override
  TestDatabase openDatabase() {
    return TestDatabase.postgres();
  }
}
