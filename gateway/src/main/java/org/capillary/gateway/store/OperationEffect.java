package org.capillary.gateway.store;

/**
 * A {@link SubmissionEffect} that belongs to one operation of the contract. Declare one as a bean
 * and {@link SubmissionEffects} hands it out for that operation.
 */
public interface OperationEffect extends SubmissionEffect {

  /** The operationId of the contract this effect applies to. */
  String operationId();
}
