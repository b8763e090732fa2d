/**
 * The command line ({@code java -jar capillary-conformance.jar}): {@code list-plans}, {@code run},
 * {@code verify-report}, {@code coverage}. Headless; exit code 0 only when everything required
 * passed, 1 on failures, 2 on usage errors.
 */
@NullMarked
package org.capillary.conformance.cli;

import org.jspecify.annotations.NullMarked;
