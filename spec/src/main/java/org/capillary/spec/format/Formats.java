package org.capillary.spec.format;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The custom {@code format} names of the Capillary schemas and their validators.
 *
 * <p>A JSON Schema validator registers each entry of {@link #validators()} as a format assertion,
 * so that {@code "format": "cn-uscc"} checks the check character and not merely the shape. Every
 * validator answers {@code false} for {@code null}.
 *
 * <p>{@value #CN_SUBDISTRICT_CODE} checks against the Futian list ({@link
 * SubdistrictCode#futian()}); a district with its own list registers its own predicate under the
 * same name. {@value #CN_RESIDENT_ID} takes "today" from the system clock in Asia/Shanghai.
 */
public final class Formats {

  /** 统一社会信用代码, {@link UnifiedSocialCreditCode}. */
  public static final String CN_USCC = "cn-uscc";

  /** 公民身份号码, {@link ResidentIdNumber}. */
  public static final String CN_RESIDENT_ID = "cn-resident-id";

  /** Mobile number in the wire form, {@link MobileNumber#isValid(String)}. */
  public static final String CN_MOBILE = "cn-mobile";

  /** GB/T 28181 device or channel id, {@link Gb28181Id}. */
  public static final String GB28181_ID = "gb28181-id";

  /** Futian sub-district code, {@link SubdistrictCode#futian()}. */
  public static final String CN_SUBDISTRICT_CODE = "cn-subdistrict-code";

  /** SHA-256 digest in lower-case hex, {@link Sha256Hex}. */
  public static final String SHA256_HEX = "sha256-hex";

  private static final Map<String, Predicate<String>> VALIDATORS = createValidators();

  private Formats() {}

  /**
   * Returns every custom format of the contract with its validator.
   *
   * @return an unmodifiable map from format name to validator, in the order of the constants above
   */
  public static Map<String, Predicate<String>> validators() {
    return VALIDATORS;
  }

  private static Map<String, Predicate<String>> createValidators() {
    var map = new LinkedHashMap<String, Predicate<String>>();
    map.put(CN_USCC, UnifiedSocialCreditCode::isValid);
    map.put(CN_RESIDENT_ID, ResidentIdNumber::isValid);
    map.put(CN_MOBILE, MobileNumber::isValid);
    map.put(GB28181_ID, Gb28181Id::isValid);
    map.put(CN_SUBDISTRICT_CODE, SubdistrictCode.futian()::isValid);
    map.put(SHA256_HEX, Sha256Hex::isValid);
    return Collections.unmodifiableMap(map);
  }
}
