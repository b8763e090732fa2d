package org.capillary.gateway.media;

import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.capillary.gateway.connector.Connector;
import org.capillary.gateway.error.ProblemException;
import org.capillary.gateway.error.ProblemExceptionHandler;
import org.capillary.gateway.filter.RequestContext;
import org.capillary.gateway.jws.StreamedBody;
import org.capillary.gateway.jws.VerifiedSignature;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tus and media endpoints: getUploadCapabilities (OPTIONS), appendUploadChunk (PATCH),
 * getUploadOffset (HEAD), cancelUpload (DELETE), getMedia and getMediaContent (GET, with single
 * byte ranges). Requests reach it only through the whole pipeline (signature, replay, roles,
 * rate limits); object-level access is checked here.
 */
public final class MediaHandler {

  private static final int READ_BUFFER = 64 * 1024;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final UploadService uploads;
  private final UploadRepository repository;
  private final MediaStore store;
  private final MediaReadAccess access;
  private final MediaProperties properties;
  private final Scheduler scheduler;

  MediaHandler(UploadService uploads, UploadRepository repository, MediaStore store, MediaReadAccess access,
      MediaProperties properties, Scheduler scheduler) {
    this.uploads = uploads;
    this.repository = repository;
    this.store = store;
    this.access = access;
    this.properties = properties;
    this.scheduler = scheduler;
  }

  /** OPTIONS /v1/uploads: tus discovery. */
  Mono<ServerResponse> capabilities(ServerRequest request) {
    return ServerResponse.noContent()
        .header(Tus.RESUMABLE, Tus.VERSION)
        .header("Tus-Version", Tus.VERSION)
        .header("Tus-Extension", Tus.EXTENSIONS)
        .header("Tus-Max-Size", Long.toString(properties.maxOfAllKinds()))
        .header("Tus-Checksum-Algorithm", "sha256")
        .build();
  }

  /** PATCH /v1/uploads/{uploadId}. */
  Mono<ServerResponse> append(ServerRequest request) {
    return Mono.defer(() -> {
      RequestContext ctx = RequestContext.of(request.exchange());
      VerifiedSignature signature = ctx.requireSignature();
      HttpHeaders headers = request.headers().asHttpHeaders();
      Tus.requireResumable(headers);
      long offset = Tus.offset(headers);
      byte[] checksum = Tus.checksum(headers);
      Object body = request.exchange().getAttribute(StreamedBody.ATTRIBUTE);
      if (!(body instanceof SpooledChunk chunk)) {
        return Mono.error(new IllegalStateException("the chunk was not spooled"));
      }
      String key = signature.idempotencyKey() == null ? "" : signature.idempotencyKey();
      return uploads.append(request.pathVariable("uploadId"), signature.connector().connectorId(), offset, checksum,
              chunk, key)
          .flatMap(u -> {
            ServerResponse.HeadersBuilder<?> response = ServerResponse.noContent()
                .header(Tus.RESUMABLE, Tus.VERSION)
                .header(Tus.UPLOAD_OFFSET, Long.toString(u.offset()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
            if (Upload.UPLOADING.equals(u.status())) {
              response.header(Tus.UPLOAD_EXPIRES, Tus.httpDate(u.expiresAt()));
            }
            return response.build();
          });
    });
  }

  /** HEAD /v1/uploads/{uploadId}. */
  Mono<ServerResponse> offset(ServerRequest request) {
    return Mono.defer(() -> {
      Tus.requireResumable(request.headers().asHttpHeaders());
      return uploads.state(request.pathVariable("uploadId"), connector(request).connectorId())
          .flatMap(u -> {
            ServerResponse.BodyBuilder response = ServerResponse.ok()
                .header(Tus.RESUMABLE, Tus.VERSION)
                .header(Tus.UPLOAD_OFFSET, Long.toString(u.offset()))
                .header(Tus.UPLOAD_LENGTH, Long.toString(u.length()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
            if (Upload.UPLOADING.equals(u.status())) {
              response.header(Tus.UPLOAD_EXPIRES, Tus.httpDate(u.expiresAt()));
            }
            return response.build();
          });
    });
  }

  /** DELETE /v1/uploads/{uploadId}. */
  Mono<ServerResponse> terminate(ServerRequest request) {
    return Mono.defer(() -> {
      Tus.requireResumable(request.headers().asHttpHeaders());
      return uploads.terminate(request.pathVariable("uploadId"), connector(request).connectorId())
          .then(ServerResponse.noContent().header(Tus.RESUMABLE, Tus.VERSION).build());
    });
  }

  /** GET /v1/media/{mediaId}: the MediaItem. */
  Mono<ServerResponse> metadata(ServerRequest request) {
    return visible(request).flatMap(u -> ServerResponse.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .bodyValue(JSON.writeValueAsBytes(item(u))));
  }

  /** GET /v1/media/{mediaId}/content, whole or one byte range, streamed from the store. */
  Mono<ServerResponse> content(ServerRequest request) {
    return visible(request).flatMap(u -> {
      if (!u.complete()) {
        return Mono.error(new ProblemException("NOT_FOUND", "the media item is not complete; it has no content yet"));
      }
      String etag = "\"" + u.sha256() + "\"";
      ByteRange.Parsed parsed = ByteRange.parse(request.headers().firstHeader(HttpHeaders.RANGE), u.length());
      String ifRange = request.headers().firstHeader(HttpHeaders.IF_RANGE);
      if (ifRange != null && !ifRange.trim().equals(etag)) {
        parsed = new ByteRange.Whole(); // RFC 9110 §13.1.5: a stale validator gets the whole content
      }
      if (parsed instanceof ByteRange.Unsatisfiable) {
        return unsatisfiable(request, u.length());
      }
      ServerResponse.BodyBuilder response;
      long start;
      long count;
      if (parsed instanceof ByteRange.Partial p) {
        start = p.range().start();
        count = p.range().length();
        response = ServerResponse.status(HttpStatus.PARTIAL_CONTENT)
            .header(HttpHeaders.CONTENT_RANGE, p.range().contentRange(u.length()));
      } else {
        start = 0;
        count = u.length();
        response = ServerResponse.ok();
      }
      return response
          .contentType(MediaType.APPLICATION_OCTET_STREAM)
          .contentLength(count)
          .eTag(etag)
          .header(HttpHeaders.ACCEPT_RANGES, "bytes")
          .header(HttpHeaders.CACHE_CONTROL, "private, max-age=31536000, immutable")
          .body(BodyInserters.fromDataBuffers(read(u.sha256(), start, count)));
    });
  }

  private Flux<DataBuffer> read(String sha256, long start, long count) {
    Flux<DataBuffer> all = DataBufferUtils.readByteChannel(() -> {
      SeekableByteChannel channel = store.open(sha256);
      channel.position(start);
      return channel;
    }, DefaultDataBufferFactory.sharedInstance, READ_BUFFER);
    return DataBufferUtils.takeUntilByteCount(all, count).subscribeOn(scheduler);
  }

  /** 416, with the Content-Range the client needs to ask again (RFC 9110 §15.5.17). */
  private static Mono<ServerResponse> unsatisfiable(ServerRequest request, long total) {
    return Mono.error(new ProblemException("RANGE_NOT_SATISFIABLE", "the content has " + total + " bytes",
        java.util.List.of(), Map.of(), Map.of(HttpHeaders.CONTENT_RANGE, "bytes */" + total)));
  }

  private Mono<Upload> visible(ServerRequest request) {
    Connector reader = connector(request);
    String mediaId = request.pathVariable("mediaId");
    return MediaCalls.call(scheduler, () -> repository.find(mediaId))
        .flatMap(found -> found.isEmpty()
            ? Mono.error(new ProblemException("NOT_FOUND", "no media item visible to this connector has this id"))
            : access.check(found.get(), reader));
  }

  private static Connector connector(ServerRequest request) {
    return RequestContext.of(request.exchange()).requireConnector();
  }

  /** The MediaItem of an upload (spec/schemas/MediaItem.json). */
  static ObjectNode item(Upload u) {
    ObjectNode n = JSON.createObjectNode();
    n.put("mediaId", u.uploadId());
    n.put("kind", u.kind());
    n.put("contentType", u.contentType());
    n.put("length", u.length());
    n.put("offset", u.offset());
    n.put("sha256", u.sha256());
    n.put("status", u.status());
    n.put("createdAt", u.createdAt().toString());
    if (u.completedAt() != null) {
      n.put("completedAt", u.completedAt().toString());
    }
    if (Upload.UPLOADING.equals(u.status())) {
      n.put("expiresAt", u.expiresAt().toString());
    }
    n.put("connectorId", u.connectorId());
    if (u.projectId() != null) {
      n.put("projectId", u.projectId());
    }
    if (u.fileName() != null) {
      n.put("fileName", u.fileName());
    }
    if (u.capturedAt() != null) {
      n.put("capturedAt", u.capturedAt());
    }
    return n;
  }
}
