// Verilator testbench for the side-by-side with CircuitEvalBench: random 256-bit inputs, one
// vector per eval(), five timed rounds of N evals. Usage: ./Vdut N GATES
#include "Vdut.h"
#include <chrono>
#include <cstdio>
#include <cstdint>
#include <cstdlib>
// The low word of an output, whether Verilator made it a scalar (<= 64 bits) or a VlWide.
template <typename T> static uint64_t low(const T& v) { return (uint64_t) v; }
template <std::size_t N> static uint64_t low(const VlWide<N>& v) { return v[0]; }

int main(int argc, char** argv) {
  long n = atol(argv[1]);
  double gates = atof(argv[2]);
  Vdut* d = new Vdut;
  uint64_t s = 88172645463325252ull, acc = 0;
  for (int rep = 0; rep < 5; rep++) {
    auto t0 = std::chrono::steady_clock::now();
    for (long i = 0; i < n; i++) {
      for (int k = 0; k < 8; k++) {
        s ^= s << 13; s ^= s >> 7; s ^= s << 17;
        d->x[k] = (uint32_t) s;
      }
      d->eval();
      acc += low(d->y);
    }
    double sec = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    printf("evals=%ld seconds=%.3f gate-evals/s=%.3g (acc %llu)\n", n, sec, gates * n / sec,
           (unsigned long long) acc);
  }
  delete d;
  return 0;
}
