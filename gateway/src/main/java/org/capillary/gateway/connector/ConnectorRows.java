package org.capillary.gateway.connector;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Column conventions of the connector tables (db/migration/V2__connectors.sql). */
final class ConnectorRows {

  static final String CONNECTOR_COLUMNS =
      "connector_id, role, status, rate_plan, organisation_uscc, subdistrict_codes";

  private ConnectorRows() {}

  /** A {@link Connector} from a row with {@link #CONNECTOR_COLUMNS}. */
  static Connector connector(ResultSet rs) throws SQLException {
    return new Connector(
        rs.getString("connector_id"),
        Role.valueOf(rs.getString("role")),
        "ACTIVE".equals(rs.getString("status")),
        rs.getString("rate_plan"),
        rs.getString("organisation_uscc"),
        splitCodes(rs.getString("subdistrict_codes")));
  }

  static List<String> splitCodes(@Nullable String codes) {
    if (codes == null || codes.isBlank()) {
      return List.of();
    }
    return Arrays.stream(codes.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  static String joinCodes(List<String> codes) {
    return String.join(",", codes);
  }

  /** Instants are stored with microsecond precision, which both PostgreSQL and H2 keep. */
  static OffsetDateTime timestamp(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }

  static @Nullable OffsetDateTime nullableTimestamp(@Nullable Instant instant) {
    return instant == null ? null : timestamp(instant);
  }

  static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }
}
