package org.capillary.gateway.projection;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The little SQL that differs between the two databases: PostgreSQL skips a projection lock
 * another replica holds (FOR UPDATE SKIP LOCKED); H2, embedded and single-process, just waits.
 */
public enum ProjectionDialect {
  /** PostgreSQL (production). */
  POSTGRES("FOR UPDATE SKIP LOCKED"),
  /** H2 in PostgreSQL mode (embedded default). */
  H2("FOR UPDATE");

  private final String lockClause;

  ProjectionDialect(String lockClause) {
    this.lockClause = lockClause;
  }

  /** The clause that locks selected rows, skipping those locked elsewhere where supported. */
  public String lockClause() {
    return lockClause;
  }

  /**
   * @param dataSource the gateway's DataSource
   * @return its dialect, by the database product name
   */
  public static ProjectionDialect of(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
      return product.contains("postgres") ? POSTGRES : H2;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot tell the database product", e);
    }
  }
}
