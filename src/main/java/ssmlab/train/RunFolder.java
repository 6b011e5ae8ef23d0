package ssmlab.train;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import ssmlab.io.AtomicFile;
import ssmlab.io.FloatTensor;
import ssmlab.io.Provenance;
import ssmlab.io.Safetensors;
import ssmlab.model.CheckpointFormat;
import ssmlab.model.ModelConfig;
import ssmlab.model.Models;
import ssmlab.model.SequenceModel;
import ssmlab.nn.Parameter;
import ssmlab.tasks.Task;
import ssmlab.tasks.TaskRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A trained run on disk, every file written atomically:
 * <ul>
 *   <li>{@code model.safetensors}: the parameters by name (Mamba: mamba_ssm's
 *       {@code MambaLMHeadModel} names, tied {@code lm_head.weight} included);
 *   <li>{@code config.json}: a family's own config where it has a {@link CheckpointFormat}
 *       (Mamba: mamba_ssm's, so PyTorch loads the checkpoint, and {@code ssmlab.json} beside it
 *       for the settings mamba_ssm has no key for), else the {@link ModelConfig};
 *   <li>{@code run.json}: what {@code eval} needs to rebuild it: the task and its options, the
 *       model config, the training settings; and the {@link Provenance} (also in the
 *       checkpoint's metadata under {@value #PROVENANCE_KEY});
 *   <li>{@code metrics.jsonl}: one {@link StepRecord} per line, written as training goes
 *       ({@link MetricsLog}).
 * </ul>
 */
public final class RunFolder {
  public static final String CHECKPOINT = "model.safetensors";
  public static final String CONFIG = "config.json";
  public static final String RUN = "run.json";
  public static final String METRICS = "metrics.jsonl";
  /** The checkpoint metadata key holding the {@link Provenance} as JSON. */
  public static final String PROVENANCE_KEY = "ssmlab_provenance";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** What {@code run.json} holds; {@code train} is null for an imported model. */
  public record RunInfo(String task, Map<String, String> taskOptions, ModelConfig model,
      TrainSettings train) {}

  private RunFolder() {}

  /** Writes the model, its config and {@code run.json} into {@code dir}. */
  public static void save(Path dir, SequenceModel model, RunInfo info) {
    ModelConfig cfg = model.config();
    Provenance provenance = Provenance.current(info.train() == null ? 1
        : info.train().threads());
    Map<String, String> metadata = Map.of("format", "pt",
        PROVENANCE_KEY, JSON.writeValueAsString(provenance));
    CheckpointFormat format = Models.spec(cfg.family()).checkpoint();
    if (format != null) {
      format.save(model, dir.resolve(CHECKPOINT), dir.resolve(CONFIG), metadata);
    } else {
      Map<String, FloatTensor> tensors = new LinkedHashMap<>();
      for (Parameter p : model.parameters()) {
        tensors.put(p.name(), new FloatTensor(p.shape(), p.data().clone()));
      }
      Safetensors.write(dir.resolve(CHECKPOINT), metadata, tensors);
      AtomicFile.write(dir.resolve(CONFIG), JSON.writeValueAsString(modelJson(cfg)) + "\n");
    }
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("task", info.task());
    run.put("task_options", new TreeMap<>(info.taskOptions()));
    run.put("model", modelJson(cfg));
    run.put("train", info.train());
    run.put("provenance", provenance);
    AtomicFile.write(dir.resolve(RUN), JSON.writeValueAsString(run) + "\n");
  }

  /** Writes the metrics, one JSON object per line. */
  public static void saveMetrics(Path dir, List<StepRecord> steps) {
    var sb = new StringBuilder();
    for (StepRecord r : steps) {
      sb.append(JSON.writeValueAsString(r)).append('\n');
    }
    AtomicFile.write(dir.resolve(METRICS), sb.toString());
  }

  /**
   * {@code metrics.jsonl} written as training goes: one line per step, flushed, so a run that
   * stops keeps every step before it.
   */
  public static final class MetricsLog implements AutoCloseable {
    private final BufferedWriter out;

    /** Starts {@code dir/metrics.jsonl}, which must not exist yet. */
    public MetricsLog(Path dir) throws IOException {
      out = Files.newBufferedWriter(dir.resolve(METRICS), StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE);
    }

    /** Appends one step. */
    public void append(StepRecord r) {
      try {
        out.write(JSON.writeValueAsString(r));
        out.write('\n');
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }

  /** A run read back: its description, its task and the trained model. */
  public record Loaded(RunInfo info, Task task, SequenceModel model) {}

  /** Reads a run folder written by {@link #save}. */
  public static Loaded load(Path dir) {
    JsonNode run;
    try {
      run = JSON.readTree(Files.readString(dir.resolve(RUN)));
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("not a run folder (no " + RUN + "): " + dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (tools.jackson.core.JacksonException e) {
      throw new IllegalArgumentException(dir.resolve(RUN) + " is not valid JSON");
    }
    Map<String, String> taskOptions = strings(run.get("task_options"));
    Task task = TaskRegistry.create(run.path("task").asString(), taskOptions);
    ModelConfig cfg = modelConfig(run.get("model"));
    SequenceModel model = Models.create(cfg, 0);
    Map<String, int[]> expected = new LinkedHashMap<>();
    for (Parameter p : model.parameters()) {
      expected.put(p.name(), p.shape());
    }
    CheckpointFormat format = Models.spec(cfg.family()).checkpoint();
    Set<String> optional = format != null ? format.extraTensors() : Set.of();
    Map<String, FloatTensor> tensors = Safetensors.read(dir.resolve(CHECKPOINT), expected,
        optional);
    for (Parameter p : model.parameters()) {
      float[] v = tensors.get(p.name()).data();
      System.arraycopy(v, 0, p.data(), 0, v.length);
    }
    return new Loaded(new RunInfo(task.name(), taskOptions, cfg, null), task, model);
  }

  private static Map<String, Object> modelJson(ModelConfig c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("family", c.family());
    m.put("vocab_size", c.vocabSize());
    m.put("d_model", c.dModel());
    m.put("n_layer", c.nLayers());
    m.put("options", c.options());
    return m;
  }

  private static ModelConfig modelConfig(JsonNode m) {
    if (m == null || !m.isObject()) {
      throw new IllegalArgumentException(RUN + ": the model is missing");
    }
    return new ModelConfig(m.path("family").asString(), m.path("vocab_size").asInt(),
        m.path("d_model").asInt(), m.path("n_layer").asInt(), strings(m.get("options")));
  }

  private static Map<String, String> strings(JsonNode node) {
    Map<String, String> out = new TreeMap<>();
    if (node != null) {
      for (var e : node.properties()) {
        out.put(e.getKey(), e.getValue().asString());
      }
    }
    return out;
  }
}
