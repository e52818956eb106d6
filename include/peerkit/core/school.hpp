#pragma once
// A school: its classes, students and staff, its holiday region, and which groups of
// students must never be paired with each other. Plain data; validate() checks it and
// reports every problem with its location.

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <peerkit/core/error.hpp>
#include <peerkit/core/region.hpp>
#include <peerkit/core/staff.hpp>
#include <peerkit/core/student.hpp>

namespace peerkit {

/// A class (klas) such as "1A", or a newcomer (ISK) group, possibly at another site.
struct class_group {
  class_id id;
  std::string name;
  int year = 1;
  school_track track = school_track::havo;
  std::optional<staff_id> mentor;
  std::string site;  ///< empty for the school's own building; ISK classes are often elsewhere

  [[nodiscard]] bool is_first_year() const noexcept {
    return year == 1 && track != school_track::isk;
  }
  [[nodiscard]] bool is_newcomer_class() const noexcept { return track == school_track::isk; }
  friend bool operator==(const class_group&, const class_group&) = default;
};

/// Pairs of groups whose members are never paired (source 001: a buddy from the same
/// country only if the two do not belong to conflicting groups).
using conflict_data =
    sensitive<std::vector<std::pair<std::string, std::string>>, special_category::group_membership>;

struct school {
  std::string name;
  holiday_region region = holiday_region::midden;
  std::vector<class_group> classes;
  std::vector<student> students;
  std::vector<staff_member> staff;
  conflict_data conflicting_groups;
  /// True for a school read from a document written without its special-category values
  /// (io/school_json.hpp): a programme refuses it, since the rules that need those values
  /// (conflicting groups above all) cannot be followed without them.
  bool special_category_left_out = false;

  [[nodiscard]] const student* find(student_id id) const noexcept { return find_in(students, id); }
  [[nodiscard]] const staff_member* find(staff_id id) const noexcept { return find_in(staff, id); }
  [[nodiscard]] const class_group* find(class_id id) const noexcept { return find_in(classes, id); }

  /// Staff holding role `r`, in input order.
  [[nodiscard]] std::vector<const staff_member*> staff_in(staff_role r) const {
    std::vector<const staff_member*> found;
    for (const auto& s : staff)
      if (s.holds(r)) found.push_back(&s);
    return found;
  }

  friend bool operator==(const school&, const school&) = default;

 private:
  template <class Range, class Id>
  static auto find_in(const Range& range, Id id) noexcept -> decltype(&*range.begin()) {
    auto it = std::find_if(range.begin(), range.end(), [id](const auto& x) { return x.id == id; });
    return it == range.end() ? nullptr : &*it;
  }
};

namespace detail {
inline std::string format_number(double v) {
  std::string s = std::to_string(v);
  s.erase(s.find_last_not_of('0') + 1);
  if (s.back() == '.') s.pop_back();
  return s;
}
template <class Range>
void check_unique_ids(const Range& range, std::string_view field, problem_list& problems) {
  std::map<typename decltype(range.front().id)::rep, std::size_t> first_seen;
  for (std::size_t i = 0; i < range.size(); ++i) {
    auto [it, fresh] = first_seen.emplace(range[i].id.value(), i);
    if (!fresh)
      problems.add("data.duplicate_id", element_location(field, i) + ".id",
                   "id " + std::to_string(range[i].id.value()) + " is already used by " +
                       element_location(field, it->second));
  }
}
}  // namespace detail

/// Checks a school's data: unique ids, references to known classes and staff, grades
/// within 1..10, years within the track. Throws peerkit::error listing every problem.
inline void validate(const school& s) {
  problem_list problems;
  detail::check_unique_ids(s.classes, "classes", problems);
  detail::check_unique_ids(s.students, "students", problems);
  detail::check_unique_ids(s.staff, "staff", problems);

  auto check_year = [&](int year, school_track track, const std::string& where) {
    if (year < 1 || year > years_of(track))
      problems.add("data.out_of_range", where + ".year",
                   std::to_string(year) + " is outside 1.." + std::to_string(years_of(track)) +
                       " for " + std::string(key_of(track)));
  };
  for (std::size_t i = 0; i < s.classes.size(); ++i) {
    const auto& c = s.classes[i];
    const auto where = element_location("classes", i);
    if (c.name.empty()) problems.add("data.missing", where + ".name", "a class needs a name");
    check_year(c.year, c.track, where);
    if (c.mentor && !s.find(*c.mentor))
      problems.add("data.unknown_reference", where + ".mentor",
                   "no staff member has id " + std::to_string(c.mentor->value()));
  }
  for (std::size_t i = 0; i < s.students.size(); ++i) {
    const auto& st = s.students[i];
    const auto where = element_location("students", i);
    if (st.name.empty()) problems.add("data.missing", where + ".name", "a student needs a name");
    check_year(st.year, st.track, where);
    if (const auto* c = s.find(st.class_of); !c)
      problems.add("data.unknown_reference", where + ".class",
                   "no class has id " + std::to_string(st.class_of.value()));
    else if (c->year != st.year || c->track != st.track)
      problems.add("data.inconsistent", where + ".class",
                   "class " + c->name + " is year " + std::to_string(c->year) + " " +
                       std::string(key_of(c->track)) + ", the student is year " +
                       std::to_string(st.year) + " " + std::string(key_of(st.track)));
    for (const auto& g : st.grades)
      if (!on_grade_scale(g.value))
        problems.add("data.out_of_range", where + ".grades." + g.subject,
                     detail::format_number(g.value.to_double()) + " is outside 1..10");
  }
  for (std::size_t i = 0; i < s.staff.size(); ++i) {
    const auto& m = s.staff[i];
    const auto where = element_location("staff", i);
    if (m.name.empty())
      problems.add("data.missing", where + ".name", "a staff member needs a name");
    if (m.successor && (*m.successor == m.id || !s.find(*m.successor)))
      problems.add("data.unknown_reference", where + ".successor",
                   *m.successor == m.id
                       ? std::string("a staff member cannot succeed themselves")
                       : "no staff member has id " + std::to_string(m.successor->value()));
  }
  problems.throw_if_any();
}

}  // namespace peerkit
