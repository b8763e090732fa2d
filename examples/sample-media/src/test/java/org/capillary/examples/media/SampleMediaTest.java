package org.capillary.examples.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.capillary.sdk.models.UploadCreation;
import org.junit.jupiter.api.Test;

class SampleMediaTest {

  @Test
  void photoIsAJpegThatDecodesAndIsDeterministic() throws IOException {
    SampleFile photo = SampleMedia.photo("a.jpg", "seed-1");
    BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(photo.content()));
    assertThat(decoded.getWidth()).isEqualTo(160);
    assertThat(decoded.getHeight()).isEqualTo(120);
    assertThat(photo.kind()).isEqualTo(UploadCreation.KindEnum.PHOTO);
    assertThat(photo.contentType()).isEqualTo("image/jpeg");
    assertThat(photo.sha256()).isEqualTo(SampleMedia.photo("a.jpg", "seed-1").sha256()).matches("[0-9a-f]{64}");
    assertThat(SampleMedia.photo("a.jpg", "seed-2").sha256()).isNotEqualTo(photo.sha256());
  }

  @Test
  void pdfCrossReferenceTablePointsAtEveryObject() {
    SampleFile pdf = SampleMedia.pdf("r.pdf", "Risk assessment (FT-1)", List.of("line one", "line \\ two"));
    String text = new String(pdf.content(), StandardCharsets.US_ASCII);
    assertThat(text).startsWith("%PDF-1.4\n").endsWith("%%EOF\n");
    int startxref = Integer.parseInt(text.substring(text.indexOf("startxref\n") + 10, text.indexOf("\n%%EOF")));
    assertThat(text.substring(startxref)).startsWith("xref\n0 6\n");
    Matcher entry = Pattern.compile("(\\d{10}) 00000 n ").matcher(text.substring(startxref));
    List<Integer> offsets = new ArrayList<>();
    while (entry.find()) {
      offsets.add(Integer.parseInt(entry.group(1)));
    }
    assertThat(offsets).hasSize(5);
    for (int i = 0; i < offsets.size(); i++) {
      assertThat(text.substring(offsets.get(i))).startsWith((i + 1) + " 0 obj\n");
    }
    assertThat(text).contains("(Risk assessment \\(FT-1\\)) Tj", "(line \\\\ two) Tj");
  }

  @Test
  void pdfRefusesTextItsStandardFontCannotShow() {
    assertThatThrownBy(() -> SampleMedia.pdf("r.pdf", "风险评估", List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void videoIsAnIsoMediaFileWithItsDurationInTheMovieHeader() {
    SampleFile clip = SampleMedia.video("c.mp4", 20, 1000);
    ByteBuffer file = ByteBuffer.wrap(clip.content());
    List<String> boxes = new ArrayList<>();
    int mvhdDuration = -1;
    while (file.hasRemaining()) {
      int start = file.position();
      int size = file.getInt();
      byte[] type = new byte[4];
      file.get(type);
      boxes.add(new String(type, StandardCharsets.US_ASCII));
      if (boxes.get(boxes.size() - 1).equals("moov")) {
        file.getInt();
        file.get(type);
        assertThat(new String(type, StandardCharsets.US_ASCII)).isEqualTo("mvhd");
        file.position(file.position() + 12);
        assertThat(file.getInt()).isEqualTo(1000);
        mvhdDuration = file.getInt();
      }
      file.position(start + size);
    }
    assertThat(boxes).containsExactly("ftyp", "moov", "mdat");
    assertThat(mvhdDuration).isEqualTo(20_000);
    assertThat(clip.kind()).isEqualTo(UploadCreation.KindEnum.VIDEO);
    assertThat(clip.length()).isEqualTo(24 + 8 + 108 + 8 + 1000);   // ftyp, moov header, mvhd, mdat header, payload
  }
}
