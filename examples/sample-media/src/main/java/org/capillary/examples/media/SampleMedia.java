package org.capillary.examples.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import javax.imageio.ImageIO;
import org.capillary.sdk.models.UploadCreation;

/**
 * Makes small, well-formed media files in memory: what a phone, a scanner or a camera would have
 * produced, at a few kilobytes each. The gateway checks sizes, digests and media kinds, not
 * pictures; these files still open in an image viewer, a PDF reader and an MP4 parser, so a
 * reviewer who downloads them from the platform sees real files.
 *
 * <p>Every method is deterministic: the same arguments give the same octets (and so the same
 * SHA-256), which keeps a repeated run of an example idempotent.
 */
public final class SampleMedia {

  private SampleMedia() {
  }

  /**
   * A 160×120 baseline JPEG: a site-like pattern (sky, ground, a scaffold) coloured from the seed.
   *
   * @param fileName the name to declare, e.g. {@code scaffold-level2.jpg}
   * @param seed anything; different seeds give different pictures (and digests)
   * @return the photo ({@code PHOTO}, {@code image/jpeg})
   */
  public static SampleFile photo(String fileName, String seed) {
    Objects.requireNonNull(seed, "seed");
    Random random = new Random(seed.hashCode());
    BufferedImage image = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(new Color(120 + random.nextInt(80), 170 + random.nextInt(60), 230));
      g.fillRect(0, 0, 160, 70);
      g.setColor(new Color(140 + random.nextInt(40), 110 + random.nextInt(40), 70));
      g.fillRect(0, 70, 160, 50);
      g.setColor(new Color(200, 200, 205));
      int left = 20 + random.nextInt(60);
      for (int x = left; x <= left + 60; x += 20) {
        g.fillRect(x, 20, 3, 80);
      }
      for (int y = 30; y <= 90; y += 20) {
        g.fillRect(left, y, 63, 3);
      }
      g.setColor(new Color(250, 200, 0));
      g.fillOval(left + 25 + random.nextInt(20), 52, 10, 10);
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, "jpg", out)) {
        throw new IllegalStateException("this JDK has no JPEG writer");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new SampleFile(fileName, "image/jpeg", UploadCreation.KindEnum.PHOTO, out.toByteArray());
  }

  /**
   * A one-page PDF 1.4 document with a title and lines of text (Helvetica, so ASCII only).
   *
   * @param fileName the name to declare, e.g. {@code risk-assessment.pdf}
   * @param title the first line, in bold size
   * @param lines the following lines
   * @return the document ({@code DOCUMENT}, {@code application/pdf})
   * @throws IllegalArgumentException if a text is not printable ASCII
   */
  public static SampleFile pdf(String fileName, String title, List<String> lines) {
    StringBuilder text = new StringBuilder("BT /F1 16 Tf 56 780 Td (").append(pdfString(title)).append(") Tj ET\n");
    int y = 750;
    for (String line : lines) {
      text.append("BT /F1 11 Tf 56 ").append(y).append(" Td (").append(pdfString(line)).append(") Tj ET\n");
      y -= 16;
    }
    String stream = text.toString();
    List<String> objects = List.of(
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        "<< /Length " + stream.getBytes(StandardCharsets.US_ASCII).length + " >>\nstream\n" + stream + "endstream");
    StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
    List<Integer> offsets = new ArrayList<>();
    for (int i = 0; i < objects.size(); i++) {
      offsets.add(pdf.length());
      pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
    }
    int xref = pdf.length();
    pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
    for (int offset : offsets) {
      pdf.append(String.format("%010d 00000 n \n", offset));
    }
    pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
        .append(xref).append("\n%%EOF\n");
    return new SampleFile(fileName, "application/pdf", UploadCreation.KindEnum.DOCUMENT,
        pdf.toString().getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * An MP4 (ISO base media file) of the given duration: {@code ftyp}, a {@code moov} with its movie
   * header ({@code mvhd}: time scale, duration) and an {@code mdat} of filler octets. It parses as
   * MP4 and reports its duration; it has no decodable track, which is all a sample needs.
   *
   * @param fileName the name to declare, e.g. {@code drill.mp4}
   * @param seconds the duration written in the movie header, 1 or more
   * @param payloadOctets the size of the media data box's payload, e.g. 4096
   * @return the clip ({@code VIDEO}, {@code video/mp4})
   * @throws IllegalArgumentException if {@code seconds} or {@code payloadOctets} is below 1
   */
  public static SampleFile video(String fileName, int seconds, int payloadOctets) {
    if (seconds < 1 || payloadOctets < 1) {
      throw new IllegalArgumentException("seconds and payloadOctets must be at least 1");
    }
    ByteBuffer ftyp = box("ftyp", 16);
    ftyp.put(ascii("isom")).putInt(0x200).put(ascii("isom")).put(ascii("mp41"));
    ByteBuffer mvhd = box("mvhd", 100);
    mvhd.putInt(0)                       // version 0, flags 0
        .putInt(0).putInt(0)             // creation and modification time (unknown)
        .putInt(1000)                    // time scale: milliseconds
        .putInt(seconds * 1000)          // duration
        .putInt(0x00010000)              // rate 1.0
        .putShort((short) 0x0100)        // volume 1.0
        .putShort((short) 0).putLong(0); // reserved
    int[] identity = {0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000};
    for (int m : identity) {
      mvhd.putInt(m);
    }
    for (int i = 0; i < 6; i++) {
      mvhd.putInt(0);                    // pre-defined
    }
    mvhd.putInt(1);                      // next track id
    ByteBuffer moov = box("moov", mvhd.capacity());
    moov.put(mvhd.array());
    ByteBuffer mdat = box("mdat", payloadOctets);
    Random filler = new Random(fileName.hashCode());
    byte[] payload = new byte[payloadOctets];
    filler.nextBytes(payload);
    mdat.put(payload);
    ByteBuffer file = ByteBuffer.allocate(ftyp.capacity() + moov.capacity() + mdat.capacity());
    file.put(ftyp.array()).put(moov.array()).put(mdat.array());
    return new SampleFile(fileName, "video/mp4", UploadCreation.KindEnum.VIDEO, file.array());
  }

  private static ByteBuffer box(String type, int payload) {
    ByteBuffer box = ByteBuffer.allocate(8 + payload);
    box.putInt(8 + payload).put(ascii(type));
    return box;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static String pdfString(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c > 0x7E) {
        throw new IllegalArgumentException("PDF sample text must be printable ASCII: " + s);
      }
    }
    return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)");
  }
}
