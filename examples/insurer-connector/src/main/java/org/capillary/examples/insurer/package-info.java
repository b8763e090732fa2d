/**
 * The insurer connector example: the whole accident-prevention service cycle of one works project
 * filed through the SDK — policy, risk assessment with its report, first inspection with photos and
 * a hazard, rectification and its verification, training, emergency plan, drill with video — and
 * the project's obligations read back. {@link org.capillary.examples.insurer.InsurerServiceCycle} is
 * the reusable part; {@link org.capillary.examples.insurer.InsurerConnectorMain} the command line.
 */
@NullMarked
package org.capillary.examples.insurer;

import org.jspecify.annotations.NullMarked;
