package ssmlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

final class ShardTest {

  static LongStream seeds() {
    return LongStream.range(0, 20);
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void select_shards_partitionTheRunsEvenly(long seed) {
    var random = new SplittableRandom(seed);
    List<Run> runs = Specs.grid().expand().subList(0, random.nextInt(25));
    int n = 1 + random.nextInt(7);
    List<Run> union = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      List<Run> slice = new Shard(k, n).select(runs);
      assertThat(slice.size()).as("seed=%d shard %d/%d", seed, k, n)
          .isBetween(runs.size() / n, runs.size() / n + 1);
      union.addAll(slice);
    }
    Set<Run> distinct = new HashSet<>(union);
    assertThat(distinct).as("seed=%d", seed).hasSize(union.size());
    assertThat(distinct).as("seed=%d", seed).isEqualTo(new HashSet<>(runs));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2/2", "-1/3", "1/0", "1", "a/b", "1/2/3"})
  void parse_bad_isRefused(String s) {
    assertThatThrownBy(() -> Shard.parse(s)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("shard");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0/1", "3/16", " 1 / 2 "})
  void parse_good_roundTrips(String s) {
    assertThat(Shard.parse(s).toString()).isEqualTo(s.replace(" ", ""));
  }
}
