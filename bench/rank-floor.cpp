// Benchmark (not a test): the native floor of the Corrado rank test's work, for issue 4's 1,000,000
// security-events/s goal. Corrado ranks every security-event's estimation and event-window residuals (251
// values with the default windows); this ranks 40,000 such sets (normal values, as residuals are) and sums the
// centred ranks by day, as rerate's fused residual pass does, in C++ compiled with -O3 -march=native: with
// std::sort, and with rerate's method (2n buckets over mean ± 4 sd, insertion within buckets, tie walk).
// At 1,000,000 security-events/s two cores have 2 µs of CPU per security-event for everything.
//
//   npm run bench:rank-floor        # needs g++ (on the machine; not a dependency of rerate)
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <random>
#include <vector>
int main() {
  const int N = 40000, L = 251;
  std::mt19937_64 rng(7);
  std::normal_distribution<double> nd(0.0, 0.02);
  std::vector<double> data((size_t)N * L);
  for (auto& x : data) x = nd(rng);
  std::vector<double> sumK(L, 0.0);
  double best1 = 1e9, best2 = 1e9;
  for (int round = 0; round < 5; round++) {
    // (a) std::sort of (value, index) pairs, average ranks of ties, sum into sumK
    auto t0 = std::chrono::steady_clock::now();
    std::vector<std::pair<double, int>> p(L);
    for (int e = 0; e < N; e++) {
      const double* v = &data[(size_t)e * L];
      for (int j = 0; j < L; j++) p[j] = {v[j], j};
      std::sort(p.begin(), p.end());
      const double inv = 1.0 / (L + 1);
      for (int a = 0; a < L;) { int b = a + 1; while (b < L && p[b].first == p[a].first) b++; double k = (a + 1 + b) / 2.0 * inv - 0.5; for (int j = a; j < b; j++) sumK[p[j].second] += k; a = b; }
    }
    double t1 = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    // (b) bucket sort over mean ± 4 sd with 2n buckets, insertion within buckets (rerate's method)
    t0 = std::chrono::steady_clock::now();
    const int NB = 2 * L;
    std::vector<int> counts(NB + 1), bucket(L), index(L);
    std::vector<double> keys(L);
    for (int e = 0; e < N; e++) {
      const double* v = &data[(size_t)e * L];
      std::fill(counts.begin(), counts.end(), 0);
      const double lo = -0.08, scale = (NB - 1) / 0.16;
      for (int j = 0; j < L; j++) { double f = (v[j] - lo) * scale; int b = (int)std::min(std::max(f, 0.0), (double)(NB - 1)); bucket[j] = b; counts[b]++; }
      for (int b = 0, acc = 0; b < NB; b++) { int c = counts[b]; counts[b] = acc; acc += c; }
      for (int j = 0; j < L; j++) { int q = counts[bucket[j]]++; keys[q] = v[j]; index[q] = j; }
      for (int i = 1; i < L; i++) { double k = keys[i]; if (keys[i - 1] <= k) continue; int x = index[i]; int j = i - 1; while (j >= 0 && keys[j] > k) { keys[j + 1] = keys[j]; index[j + 1] = index[j]; j--; } keys[j + 1] = k; index[j + 1] = x; }
      const double inv = 1.0 / (L + 1);
      for (int a = 0; a < L;) { int b = a + 1; while (b < L && keys[b] == keys[a]) b++; double k = (a + 1 + b) / 2.0 * inv - 0.5; for (int j = a; j < b; j++) sumK[index[j]] += k; a = b; }
    }
    double t2 = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    best1 = std::min(best1, t1); best2 = std::min(best2, t2);
  }
  std::printf("native, 40,000 x 251 values ranked: std::sort %.1f ms (%.2f us each), bucket sort %.1f ms (%.2f us each); checksum %.3f\n",
              best1, best1 * 1000 / N, best2, best2 * 1000 / N, sumK[0]);
}
