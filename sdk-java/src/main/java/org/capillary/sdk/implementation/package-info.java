/**
 * Internals of the SDK: not API, may change in any release. The generated invoker lives in
 * {@code .implementation.generated} (built from the contract, never committed).
 */
@NullMarked
package org.capillary.sdk.implementation;

import org.jspecify.annotations.NullMarked;
