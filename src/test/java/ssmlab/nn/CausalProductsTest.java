package ssmlab.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ssmlab.tensor.Gemm;

final class CausalProductsTest {

  @ParameterizedTest(name = "len={0}")
  @ValueSource(ints = {1, 5, 47, 48, 49, 64, 100, 256, 257, 300, 530})
  void blockedCausalProducts_haveTheBitsOfTheFullProducts(int len) {
    var rng = new SplittableRandom(len);
    int hd = 8;
    int ld = 3 * hd + 1;
    float[] qkv = random(len * ld, rng);
    float[] p = random(len * len, rng);
    for (int i = 0; i < len; i++) {
      java.util.Arrays.fill(p, i * len + i + 1, (i + 1) * len, 0f);
    }

    float[] full = new float[len * len];
    float[] blocked = new float[len * len];
    Gemm.gemm(false, true, len, len, hd, qkv, 0, ld, qkv, hd, ld, full, 0, len, false);
    CausalProducts.scores(len, hd, qkv, 0, ld, qkv, hd, ld, blocked, 0);
    for (int i = 0; i < len; i++) {
      for (int j = 0; j <= i; j++) {
        assertThat(blocked[i * len + j]).as("len=%d scores (%d, %d)", len, i, j)
            .isEqualTo(full[i * len + j]);
      }
    }

    float[] mixFull = new float[len * hd];
    float[] mixBlocked = new float[len * hd];
    Gemm.gemm(false, false, len, hd, len, p, 0, len, qkv, 2 * hd, ld, mixFull, 0, hd, false);
    CausalProducts.mix(len, hd, p, 0, qkv, 2 * hd, ld, mixBlocked, 0, hd);
    assertThat(mixBlocked).as("len=%d mix", len).isEqualTo(mixFull);

    Gemm.gemm(true, false, len, hd, len, p, 0, len, qkv, 2 * hd, ld, mixFull, 0, hd, false);
    CausalProducts.mixTransposed(len, hd, p, 0, qkv, 2 * hd, ld, mixBlocked, 0, hd);
    assertThat(mixBlocked).as("len=%d mixTransposed", len).isEqualTo(mixFull);
  }

  private static float[] random(int n, SplittableRandom rng) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) (rng.nextDouble() * 2 - 1);
    }
    return x;
  }
}
