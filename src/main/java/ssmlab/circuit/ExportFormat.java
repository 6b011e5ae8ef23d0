package ssmlab.circuit;

import java.nio.file.Path;
import java.util.Locale;
import ssmlab.io.AtomicFile;

/**
 * The file formats a circuit can be written in; BLIF and BENCH lower threshold gates first, BLIF
 * also splits gates wider than {@link BlifExport#MAX_INPUTS}.
 */
public enum ExportFormat {
  VERILOG,
  BLIF,
  BENCH,
  DOT,
  JSON;

  public static ExportFormat parse(String name) {
    try {
      return valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown export format '" + name
          + "' (verilog, blif, bench, dot, json)");
    }
  }

  /** Writes {@code c} to {@code file} atomically; {@code name} is the module/model name. */
  public void write(Circuit c, String name, Path file) {
    Circuit lowered = switch (this) {
      case BLIF -> Lowering.toAndOr(c, BlifExport.MAX_INPUTS);
      case BENCH -> Lowering.toAndOr(c);
      default -> c;
    };
    AtomicFile.writeText(file, w -> {
      switch (this) {
        case VERILOG -> VerilogExport.write(c, name, w);
        case BLIF -> BlifExport.write(lowered, name, w);
        case BENCH -> BenchExport.write(lowered, w);
        case DOT -> DotExport.write(c, w);
        case JSON -> JsonExport.write(c, w);
        default -> throw new IllegalStateException();
      }
    });
  }
}
