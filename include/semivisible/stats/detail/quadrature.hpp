// semivisible/stats/detail/quadrature.hpp — Gauss rules for averaging over nuisance priors.
//
// What it provides: nodes and weights of Gauss–Hermite (weight: the unit normal density) and
// Gauss–Legendre rules, built with the Golub–Welsch algorithm (eigen-decomposition of the
// symmetric tridiagonal Jacobi matrix of the orthogonal polynomials' three-term recurrence,
// Eigen::SelfAdjointEigenSolver::computeFromTridiagonal), and a truncated-normal rule for
// Gaussian priors cut at a physical boundary.
// Reference: G. H. Golub, J. H. Welsch, Math. Comp. 23 (1969) 221.
#pragma once

#include <cmath>
#include <cstddef>
#include <vector>

#include <Eigen/Eigenvalues>

namespace semivisible::stats::detail {

/// A quadrature rule: Σ_k weight[k] f(node[k]) ≈ ∫ f dP (weights sum to 1 for priors).
struct quadrature_rule {
  std::vector<double> node{};
  std::vector<double> weight{};
};

/// Golub–Welsch: orthonormal-polynomial recurrence with zero diagonal and off-diagonal β_k,
/// total weight mu0.
inline quadrature_rule golub_welsch(const Eigen::VectorXd& off_diagonal, double mu0) {
  const Eigen::Index n = off_diagonal.size() + 1;
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver;
  solver.computeFromTridiagonal(Eigen::VectorXd::Zero(n), off_diagonal, Eigen::ComputeEigenvectors);
  quadrature_rule r;
  for (Eigen::Index k = 0; k < n; ++k) {
    r.node.push_back(solver.eigenvalues()[k]);
    const double v = solver.eigenvectors()(0, k);
    r.weight.push_back(mu0 * v * v);
  }
  return r;
}

/// K-point Gauss–Hermite rule for E[f(θ)], θ ~ N(0, 1) (probabilists' Hermite: β_k = √k).
/// Exact for polynomials of degree ≤ 2K − 1. Computed once per K (thread-safe static).
template <int K>
const quadrature_rule& gauss_hermite_normal() {
  static const quadrature_rule rule = [] {
    Eigen::VectorXd beta(K - 1);
    for (int k = 1; k < K; ++k) beta[k - 1] = std::sqrt(static_cast<double>(k));
    return golub_welsch(beta, 1.0);
  }();
  return rule;
}

/// K-point Gauss–Legendre rule on [−1, 1] (β_k = k/√(4k² − 1), total weight 2).
template <int K>
const quadrature_rule& gauss_legendre() {
  static const quadrature_rule rule = [] {
    Eigen::VectorXd beta(K - 1);
    for (int k = 1; k < K; ++k) {
      const double kk = static_cast<double>(k);
      beta[k - 1] = kk / std::sqrt(4 * kk * kk - 1);
    }
    return golub_welsch(beta, 2.0);
  }();
  return rule;
}

/// Rule for E[f(θ)] with θ ~ N(0, 1) truncated to θ ≥ lower (renormalised to unit mass):
/// 64-point Gauss–Legendre on [lower, max(lower, 0) + 9]; the normal tail beyond is < 1e-18.
inline quadrature_rule truncated_normal(double lower) {
  const auto& gl = gauss_legendre<64>();
  const double hi = std::max(lower, 0.0) + 9.0;
  const double half = 0.5 * (hi - lower), mid = 0.5 * (hi + lower);
  quadrature_rule r;
  double total = 0;
  for (std::size_t k = 0; k < gl.node.size(); ++k) {
    const double t = mid + half * gl.node[k];
    const double w = gl.weight[k] * half * std::exp(-0.5 * t * t);
    r.node.push_back(t);
    r.weight.push_back(w);
    total += w;
  }
  for (double& w : r.weight) w /= total;
  return r;
}

}  // namespace semivisible::stats::detail
