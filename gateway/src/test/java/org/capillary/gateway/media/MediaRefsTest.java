package org.capillary.gateway.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.capillary.spec.validation.Violation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MediaRefsTest {

  private static final String A = "a".repeat(64);
  private static final String B = "b".repeat(64);

  @Test
  void findsEveryMediaRefAnywhereWithItsPointer() {
    JsonNode body = JsonMapper.shared().readTree("""
        {"report": {"mediaId": "m1", "sha256": "%s"},
         "results": [{"photos": [{"mediaId": "m2", "sha256": "%s"}], "a/b~c": {"mediaId": "m3", "sha256": "%s"}}],
         "notARef": {"mediaId": "m4", "sha256": "%s", "extra": 1},
         "badDigest": {"mediaId": "m5", "sha256": "ABC"}}
        """.formatted(A, B, A, A));
    assertThat(MediaRefs.find(body)).containsExactly(
        new MediaRefs.Ref("/report", "m1", A),
        new MediaRefs.Ref("/results/0/photos/0", "m2", B),
        new MediaRefs.Ref("/results/0/a~1b~0c", "m3", A));
  }

  @Test
  void eachCitationMustBeACompleteItemOfTheConnectorWithItsDigest() {
    List<MediaRefs.Ref> refs = List.of(
        new MediaRefs.Ref("/ok", "ok", A),
        new MediaRefs.Ref("/missing", "missing", A),
        new MediaRefs.Ref("/partial", "partial", A),
        new MediaRefs.Ref("/digest", "ok", B),
        new MediaRefs.Ref("/foreign", "foreign", A));
    Map<String, Upload> uploads = Map.of(
        "ok", upload("ok", "me", Upload.COMPLETE),
        "partial", upload("partial", "me", Upload.UPLOADING),
        "foreign", upload("foreign", "someone-else", Upload.COMPLETE));
    assertThat(MediaRefFilter.check(refs, uploads, "me")).extracting(Violation::pointer)
        .containsExactly("/missing", "/partial", "/digest", "/foreign");
  }

  private static Upload upload(String id, String connector, String status) {
    return new Upload(id, connector, "PHOTO", "image/jpeg", 10, A, null, null, null, status,
        Upload.COMPLETE.equals(status) ? 10 : 3, null, null, null, Instant.EPOCH, Instant.EPOCH.plusSeconds(60), null);
  }
}
