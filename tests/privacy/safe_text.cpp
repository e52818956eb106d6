#include <catch2/catch.hpp>

#include <string>

#include "../supervision/fixture.hpp"

using namespace fixture;

namespace {
template <class T>
concept Loggable = requires(safe_text t, const T& v) { t << v; };
}  // namespace

TEST_CASE("privacy: a log line takes no sensitive value, name or run-time text") {
  STATIC_REQUIRE(Loggable<int>);
  STATIC_REQUIRE(Loggable<double>);
  STATIC_REQUIRE(Loggable<student_id>);
  STATIC_REQUIRE(Loggable<date>);
  STATIC_REQUIRE(Loggable<severity>);
  STATIC_REQUIRE(Loggable<need>);  // a need only after reveal() gave it out
  STATIC_REQUIRE(Loggable<char[6]>);
  STATIC_REQUIRE(!Loggable<needs_data>);
  STATIC_REQUIRE(!Loggable<origin_data>);
  STATIC_REQUIRE(!Loggable<language_data>);
  STATIC_REQUIRE(!Loggable<group_data>);
  STATIC_REQUIRE(!Loggable<std::string>);  // a student's name is a std::string
  STATIC_REQUIRE(!Loggable<std::string_view>);
  STATIC_REQUIRE(!Loggable<const char*>);
  STATIC_REQUIRE(!Loggable<std::vector<need>>);
  STATIC_REQUIRE(!LogSafe<sensitive<int, special_category::health>>);
}

TEST_CASE("privacy: special-category data reaches a log only through the access step") {
  const auto s = make_school();
  const auto& sam = *s.find(supportee_1);
  const auto& needs = sam.needs.reveal(access_purpose{"test: log the first need, deliberately"});
  const auto line = (safe_text{} << "student " << sam.id << " need " << needs.front() << " since "
                                 << d(2025, 9, 1) << ", flagged " << true)
                        .str();
  CHECK(line == "student 201 need autism since 2025-09-01, flagged yes");
}

TEST_CASE("privacy: supervision alerts and errors carry no names or special-category values") {
  auto s = make_school();
  auto r = make_records();
  record_contact(r, s, contact(pair_1, start, 60, {contact_topic::bullying}, true));
  auto e = raise_escalation(escalation_id{1}, *r.find_pair(pair_1), buddy_1, severity::safety,
                            start + days(3));
  r.escalations.push_back(e);
  (void)record_closure(r, pair_2, start + days(10), end_reason::no_click);
  const auto alerts = check_supervision(r, s, start + days(60));
  REQUIRE(alerts.size() > 5);
  for (const auto& a : alerts)
    for (const auto& secret : secrets()) CHECK(a.message.find(secret) == std::string::npos);
  for (std::size_t i = 1; i < alerts.size(); ++i) CHECK(alerts[i - 1].rule <= alerts[i].rule);

  s.students[5].consent.reset();
  try {
    record_contact(r, s, contact(pair_1, start + days(1)));
    FAIL("expected peerkit::error");
  } catch (const peerkit::error& err) {
    for (const auto& secret : secrets())
      CHECK(std::string(err.what()).find(secret) == std::string::npos);
  }
}
