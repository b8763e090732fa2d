package org.capillary.gateway.media;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code media_upload} table (V4__media.sql). Blocking; callers run it on a scheduler, never on
 * the event loop. Methods taking a {@link JdbcClient} run in the caller's transaction.
 */
public final class UploadRepository {

  private static final String COLUMNS = """
      upload_id, connector_id, kind, content_type, upload_length, sha256, file_name, project_id,
      captured_at, status, upload_offset, last_chunk_offset, last_chunk_sha256, last_chunk_key,
      created_at, expires_at, completed_at""";

  private final JdbcClient jdbc;

  /**
   * @param dataSource the gateway's database
   */
  public UploadRepository(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
  }

  /** A client bound to the current transaction, if any (Spring's DataSourceUtils). */
  JdbcClient jdbc() {
    return jdbc;
  }

  /**
   * Inserts a new upload.
   *
   * @param tx the transaction's client
   * @param u the upload (status UPLOADING, offset 0)
   * @param submissionSeq the declaring submission
   */
  void insert(JdbcClient tx, Upload u, long submissionSeq) {
    tx.sql("INSERT INTO media_upload (" + COLUMNS + ", submission_seq, updated_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(u.uploadId(), u.connectorId(), u.kind(), u.contentType(), u.length(), u.sha256(),
            varchar(u.fileName()), varchar(u.projectId()), varchar(u.capturedAt()), u.status(), u.offset(),
            new SqlParameterValue(Types.BIGINT, u.lastChunkOffset()), varchar(u.lastChunkSha256()),
            varchar(u.lastChunkKey()), utc(u.createdAt()), utc(u.expiresAt()),
            new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, utc(u.completedAt())), submissionSeq,
            utc(u.createdAt()))
        .update();
  }

  /** The upload, read without locking. */
  Optional<Upload> find(String uploadId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM media_upload WHERE upload_id = ?")
        .param(uploadId).query(UploadRepository::row).optional();
  }

  /** The uploads of some ids (absent ones are missing from the result). */
  List<Upload> findAll(Collection<String> uploadIds) {
    if (uploadIds.isEmpty()) {
      return List.of();
    }
    String marks = String.join(", ", java.util.Collections.nCopies(uploadIds.size(), "?"));
    return jdbc.sql("SELECT " + COLUMNS + " FROM media_upload WHERE upload_id IN (" + marks + ")")
        .params(List.copyOf(uploadIds)).query(UploadRepository::row).list();
  }

  /** The upload, locked until the transaction ends (one chunk at a time per upload, on any replica). */
  Optional<Upload> lock(String uploadId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM media_upload WHERE upload_id = ? FOR UPDATE")
        .param(uploadId).query(UploadRepository::row).optional();
  }

  /** Records an accepted chunk. */
  void advance(String uploadId, long newOffset, long chunkOffset, String chunkSha256, String chunkKey, Instant now) {
    jdbc.sql("""
            UPDATE media_upload SET upload_offset = ?, last_chunk_offset = ?, last_chunk_sha256 = ?,
                last_chunk_key = ?, updated_at = ? WHERE upload_id = ?""")
        .params(newOffset, chunkOffset, chunkSha256, chunkKey, utc(now), uploadId)
        .update();
  }

  /** Marks an upload complete. */
  void complete(String uploadId, Instant now) {
    jdbc.sql("UPDATE media_upload SET status = ?, completed_at = ?, updated_at = ? WHERE upload_id = ?")
        .params(Upload.COMPLETE, utc(now), utc(now), uploadId)
        .update();
  }

  /** Deletes an upload's row (termination, or a completed upload whose digest differed). */
  void delete(String uploadId) {
    jdbc.sql("DELETE FROM media_upload WHERE upload_id = ?").param(uploadId).update();
  }

  /** Unfinished uploads past their expiry, oldest first, at most {@code limit}. */
  List<String> expiredCandidates(Instant now, int limit) {
    return jdbc.sql("SELECT upload_id FROM media_upload WHERE status = ? AND expires_at <= ? ORDER BY expires_at")
        .params(Upload.UPLOADING, utc(now))
        .query(String.class).list().stream().limit(limit).toList();
  }

  /**
   * Claims one expired upload: exactly one caller (on any replica) gets true, and deletes its bytes.
   *
   * @return whether this call moved it to EXPIRED
   */
  boolean claimExpired(String uploadId, Instant now) {
    return jdbc.sql("""
            UPDATE media_upload SET status = ?, updated_at = ?
            WHERE upload_id = ? AND status = ? AND expires_at <= ?""")
        .params(Upload.EXPIRED, utc(now), uploadId, Upload.UPLOADING, utc(now))
        .update() == 1;
  }

  private static Upload row(ResultSet rs, int n) throws SQLException {
    long lastOffset = rs.getLong("last_chunk_offset");
    Long lastChunkOffset = rs.wasNull() ? null : lastOffset;
    return new Upload(
        rs.getString("upload_id"),
        rs.getString("connector_id"),
        rs.getString("kind"),
        rs.getString("content_type"),
        rs.getLong("upload_length"),
        rs.getString("sha256"),
        rs.getString("file_name"),
        rs.getString("project_id"),
        rs.getString("captured_at"),
        rs.getString("status"),
        rs.getLong("upload_offset"),
        lastChunkOffset,
        rs.getString("last_chunk_sha256"),
        rs.getString("last_chunk_key"),
        instant(rs, "created_at"),
        instant(rs, "expires_at"),
        rs.getObject("completed_at") == null ? null : instant(rs, "completed_at"));
  }

  private static SqlParameterValue varchar(@Nullable String value) {
    return new SqlParameterValue(Types.VARCHAR, value);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class).toInstant();
  }

  /** Both databases keep microseconds; truncating first makes what is written what is read. */
  static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }
}
