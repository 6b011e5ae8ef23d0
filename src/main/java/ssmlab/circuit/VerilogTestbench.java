package ssmlab.circuit;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;

/**
 * A Verilog testbench for {@link VerilogExport}'s module: reads a {@link TestVectors} file with
 * {@code $readmemb}, applies every vector, compares all outputs with {@code !==} and prints
 * {@code FAIL vector i} for each mismatch and then {@code PASS: k vectors} or {@code FAIL: m of k
 * vectors differ}. The vectors file is named as given (relative to the simulator's working
 * directory); {@code +vectors=PATH} overrides it.
 */
public final class VerilogTestbench {
  private VerilogTestbench() {}

  /** The testbench beside a vectors file: {@code dir/name.vec} gives {@code dir/name_tb.v}. */
  public static Path beside(Path vectors) {
    String name = vectors.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return vectors.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + "_tb.v");
  }

  public static void write(TestVectors vectors, String module, String vectorsFile, Writer w)
      throws IOException {
    Circuit c = vectors.circuit();
    String dut = Names.identifier(module);
    int inBits = c.inputBits();
    int outBits = c.outputBits();
    int k = vectors.count();
    StringBuilder sb = new StringBuilder();
    sb.append("// ssmlab testbench: ").append(k).append(" vectors for module ").append(dut)
        .append("\n`timescale 1ns/1ps\nmodule ").append(dut).append("_tb;\n");
    StringBuilder ins = new StringBuilder();
    StringBuilder outs = new StringBuilder();
    StringBuilder conns = new StringBuilder();
    for (Port p : c.inputs()) {
      String n = Names.identifier(p.name());
      sb.append("  reg [").append(p.width() - 1).append(":0] ").append(n).append(";\n");
      ins.append(ins.isEmpty() ? "" : ", ").append(n);
      conns.append(conns.isEmpty() ? "" : ", ").append('.').append(n).append('(').append(n)
          .append(')');
    }
    for (Port p : c.outputs()) {
      String n = Names.identifier(p.name());
      sb.append("  wire [").append(p.width() - 1).append(":0] ").append(n).append(";\n");
      outs.append(outs.isEmpty() ? "" : ", ").append(n);
      conns.append(conns.isEmpty() ? "" : ", ").append('.').append(n).append('(').append(n)
          .append(')');
    }
    sb.append("  reg [").append(inBits + outBits - 1).append(":0] ssmlab_mem [0:").append(k - 1)
        .append("];\n  reg [").append(outBits - 1).append(":0] ssmlab_want;\n")
        .append("  reg [8*1024-1:0] ssmlab_file;\n  integer ssmlab_i, ssmlab_errors;\n")
        .append("  ").append(dut).append(" dut(").append(conns).append(");\n")
        .append("  initial begin\n")
        .append("    if (!$value$plusargs(\"vectors=%s\", ssmlab_file)) ssmlab_file = \"")
        .append(vectorsFile.replace("\\", "\\\\").replace("\"", "\\\"")).append("\";\n")
        .append("    $readmemb(ssmlab_file, ssmlab_mem);\n    ssmlab_errors = 0;\n")
        .append("    for (ssmlab_i = 0; ssmlab_i < ").append(k)
        .append("; ssmlab_i = ssmlab_i + 1) begin\n")
        .append("      {").append(ins).append(ins.isEmpty() ? "" : ", ")
        .append("ssmlab_want} = ssmlab_mem[ssmlab_i];\n")
        .append("      #1;\n")
        .append("      if ({").append(outs).append("} !== ssmlab_want) begin\n")
        .append("        ssmlab_errors = ssmlab_errors + 1;\n")
        .append("        $display(\"FAIL vector %0d\", ssmlab_i);\n      end\n    end\n")
        .append("    if (ssmlab_errors == 0) $display(\"PASS: %0d vectors\", ").append(k)
        .append(");\n    else $display(\"FAIL: %0d of %0d vectors differ\", ssmlab_errors, ")
        .append(k).append(");\n    $finish;\n  end\nendmodule\n");
    w.write(sb.toString());
  }
}
