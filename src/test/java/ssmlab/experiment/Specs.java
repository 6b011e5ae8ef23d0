package ssmlab.experiment;

/** Small sweep specs for tests. */
final class Specs {
  private Specs() {}

  /** 2 tasks x 3 models x 2 layers x 2 seeds = 24 runs. */
  static final String GRID = """
      name: test-grid
      tasks:
        - parity
        - name: word-s3
          options: {group: S3}
          train_lengths: ["8"]
          test_lengths: [8, 16, 32]
      models:
        - {name: "mamba[0,1]", model: mamba, options: {eigenvalues: [0, 1], d_state: 4}}
        - {name: "mamba[-1,1]", model: mamba, options: {eigenvalues: [-1, 1], d_state: 4}}
        - transformer
      layers: [1, 2]
      widths: [8]
      train_lengths: ["3-10"]
      test_lengths: [10, 20, 40]
      seeds: [1, 2]
      train: {steps: 50, batch: 4, lr: 0.001, options: {warmup: 5}}
      """;

  static SweepSpec grid() {
    return SweepSpecs.parseYaml(GRID);
  }
}
