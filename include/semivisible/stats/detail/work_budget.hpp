// semivisible/stats/detail/work_budget.hpp — a deterministic bound on the work of one CLs call.
//
// The engines count the elementary operations they do (one term of a probability sum, one
// multiply-add of a convolution, one Newton iteration weighted by its matrix size; see each
// engine) and stop when the budget is spent. A unit is ≈ 1 ns on the reference machine
// (docs/statistics.md §7, "time guarantee"), so the default budget bounds a call to about a
// second of work whatever its input, and the bound is the same on every run and thread count.
#pragma once

#include <cstdint>

namespace semivisible::stats::detail {

/// Units spent against a budget; budget 0 means unlimited.
class work_counter {
 public:
  explicit work_counter(std::uint64_t budget = 0) : budget_(budget) {}

  /// Adds `units`; returns false (and stays exhausted) once the total exceeds the budget.
  bool charge(double units) {
    used_ += units;
    if (budget_ != 0 && used_ > static_cast<double>(budget_)) exhausted_ = true;
    return !exhausted_;
  }
  /// True when `units` more would exceed the budget (nothing is charged).
  [[nodiscard]] bool would_exceed(double units) const {
    return budget_ != 0 && used_ + units > static_cast<double>(budget_);
  }
  /// Marks the budget as spent (a piece of work known in advance to be too large).
  void exhaust() { exhausted_ = true; }

  [[nodiscard]] bool exhausted() const noexcept { return exhausted_; }
  [[nodiscard]] double used() const noexcept { return used_; }
  [[nodiscard]] std::uint64_t budget() const noexcept { return budget_; }

 private:
  std::uint64_t budget_ = 0;
  double used_ = 0;
  bool exhausted_ = false;
};

}  // namespace semivisible::stats::detail
