#pragma once
// The selection as a readable text, for the coordinator who selects (000 step 4) and for
// the command-line tool and examples to print. It names students (a direct identifier)
// unless told not to; it never contains special-category data.

#include <algorithm>
#include <string>

#include <peerkit/core/school.hpp>
#include <peerkit/selection/choose.hpp>

namespace peerkit {

struct report_options {
  bool names = true;  ///< false: "student 3001" instead of the name, for pseudonymised output
};

namespace detail {
inline std::string report_padded(std::string s, std::size_t width, bool right = false) {
  if (s.size() < width) s.insert(right ? std::size_t{0} : s.size(), width - s.size(), ' ');
  return s;
}
inline std::string report_person(const school& s, student_id id, const report_options& options) {
  const student* st = s.find(id);
  const std::string number = std::to_string(id.value());
  if (!options.names || !st) return "student " + number;
  return st->name + " (" + number + ")";
}
inline std::string report_count(int n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}
}  // namespace detail

/// The selection of every role: demand, counts, then one line per candidate (rank,
/// verdict, student, score, reasons in words), the withdrawn applications and any
/// places left open.
[[nodiscard]] inline std::string selection_report(const selection_result& result, const school& s,
                                                  const report_options& options = {}) {
  using detail::report_count;
  using detail::report_padded;
  std::string text = "Selection of supporters" +
                     (s.name.empty() ? std::string() : " at " + s.name) + "\n";
  for (const auto& role : result.roles) {
    text += "\n" + role.role_name + "\n";
    text += "  demand: " +
            (role.serves_classes ? report_count(role.units, "class", "classes")
                                 : report_count(role.units, "supportee", "supportees")) +
            ", " + std::to_string(role.needed) + " needed, " +
            report_count(role.reserves, "reserve", "reserves") + "\n";
    text += "  candidates: " + std::to_string(role.candidates.size()) + "; accepted " +
            std::to_string(role.count(verdict::accepted)) + ", reserve " +
            std::to_string(role.count(verdict::reserve)) + ", rejected " +
            std::to_string(role.count(verdict::rejected)) + "\n";
    std::size_t name_width = 7;
    for (const auto& c : role.candidates)
      name_width = std::max(name_width, detail::report_person(s, c.student, options).size());
    if (!role.candidates.empty())
      text += "  " + report_padded("rank", 4, true) + "  " + report_padded("verdict", 8) + "  " +
              report_padded("student", name_width) + "  " + report_padded("score", 5, true) +
              "  reasons\n";
    for (const auto& c : role.candidates)
      text += "  " + report_padded(c.rank ? std::to_string(*c.rank) : "-", 4, true) + "  " +
              report_padded(std::string(key_of(c.decision)), 8) + "  " +
              report_padded(detail::report_person(s, c.student, options), name_width) + "  " +
              report_padded(std::to_string(c.score), 5, true) + "  " + c.reasons_text() + "\n";
    if (!role.withdrawn.empty()) {
      text += "  withdrawn: ";
      for (std::size_t i = 0; i < role.withdrawn.size(); ++i)
        text += (i ? ", " : "") + std::string("application ") +
                std::to_string(role.withdrawn[i].value());
      text += "\n";
    }
    if (role.shortfall() > 0)
      text += "  " + report_count(role.shortfall(), "place remains", "places remain") +
              " open: " + std::to_string(role.count(verdict::accepted)) + " of " +
              std::to_string(role.needed) + " needed passed every gate\n";
  }
  return text;
}

}  // namespace peerkit
