// examples/03_cls_limit.cpp — CLs upper limits on the NA64 2021 counting model with the three
// methods of semivisible::stats, and the pyhf workspace to cross-check them.
//
// The NA64 2021 paper: observed 0 events in S1 and in S2, backgrounds 0.19 ± 0.07 and
// 0.53 ± 0.17, systematics ≤ 20 %. The signal shape (fraction of the signal in S1) depends on the
// χ2 lifetime; here it is scanned from all-S2 to all-S1. Output: the 90 % CL limit in signal
// events Σ μ_up s_i for each method (docs/statistics.md, table "asymptotic versus toys").
// Usage: example_03_cls_limit [toys] [workspace.json]
#include <cstdlib>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "semivisible/io/pyhf.hpp"
#include "semivisible/stats.hpp"

int main(int argc, char** argv) {
  namespace st = semivisible::stats;
  const std::size_t toys = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 2000;
  const st::counting_model na64({0, 0}, {0.19, 0.53}, {0.07, 0.17}, 0.2);

  fmt::print(
      "90% CL limits in signal events, observed (0, 0), b = 0.19±0.07, 0.53±0.17, δs = 0.2\n");
  fmt::print("{:>6} | {:>8} {:>8} {:>8} | {:>8} {:>8} {:>8} (expected median)\n", "f_S1", "exact",
             "asympt", "toys", "exact", "asympt", "toys");
  for (double f : {0.0, 0.25, 0.5, 0.75, 1.0}) {
    const std::vector<double> signal{f, 1 - f};  // one signal event in total
    st::limit_options o;
    o.toys = toys;
    o.seed = 2021;
    double obs[3], med[3];
    int k = 0;
    for (auto how : {st::method::exact, st::method::asymptotic, st::method::toys}) {
      o.algorithm = how;
      const st::limit_result r = st::upper_limit(na64, signal, o);
      if (!r.status.ok()) fmt::print("  {}: {}\n", st::to_string(how), r.status.message);
      obs[k] = r.mu_upper;  // Σs = 1: μ_up is the limit in events
      med[k++] = r.expected_median;
    }
    fmt::print("{:>6.2f} | {:>8.3f} {:>8.3f} {:>8.3f} | {:>8.3f} {:>8.3f} {:>8.3f}\n", f, obs[0],
               obs[1], obs[2], med[0], med[1], med[2]);
  }
  if (argc > 2) {
    semivisible::io::write_pyhf_workspace(argv[2], na64, std::vector<double>{0.3, 0.7});
    fmt::print("pyhf workspace written to {} (check: pyhf cls {})\n", argv[2], argv[2]);
  }
  return 0;
}
