package ssmlab.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import ssmlab.train.RunFolder;

/**
 * What {@code --checkpoint} (and {@code eval --run}) accept, the same in every command: a run
 * folder, or the {@code model.safetensors} in one (its {@code config.json} beside it).
 */
final class CheckpointPath {
  private CheckpointPath() {}

  /** The folder holding the checkpoint: {@code path} itself, or the folder of a file. */
  static Path folder(Path path) {
    if (Files.isRegularFile(path)) {
      Path parent = path.toAbsolutePath().getParent();
      return parent == null ? path : parent;
    }
    return path;
  }

  /** The weights file: {@code path} itself, or {@value RunFolder#CHECKPOINT} in the folder. */
  static Path weights(Path path) {
    return Files.isDirectory(path) ? path.resolve(RunFolder.CHECKPOINT) : path;
  }

  /** The config: {@code given} when set, else {@value RunFolder#CONFIG} beside the weights. */
  static Path config(Path path, Path given) {
    return given != null ? given : folder(path).resolve(RunFolder.CONFIG);
  }
}
