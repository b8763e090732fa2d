package org.capillary.gateway.projection;

/** The projection worker on the machine's PostgreSQL (production), in a schema of its own. */
class PostgresProjectionWorkerTest extends ProjectionWorkerContract {

  @Override
  ProjectionDatabase openDatabase() {
    return ProjectionDatabase.postgres();
  }
}
