package org.capillary.gateway.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderMediaStoreTest {

  @TempDir
  Path dir;

  @Test
  void storesByDigestOnceAndReadsFromAnyPosition() throws Exception {
    FolderMediaStore store = new FolderMediaStore(dir.resolve("objects"));
    byte[] content = "hello, media".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    String sha = MediaGatewayTestBase.sha256Hex(content);
    Path first = Files.write(dir.resolve("first.part"), content);
    Path second = Files.write(dir.resolve("second.part"), content);

    store.put(sha, first);
    store.put(sha, second);

    assertThat(first).doesNotExist();
    assertThat(second).doesNotExist();
    assertThat(store.contains(sha)).isTrue();
    assertThat(store.pathOf(sha)).isEqualTo(dir.resolve("objects").resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha));
    try (SeekableByteChannel ch = store.open(sha)) {
      ch.position(7);
      ByteBuffer b = ByteBuffer.allocate(5);
      ch.read(b);
      assertThat(new String(b.array(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("media");
    }
    assertThatThrownBy(() -> store.pathOf("../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
  }
}
