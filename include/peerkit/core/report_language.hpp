#pragma once
// The language of the texts peerkit writes for people: the coordinator's report, the
// status page and the explanations inside them. English or Dutch, the language of the
// schools the sources describe. Each area keeps its words in a phrase table, one struct
// with an instance per language, chosen by in_language(); names from the school's data
// (students, classes, roles as the programme names them) are never translated.

#include <array>
#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>

#include <peerkit/core/date_text.hpp>
#include <peerkit/core/enum_keys.hpp>
#include <peerkit/core/roles.hpp>
#include <peerkit/core/staff_roles.hpp>

namespace peerkit {

enum class report_language {
  english,
  dutch,
};

template <>
struct enum_keys<report_language> {
  static constexpr std::array<std::string_view, 2> keys{"en", "nl"};
};

/// The phrase table of `language`: `english` or `dutch`, two instances of one struct, so
/// both always have the same entries.
template <class Phrases>
[[nodiscard]] constexpr const Phrases& in_language(report_language language, const Phrases& english,
                                                   const Phrases& dutch) noexcept {
  return language == report_language::dutch ? dutch : english;
}

/// `pattern` with {0}, {1}, ... replaced by `args`, so that each language keeps its own word
/// order: "{0} supports {1}" and "{0} ondersteunt {1}".
[[nodiscard]] inline std::string fill(std::string_view pattern,
                                      std::initializer_list<std::string_view> args) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const auto close = pattern.find('}', i);
    if (pattern[i] == '{' && close == i + 2 && pattern[i + 1] >= '0' &&
        static_cast<std::size_t>(pattern[i + 1] - '0') < args.size()) {
      out += args.begin()[pattern[i + 1] - '0'];
      i = close;
    } else {
      out += pattern[i];
    }
  }
  return out;
}

/// The kinds of supporter role in Dutch, by enum supporter_role: the words of the sources.
inline constexpr std::array<std::string_view, 9> dutch_supporter_roles{
    "peerleider", "peer-buddy",          "nieuwkomersbuddy", "peertutor",    "peermentor",
    "peercoach",  "vertrouwensleerling", "peermediator",     "peer-educator"};

/// The staff roles in Dutch, by enum staff_role.
inline constexpr std::array<std::string_view, 6> dutch_staff_roles{
    "coördinator", "docentcoach", "mentor", "vertrouwensdocent", "zorgcoördinator", "teamleider"};

/// The name of a kind of supporter role in `language`: name_of(role) in English.
[[nodiscard]] constexpr std::string_view role_name(supporter_role role, report_language language) {
  return language == report_language::dutch ? dutch_supporter_roles[static_cast<std::size_t>(role)]
                                            : name_of(role);
}

/// The name of a staff role in `language`: name_of(role) in English.
[[nodiscard]] constexpr std::string_view role_name(staff_role role, report_language language) {
  return language == report_language::dutch ? dutch_staff_roles[static_cast<std::size_t>(role)]
                                            : name_of(role);
}

/// "7 October 2025"; in Dutch "7 oktober 2025", months in lower case.
[[nodiscard]] inline std::string long_date(date d,
                                           report_language language = report_language::english) {
  using months = std::array<std::string_view, 12>;
  static constexpr months english{"January",   "February", "March",    "April",
                                  "May",       "June",     "July",     "August",
                                  "September", "October",  "November", "December"};
  static constexpr months dutch{"januari",   "februari", "maart",    "april",
                                "mei",       "juni",     "juli",     "augustus",
                                "september", "oktober",  "november", "december"};
  const auto& names = in_language(language, english, dutch);
  return std::to_string(d.day()) + " " + std::string(names[d.month() - 1]) + " " +
         std::to_string(d.year());
}

}  // namespace peerkit
