// Verilator testbench for the side-by-side with CircuitEvalBench: random 256-bit inputs, one
// vector per eval(), five timed rounds of N evals. Usage: ./Vdut N GATES
#include "Vdut.h"
#include <chrono>
#include <cstdio>
#include <cstdint>
#include <cstdlib>
int main(int argc, char** argv) {
  long n = atol(argv[1]);
  double gates = atof(argv[2]);
  Vdut* d = new Vdut;
  uint64_t s = 88172645463325252ull, acc = 0;
  for (int rep = 0; rep < 5; rep++) {
    auto t0 = std::chrono::steady_clock::now();
    for (long i = 0; i < n; i++) {
      for (int k = 0; k < 8; k++) { s ^= s << 13; s ^= s >> 7; s ^= s << 17; d->x[k] = (uint32_t) s; }
      d->eval();
      acc += d->y[0];
    }
    double sec = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    printf("evals=%ld seconds=%.3f gate-evals/s=%.3g (acc %llu)\n", n, sec, gates * n / sec,
           (unsigned long long) acc);
  }
  delete d;
  return 0;
}
