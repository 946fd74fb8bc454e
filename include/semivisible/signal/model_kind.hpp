// semivisible/signal/model_kind.hpp — which dark-photon model the yield is computed for.
//
//   semivisible  A′ → χ1 χ2 promptly, χ2 → χ1 e⁺e⁻ via an off-shell A′ (the NA64 2021 paper): the
//                decaying particle is χ2, cτ ∝ 1/(ε² α_D).
//   invisible    A′ → χχ̄ with BR = 1 (NA64's invisible-mode model): nothing decays; only the
//                regions open to infinity (missing energy) see events.
//   visible      the minimal dark photon, A′ → e⁺e⁻, μ⁺μ⁻, hadrons (physics/aprime_width.hpp): the
//                decaying particle is the A′ itself, cτ ∝ 1/ε².
#pragma once

#include <string_view>

#include <fmt/format.h>

#include "semivisible/error.hpp"

namespace semivisible::signal {

enum class model_kind { semivisible, invisible, visible };

constexpr std::string_view to_string(model_kind k) noexcept {
  switch (k) {
    case model_kind::semivisible:
      return "semivisible";
    case model_kind::invisible:
      return "invisible";
    case model_kind::visible:
      return "visible";
  }
  return "unknown";
}

/// Parses "semivisible", "invisible" or "visible".
inline model_kind model_kind_from_string(std::string_view s) {
  for (auto k : {model_kind::semivisible, model_kind::invisible, model_kind::visible})
    if (s == to_string(k)) return k;
  throw invalid_parameter(fmt::format(
      "semivisible::signal::model_kind_from_string: model = '{}', but must be semivisible, "
      "invisible or visible",
      s));
}

}  // namespace semivisible::signal
