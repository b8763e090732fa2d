package org.capillary.conformance.cli;

/** A command line that names something that does not exist or lacks something required: exit code 2. */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
