package org.capillary.gateway.projection;

import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The operator's rebuild command: projections are derived data, so they can always be thrown away
 * and replayed from the ledger (identical result, see ProjectionWorkerContract). Started as
 *
 * <pre>java -jar capillary-gateway.jar --capillary.gateway.projection.rebuild-and-exit=true</pre>
 *
 * with the same database settings as the gateway; it waits for any replica that is projecting,
 * rebuilds in one transaction, logs the number of submissions replayed and exits (0 on success).
 * The rebuild announces nothing again: events already sent stay sent.
 */
public final class ProjectionRebuildCommand implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(ProjectionRebuildCommand.class);

  private final ProjectionRebuilder rebuilder;
  private final ConfigurableApplicationContext context;
  private final IntConsumer exit;

  /**
   * @param rebuilder the rebuilder
   * @param context the application, closed once the rebuild is done
   * @param exit what ends the process with a status code ({@code System::exit} in production)
   */
  public ProjectionRebuildCommand(ProjectionRebuilder rebuilder, ConfigurableApplicationContext context, IntConsumer exit) {
    this.rebuilder = rebuilder;
    this.context = context;
    this.exit = exit;
  }

  @Override
  public void run(ApplicationArguments args) {
    long start = System.nanoTime();
    int replayed = rebuilder.rebuild();
    LOG.info("projections rebuilt from the ledger: {} submissions replayed in {} ms",
        replayed, (System.nanoTime() - start) / 1_000_000);
    exit.accept(SpringApplication.exit(context, () -> 0));
  }
}
