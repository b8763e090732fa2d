package org.capillary.spec.format;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The 9-digit township-level code (GB/T 10114) of a district's sub-districts (街道), checked
 * against a closed list: the sub-district office of a project is whom a hazard is reported to, so
 * a code must name an office that exists.
 *
 * <p>A list is reference data of a rule profile ({@code rules/<profile>.yaml}, {@code
 * reference.subdistricts}). {@link #futian()} is the Futian list compiled in, the default of the
 * contract format {@code cn-subdistrict-code}; a test keeps it equal to {@code
 * rules/futian-2025.yaml}. A district adopting the contract builds its own with {@link #of(Map)}.
 *
 * <p>The Futian list is the 统计用区划代码 snapshot of 2022-10-31 (DOMAIN.md §9.5): ten 街道,
 * {@code 440304001}–{@code 440304011} without {@code 003}, and {@code 440304400} 福田保税区, a
 * township-like unit that is not a 街道 but has its own code.
 *
 * <pre>{@code
 * SubdistrictCode.futian().isValid("440304006"); // true
 * SubdistrictCode.futian().name("440304006");    // Optional[香蜜湖街道]
 * SubdistrictCode.futian().isValid("440304003"); // false: unused
 * }</pre>
 *
 * <p>Instances are immutable and may be shared.
 */
public final class SubdistrictCode {

  /** The version of the compiled-in Futian list: the date of the statistical snapshot. */
  public static final String FUTIAN_VERSION = "2022-10-31";

  private static final Pattern CODE = Pattern.compile("^\\d{9}$");

  private static final SubdistrictCode FUTIAN =
      of(
          orderedMap(
              "440304001", "南园街道",
              "440304002", "园岭街道",
              "440304004", "福田街道",
              "440304005", "沙头街道",
              "440304006", "香蜜湖街道",
              "440304007", "梅林街道",
              "440304008", "莲花街道",
              "440304009", "华富街道",
              "440304010", "福保街道",
              "440304011", "华强北街道",
              "440304400", "福田保税区"));

  private final Map<String, String> names;

  private SubdistrictCode(Map<String, String> names) {
    this.names = names;
  }

  /**
   * Returns the Futian list (version {@value #FUTIAN_VERSION}).
   *
   * @return the shared instance
   */
  public static SubdistrictCode futian() {
    return FUTIAN;
  }

  /**
   * Creates a list from codes and their names. The map is copied; its iteration order is kept.
   *
   * @param namesByCode each 9-digit code mapped to the sub-district's name
   * @return the list
   * @throws NullPointerException if {@code namesByCode} or a key or value in it is {@code null}
   * @throws IllegalArgumentException if the map is empty, a code is not nine ASCII digits or a name
   *     is blank
   */
  public static SubdistrictCode of(Map<String, String> namesByCode) {
    if (namesByCode.isEmpty()) {
      throw new IllegalArgumentException("a sub-district list must not be empty");
    }
    var copy = new LinkedHashMap<String, String>();
    namesByCode.forEach(
        (code, name) -> {
          Objects.requireNonNull(code, "code");
          Objects.requireNonNull(name, "name");
          if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("not a 9-digit township-level code: " + code);
          }
          if (name.isBlank()) {
            throw new IllegalArgumentException("blank name for " + code);
          }
          copy.put(code, name);
        });
    return new SubdistrictCode(Collections.unmodifiableMap(copy));
  }

  /**
   * Tells whether {@code code} is on this list.
   *
   * @param code the candidate, may be {@code null}
   * @return {@code true} if it is; {@code false} otherwise, including for {@code null}
   */
  public boolean isValid(@Nullable String code) {
    return code != null && names.containsKey(code);
  }

  /**
   * Returns the name of the sub-district with {@code code}.
   *
   * @param code the code, may be {@code null}
   * @return its name in Chinese, or empty if {@code code} is not on this list
   */
  public Optional<String> name(@Nullable String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(names.get(code));
  }

  /**
   * Returns the whole list.
   *
   * @return an unmodifiable map of code to name, in the order of the list
   */
  public Map<String, String> namesByCode() {
    return names;
  }

  private static Map<String, String> orderedMap(String... codesAndNames) {
    var map = new LinkedHashMap<String, String>();
    for (int i = 0; i < codesAndNames.length; i += 2) {
      map.put(codesAndNames[i], codesAndNames[i + 1]);
    }
    return map;
  }
}
