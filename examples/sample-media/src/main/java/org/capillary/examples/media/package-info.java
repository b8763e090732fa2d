/**
 * Small, valid sample files for the examples — a JPEG photo, a PDF document, an MP4 clip — made in
 * memory at run time, so the examples ship no binaries and upload real, well-formed media.
 */
@NullMarked
package org.capillary.examples.media;

import org.jspecify.annotations.NullMarked;
