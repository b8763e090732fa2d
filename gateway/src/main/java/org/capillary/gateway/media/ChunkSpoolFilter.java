package org.capillary.gateway.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.capillary.gateway.error.ProblemException;
import org.capillary.gateway.filter.FilterOrder;
import org.capillary.gateway.filter.RequestContext;
import org.capillary.gateway.jws.StreamedBody;
import org.capillary.spec.contract.Operation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The guard of streamed bodies (tus PATCH chunks, {@code application/offset+octet-stream}), right
 * after the JSON guard: checks the content type and the chunk size limit, then streams the body
 * from the request's buffers to a spool file with an {@link AsynchronousFileChannel} (never
 * blocking the event loop, never holding more than the buffers in flight), updating its SHA-256 as
 * the bytes pass. The spooled body is put on the exchange as a {@link StreamedBody}, so the
 * signature filter verifies it by streaming and the handler appends it to the upload; the
 * Content-Digest of the context is its digest. The spool file is deleted when the exchange ends,
 * whatever the outcome. Memory stays flat whatever the chunk size.
 */
public final class ChunkSpoolFilter implements WebFilter, Ordered {

  /** Right after the JSON guard, before the signature. */
  public static final int ORDER = FilterOrder.GUARD + 10;

  private static final Logger LOG = LoggerFactory.getLogger(ChunkSpoolFilter.class);

  private final Path spoolDir;
  private final long maxChunk;

  /**
   * @param spoolDir the folder of spool files (created if absent)
   * @param maxChunk the largest chunk accepted in one PATCH
   */
  public ChunkSpoolFilter(Path spoolDir, long maxChunk) {
    this.spoolDir = spoolDir;
    this.maxChunk = maxChunk;
    try {
      Files.createDirectories(spoolDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  /** Whether an operation's body is streamed rather than buffered. */
  static boolean streams(Operation op) {
    return !op.hasJsonBody() && op.requestContentTypes().contains(Tus.CHUNK_CONTENT_TYPE);
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    RequestContext ctx = RequestContext.find(exchange);
    if (ctx == null || ctx.operation() == null || !streams(ctx.requireOperation().operation())) {
      return chain.filter(exchange);
    }
    return Mono.defer(() -> {
      ServerHttpRequest request = exchange.getRequest();
      MediaType type = request.getHeaders().getContentType();
      if (type == null || !"application".equalsIgnoreCase(type.getType())
          || !"offset+octet-stream".equalsIgnoreCase(type.getSubtype())) {
        return Mono.error(new ProblemException("UNSUPPORTED_MEDIA_TYPE", "a chunk is sent as " + Tus.CHUNK_CONTENT_TYPE));
      }
      if (request.getHeaders().getContentLength() > maxChunk) {
        return Mono.error(tooLarge());
      }
      Path file = spoolDir.resolve(UUID.randomUUID() + ".chunk");
      return spool(request.getBody(), file)
          .flatMap(chunk -> {
            ctx.contentDigest(chunk.contentDigest());
            exchange.getAttributes().put(StreamedBody.ATTRIBUTE, chunk);
            return chain.filter(exchange);
          })
          .doFinally(signal -> delete(file));
    });
  }

  private Mono<SpooledChunk> spool(Flux<DataBuffer> body, Path file) {
    MessageDigest digest = sha256();
    AtomicLong length = new AtomicLong();
    return Mono.using(
        () -> AsynchronousFileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
        channel -> {
          Flux<DataBuffer> digested = body.<DataBuffer>handle((buffer, sink) -> {
            if (length.addAndGet(buffer.readableByteCount()) > maxChunk) {
              DataBufferUtils.release(buffer);
              sink.error(tooLarge());
              return;
            }
            try (DataBuffer.ByteBufferIterator it = buffer.readableByteBuffers()) {
              while (it.hasNext()) {
                ByteBuffer b = it.next();
                digest.update(b);
              }
            }
            sink.next(buffer);
          });
          return DataBufferUtils.write(digested, channel)
              .doOnNext(DataBufferUtils::release)
              .then(Mono.fromSupplier(() -> new SpooledChunk(file, length.get(), digest.digest())));
        },
        channel -> {
          try {
            channel.close();
          } catch (IOException e) {
            LOG.warn("cannot close spool file {}: {}", file, e.toString());
          }
        });
  }

  private static ProblemException tooLarge() {
    return new ProblemException("PAYLOAD_TOO_LARGE", "a chunk may have at most the configured chunk size; send smaller PATCHes");
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warn("cannot delete spool file {} (the janitor will): {}", file, e.toString());
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
