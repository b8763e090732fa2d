package org.capillary.gateway.media;

import org.capillary.gateway.connector.Connector;
import org.capillary.gateway.error.ProblemException;
import org.capillary.gateway.store.AuthorizationStore;
import org.capillary.gateway.store.ProjectCoverage;
import reactor.core.publisher.Mono;

/**
 * Who may read a media item (getMedia, getMediaContent): the connector that uploaded it; the
 * operator; the insurer whose policy covers the item's project; a sub-district office whose area
 * holds the item's project. Anyone else is told NOT_FOUND, exactly as for an id that does not
 * exist, so ids of other tenants' media cannot be probed.
 */
final class MediaReadAccess {

  private final AuthorizationStore store;

  MediaReadAccess(AuthorizationStore store) {
    this.store = store;
  }

  /**
   * @param upload the item
   * @param reader the authenticated connector
   * @return the item, or NOT_FOUND
   */
  Mono<Upload> check(Upload upload, Connector reader) {
    if (upload.connectorId().equals(reader.connectorId())) {
      return Mono.just(upload);
    }
    String projectId = upload.projectId();
    return switch (reader.role()) {
      case OPERATOR -> Mono.just(upload);
      case INSURER -> projectId == null ? notFound() : store.coverage(projectId).flatMap(c -> c
          .map(ProjectCoverage::insurerConnectorId).filter(reader.connectorId()::equals).isPresent()
          ? Mono.just(upload) : notFound());
      case SUBDISTRICT_OFFICE -> projectId == null ? notFound() : store.coverage(projectId).flatMap(c -> c
          .map(ProjectCoverage::subdistrictCode).filter(reader.subdistrictCodes()::contains).isPresent()
          ? Mono.just(upload) : notFound());
      case DEVICE_VENDOR -> notFound();
    };
  }

  private static Mono<Upload> notFound() {
    return Mono.error(new ProblemException("NOT_FOUND", "no media item visible to this connector has this id"));
  }
}
