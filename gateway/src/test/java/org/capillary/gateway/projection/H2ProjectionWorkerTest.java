package org.capillary.gateway.projection;

/** The projection worker on H2 in PostgreSQL mode (the embedded default). */
class H2ProjectionWorkerTest extends ProjectionWorkerContract {

  @Override
  ProjectionDatabase openDatabase() {
    return ProjectionDatabase.h2();
  }
}
