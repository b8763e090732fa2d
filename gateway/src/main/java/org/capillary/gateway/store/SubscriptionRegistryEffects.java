package org.capillary.gateway.store;

import org.capillary.gateway.error.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The write-through of subscriptions ({@code subscription_registry}), in the ledger transaction:
 * createSubscription records the subscription (again, if it was deleted); deleteSubscription marks
 * it deleted, and refuses one that does not exist or is already deleted with NOT_FOUND — at once,
 * nothing stored — rather than after the asynchronous projection. A retry of a delete that was
 * stored is answered from the ledger (same Idempotency-Key) before this effect runs.
 */
public final class SubscriptionRegistryEffects {

  private SubscriptionRegistryEffects() {}

  /** createSubscription: the subscription exists (again). */
  public static final class Create implements OperationEffect {

    @Override
    public String operationId() {
      return "createSubscription";
    }

    @Override
    public void apply(JdbcClient tx, EffectContext ctx) {
      String id = EffectContext.requiredString(ctx.json(), "subscriptionId");
      int updated = tx.sql("UPDATE subscription_registry SET created_seq = ?, deleted_seq = NULL WHERE subscription_id = ?")
          .params(ctx.seq(), id).update();
      if (updated == 0) {
        tx.sql("""
                INSERT INTO subscription_registry (subscription_id, created_seq, deleted_seq) VALUES (?, ?, NULL)
                ON CONFLICT DO NOTHING""")
            .params(id, ctx.seq()).update();
      }
    }
  }

  /** deleteSubscription: the subscription must exist and is deleted. */
  public static final class Delete implements OperationEffect {

    /** The path prefix of the subscription id. */
    private static final String PREFIX = "/v1/admin/subscriptions/";

    @Override
    public String operationId() {
      return "deleteSubscription";
    }

    @Override
    public void apply(JdbcClient tx, EffectContext ctx) {
      String id = ctx.pathSegmentAfter(PREFIX);
      int deleted = tx.sql("""
              UPDATE subscription_registry SET deleted_seq = ? WHERE subscription_id = ? AND deleted_seq IS NULL""")
          .params(ctx.seq(), id).update();
      if (deleted == 0) {
        throw new ProblemException("NOT_FOUND", "no subscription " + id);
      }
    }
  }
}
