package org.capillary.gateway.media;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import org.capillary.gateway.config.GatewayProperties;
import org.capillary.gateway.store.AuthorizationStore;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Wiring of media, the same in every profile: the folder store under
 * {@code capillary.gateway.media.storage-root} (default {@code <data-dir>/media}: {@code objects/}
 * content-addressed, {@code uploads/} part files, {@code spool/} chunks in flight), the upload
 * table of the gateway's database, the filters and the routes.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MediaProperties.class)
public class MediaConfiguration {

  /** The qualifier of the media scheduler. */
  public static final String SCHEDULER = "mediaScheduler";

  /**
   * Blocking media work (file copies, digests, the upload table): bounded, so a burst of large
   * chunks queues here rather than taking every database connection.
   */
  @Bean(name = SCHEDULER, destroyMethod = "dispose")
  public Scheduler mediaScheduler() {
    return Schedulers.newBoundedElastic(4, 10_000, "capillary-media");
  }

  /** The content-addressed store (a folder by default). */
  @Bean
  public MediaStore mediaStore(MediaProperties properties, GatewayProperties gateway) throws IOException {
    return new FolderMediaStore(root(properties, gateway).resolve("objects"));
  }

  @Bean
  public UploadRepository uploadRepository(DataSource dataSource) {
    return new UploadRepository(dataSource);
  }

  @Bean
  DigestStates digestStates() {
    return new DigestStates();
  }

  /** createUpload's effect in the ledger transaction. */
  @Bean
  public UploadCreationEffect uploadCreationEffect(UploadRepository uploads, MediaProperties properties) {
    return new UploadCreationEffect(uploads, properties);
  }

  @Bean
  public UploadService uploadService(UploadRepository uploads, PlatformTransactionManager transactionManager,
      DigestStates digests, MediaStore store, MediaProperties properties, GatewayProperties gateway, Clock clock,
      @Qualifier(SCHEDULER) Scheduler scheduler) throws IOException {
    return new UploadService(uploads, transactionManager, digests, store, root(properties, gateway).resolve("uploads"),
        clock, scheduler);
  }

  @Bean
  public ChunkSpoolFilter chunkSpoolFilter(MediaProperties properties, GatewayProperties gateway) {
    return new ChunkSpoolFilter(root(properties, gateway).resolve("spool"), properties.maxChunkSize().toBytes());
  }

  @Bean
  public UploadCreatedHeaders uploadCreatedHeaders(UploadRepository uploads, @Qualifier(SCHEDULER) Scheduler scheduler) {
    return new UploadCreatedHeaders(uploads, scheduler);
  }

  @Bean
  public MediaRefFilter mediaRefFilter(UploadRepository uploads, @Qualifier(SCHEDULER) Scheduler scheduler) {
    return new MediaRefFilter(uploads, scheduler);
  }

  @Bean
  public UploadJanitor uploadJanitor(UploadRepository uploads, UploadService service, DigestStates digests,
      MediaProperties properties, GatewayProperties gateway, Clock clock, @Qualifier(SCHEDULER) Scheduler scheduler) {
    return new UploadJanitor(uploads, service, digests, root(properties, gateway).resolve("spool"), properties, clock,
        scheduler, Schedulers.parallel());
  }

  /** The tus and media routes. */
  @Bean
  public RouterFunction<ServerResponse> mediaRouterFunction(UploadService service, UploadRepository uploads,
      MediaStore store, AuthorizationStore authorization, MediaProperties properties,
      @Qualifier(SCHEDULER) Scheduler scheduler) {
    MediaHandler handler = new MediaHandler(service, uploads, store, new MediaReadAccess(authorization), properties,
        scheduler);
    return RouterFunctions.route()
        .route(RequestPredicates.method(HttpMethod.OPTIONS).and(RequestPredicates.path("/v1/uploads")), handler::capabilities)
        .route(RequestPredicates.method(HttpMethod.PATCH).and(RequestPredicates.path("/v1/uploads/{uploadId}")), handler::append)
        .route(RequestPredicates.method(HttpMethod.HEAD).and(RequestPredicates.path("/v1/uploads/{uploadId}")), handler::offset)
        .route(RequestPredicates.method(HttpMethod.DELETE).and(RequestPredicates.path("/v1/uploads/{uploadId}")), handler::terminate)
        .route(RequestPredicates.GET("/v1/media/{mediaId}"), handler::metadata)
        .route(RequestPredicates.GET("/v1/media/{mediaId}/content"), handler::content)
        .build();
  }

  private static Path root(MediaProperties properties, GatewayProperties gateway) {
    return properties.root(gateway.dataDir());
  }
}
