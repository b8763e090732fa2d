/**
 * Chinese identifier formats of the Capillary contract, with their check digits.
 *
 * <p>Each class validates one identifier and nothing else, with the JDK only, so that the SDK,
 * the gateway and the conformance suite share one definition of "valid" (DOMAIN.md §9). Every
 * {@code isValid} method accepts {@code null} and answers {@code false}; no method trims, folds
 * case or otherwise repairs its input unless its name says so ({@link
 * org.capillary.spec.format.MobileNumber#normalize(String)}).
 *
 * <p>{@link org.capillary.spec.format.Formats} maps the contract's {@code format} names
 * ({@code cn-uscc}, {@code cn-resident-id}, …) to these validators, for a JSON Schema validator to
 * register as custom formats.
 */
@NullMarked
package org.capillary.spec.format;

import org.jspecify.annotations.NullMarked;
