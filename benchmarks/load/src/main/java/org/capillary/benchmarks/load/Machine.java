package org.capillary.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** What the report says about where it ran: CPU, memory, OS, JVM, load, library versions. */
final class Machine {

  private static final Pattern LIB = Pattern.compile("BOOT-INF/lib/(.+?)-(\\d[^/]*)\\.jar");

  private Machine() {}

  /** CPU model, cores, memory, OS, JVM. */
  static Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cpuModel", firstMatch(Path.of("/proc/cpuinfo"), "model name\\s*:\\s*(.+)"));
    m.put("cores", Runtime.getRuntime().availableProcessors() + " available to the runner; "
        + countMatches(Path.of("/proc/cpuinfo"), "^processor\\s*:") + " online");
    m.put("memTotal", firstMatch(Path.of("/proc/meminfo"), "MemTotal:\\s*(.+)"));
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    m.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
        + System.getProperty("java.vm.vendor") + ")");
    m.put("serverJvmOptions", String.join(" ", ServerProcess.JVM_OPTIONS)
        + " (GC chosen by the JVM: Serial on one pinned core)");
    return m;
  }

  /** The 1-, 5- and 15-minute load averages now. */
  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  /**
   * Versions of the libraries inside a Spring Boot jar whose names contain one of {@code names}.
   *
   * @param bootJar the jar
   * @param names library name fragments
   * @return name to version
   */
  static Map<String, String> libraries(Path bootJar, String... names) {
    Map<String, String> found = new TreeMap<>();
    try (ZipFile zip = new ZipFile(bootJar.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        Matcher m = LIB.matcher(entries.nextElement().getName());
        if (m.matches()) {
          for (String name : names) {
            if (m.group(1).equals(name)) {
              found.put(m.group(1), m.group(2));
            }
          }
        }
      }
    } catch (IOException e) {
      found.put("error", e.toString());
    }
    return found;
  }

  private static String firstMatch(Path file, String regex) {
    try {
      Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(Files.readString(file));
      return m.find() ? m.group(1).trim() : "unknown";
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static long countMatches(Path file, String regex) {
    try {
      return Pattern.compile(regex, Pattern.MULTILINE).matcher(Files.readString(file)).results().count();
    } catch (IOException e) {
      return -1;
    }
  }
}
