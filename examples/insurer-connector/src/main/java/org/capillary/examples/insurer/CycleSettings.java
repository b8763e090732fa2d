package org.capillary.examples.insurer;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What one run of the {@link InsurerServiceCycle} files: the run id from which every record id is
 * made (so two runs never collide: policy and project ids are unique district-wide), the
 * sub-district of the works, and the clock the record times are taken from.
 *
 * @param runId 4-24 characters of {@code [A-Za-z0-9]}; part of every id, e.g. project
 *     {@code FT-XS-<runId>}, policy {@code pol-<runId>}
 * @param subdistrictCode the 9-digit code of the Futian sub-district (街道) of the works, e.g.
 *     {@code 440304001} (南园); it decides which sub-district office sees the project
 * @param clock where "now" comes from: the works were filed three days before it, and every later
 *     record is dated between then and now (never in the future)
 */
public record CycleSettings(String runId, String subdistrictCode, Clock clock) {

  /** The district's time zone: record times carry its offset, +08:00. */
  public static final ZoneId DISTRICT_ZONE = ZoneId.of("Asia/Shanghai");
  /** 南园街道, whose demo sub-district office ({@code demo-futian-nanyuan}) then sees the project. */
  public static final String NANYUAN = "440304001";

  private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9]{4,24}");
  private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

  /** Checks the components. */
  public CycleSettings {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(subdistrictCode, "subdistrictCode");
    Objects.requireNonNull(clock, "clock");
    if (!RUN_ID.matcher(runId).matches()) {
      throw new IllegalArgumentException("runId must be 4-24 characters of [A-Za-z0-9]");
    }
    if (!subdistrictCode.matches("440304[0-9]{3}")) {
      throw new IllegalArgumentException("subdistrictCode must be a Futian code 440304xxx");
    }
  }

  /**
   * Settings for a fresh run: a run id made of today's date and six random characters, in 南园.
   *
   * @param clock the clock
   * @return the settings
   */
  public static CycleSettings create(Clock clock) {
    SecureRandom random = new SecureRandom();
    StringBuilder suffix = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      suffix.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    String date = LocalDate.now(clock.withZone(DISTRICT_ZONE)).format(DateTimeFormatter.BASIC_ISO_DATE);
    return new CycleSettings(date + suffix, NANYUAN, clock);
  }

  /** @return the works project's id (its district registration number) */
  public String projectId() {
    return "FT-XS-" + runId;
  }

  /** @return the policy's id */
  public String policyId() {
    return "pol-" + runId;
  }
}
