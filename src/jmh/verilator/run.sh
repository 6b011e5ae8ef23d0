#!/usr/bin/env bash
# Verilator side-by-side: exports CircuitEvalBench's circuit of GATES gates as Verilog, compiles it
# with Verilator (minutes: 8.7 min for 10^4 gates on the 2-core reference machine), and times
# one-vector evals. Compare with: ./ssmlab jmh CircuitEvalBench -p gates=GATES -p threads=1
#   src/jmh/verilator/run.sh GATES [EVALS]      (needs verilator, g++, make)
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
gates="${1:?gates}"
evals="${2:-100000}"
work="$root/target/verilator-$gates"
mkdir -p "$work"
(cd "$root" && mvn -B -q -DskipTests test-compile)
java_home=$(ls -d /usr/lib/jvm/*25* | head -1)
cp="$root/target/test-classes:$root/target/classes:$(cat "$root/target/test-classpath.txt")"
n=$("$java_home/bin/java" --add-modules=jdk.incubator.vector -cp "$cp" \
  ssmlab.circuit.BenchCircuitExport "$gates" "$work/dut.v" 2>/dev/null)
cp "$root/src/jmh/verilator/tb.cpp" "$work/"
cd "$work"
/usr/bin/time -o build-time.txt -f "verilator build: %e s wall" \
  verilator --cc dut.v --top-module dut --exe tb.cpp --build -O3 -j 1 \
  -Wno-fatal -Wno-WIDTH -Wno-UNOPTFLAT --x-assign fast --x-initial fast -CFLAGS -O2 \
  >build.log 2>&1
cat build-time.txt
/usr/bin/time -f "verilator run: %U s user, %e s wall" obj_dir/Vdut "$evals" "$n"
