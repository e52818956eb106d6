#pragma once
// Invalid school data throws peerkit::error. Each problem carries a stable id (for
// programs), the location of the bad value (for people) and what was wrong; several
// problems found in one pass travel together, so a user fixes them in one round.

#include <peerkit/config.hpp>
#include <peerkit/core/error_ids.hpp>

#include <algorithm>
#include <concepts>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace peerkit {

/// The location of an element of a list, and of a field in it: "students[12]",
/// "students[12].class".
[[nodiscard]] inline std::string element_location(std::string_view list, std::size_t i,
                                                  std::string_view field = {}) {
  auto s = std::string(list) + "[" + std::to_string(i) + "]";
  if (!field.empty()) s += "." + std::string(field);
  return s;
}

/// One thing wrong with the input: `students[12].grades.math: 11 is outside 1..10`.
struct problem {
  std::string id;        ///< stable identifier, e.g. "data.out_of_range"; one of error_ids
  std::string location;  ///< where: a path into the data ("students[12].grades.math")
  std::string message;   ///< what was expected and what was found

  [[nodiscard]] std::string to_string() const {
    return location.empty() ? message : location + ": " + message;
  }
  friend bool operator==(const problem&, const problem&) = default;
};

/// Thrown for invalid data; never for outcomes that can be expected ("no compatible buddy").
class error : public std::invalid_argument {
 public:
  explicit error(std::vector<problem> problems)
      : std::invalid_argument(describe(problems)), problems_(std::move(problems)) {
    PEERKIT_ASSERT(std::all_of(problems_.begin(), problems_.end(),
                               [](const problem& p) { return is_error_id(p.id); }),
                   "peerkit::error: every id is listed in peerkit/core/error_ids.hpp");
  }
  error(std::string id, std::string location, std::string message)
      : error(std::vector<problem>{{std::move(id), std::move(location), std::move(message)}}) {}

  /// Every problem found, in the order found; never empty.
  [[nodiscard]] const std::vector<problem>& problems() const noexcept { return problems_; }
  /// The id of the first problem, for callers that handle one kind of error.
  [[nodiscard]] const std::string& id() const noexcept { return problems_.front().id; }

 private:
  static std::string describe(const std::vector<problem>& problems) {
    std::string text;
    for (const auto& p : problems) {
      if (!text.empty()) text += '\n';
      text += "[peerkit." + p.id + "] " + p.to_string();
    }
    return text;
  }
  std::vector<problem> problems_;
};

/// Collects problems during a validation pass and throws them together at the end.
class problem_list {
 public:
  void add(std::string id, std::string location, std::string message) {
    PEERKIT_ASSERT(is_error_id(id),
                   "problem_list::add: the id is listed in peerkit/core/error_ids.hpp");
    problems_.push_back({std::move(id), std::move(location), std::move(message)});
  }
  [[nodiscard]] bool empty() const noexcept { return problems_.empty(); }
  [[nodiscard]] const std::vector<problem>& problems() const noexcept { return problems_; }
  /// Throws peerkit::error holding every problem collected, if there is any.
  void throw_if_any() const {
    if (!problems_.empty()) throw error(problems_);
  }

 private:
  std::vector<problem> problems_;
};

/// Runs `pass`, adding the problems of a peerkit::error it throws to `problems`, so that
/// the passes after a failing one still run and every problem is reported together.
/// Returns whether `pass` threw none.
template <std::invocable Pass>
bool collect_problems(problem_list& problems, Pass&& pass) {
  try {
    std::forward<Pass>(pass)();
    return true;
  } catch (const error& e) {
    for (const auto& p : e.problems()) problems.add(p.id, p.location, p.message);
    return false;
  }
}

}  // namespace peerkit
