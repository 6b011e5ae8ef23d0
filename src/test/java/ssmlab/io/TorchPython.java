package ssmlab.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs {@code src/test/python/torch_file_check.py} with Debian's python3 and PyTorch; a test that
 * calls it is skipped where either is missing.
 */
public final class TorchPython {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Path PYTHON = Path.of("/usr/bin/python3");
  private static final Path SCRIPT = Path.of("src/test/python/torch_file_check.py");

  private TorchPython() {}

  /** The last line the script printed, as JSON. */
  public static JsonNode run(String... args) throws IOException, InterruptedException {
    assumeTrue(Files.isExecutable(PYTHON) && Files.isRegularFile(SCRIPT),
        "/usr/bin/python3 or " + SCRIPT + " missing");
    List<String> cmd = new ArrayList<>(List.of(PYTHON.toString(), SCRIPT.toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
    assumeTrue(!out.contains("No module named 'torch'"), "python3-torch is not installed");
    assertThat(p.exitValue()).as(out).isZero();
    return JSON.readTree(out.strip().lines().reduce((a, b) -> b).orElseThrow());
  }

  /** The SHA-256 of a tensor's float32 little-endian bytes, as the script prints it. */
  public static String sha256(FloatTensor t) {
    byte[] b = new byte[4 * t.data().length];
    java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).asFloatBuffer()
        .put(t.data());
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
