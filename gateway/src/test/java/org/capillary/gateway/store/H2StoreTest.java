package org.capillary.gateway.store;

/** The store's contract on H2 in PostgreSQL mode (the embedded default profile). */
class H2StoreTest extends AbstractStoreTest {

  @Override
  TestDatabase openDatabase() {
    return TestDatabase.h2();
  }
}
