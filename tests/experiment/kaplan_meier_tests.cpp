#include <peerkit/experiment/kaplan_meier.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

namespace {

using Catch::Detail::Approx;
using peerkit::kaplan_meier;
using peerkit::median_survival;
using peerkit::survival_at;
using peerkit::survival_time;

// The 6-MP group of Freireich et al. (1963), the textbook example (Kalbfleisch and Prentice;
// Klein and Moeschberger): weeks in remission of 21 leukaemia patients, ended = relapse.
const std::vector<survival_time> six_mp{
    {6, true},   {6, true},   {6, true},   {6, false},  {7, true},   {9, false},  {10, true},
    {10, false}, {11, false}, {13, true},  {16, true},  {17, false}, {19, false}, {20, false},
    {22, true},  {23, true},  {25, false}, {32, false}, {32, false}, {34, false}, {35, false}};

}  // namespace

TEST_CASE("kaplan-meier: the textbook 6-MP curve, its Greenwood errors and log-log interval") {
  // By hand, at each time with an event (n at risk, d events; S *= 1 - d/n;
  // G += d / (n (n - d)); se = S sqrt(G)):
  //   t  n  d   S                          G                  se
  //   6 21  3   18/21          = 0.857143  3/378  = 0.007937  0.0764
  //   7 17  1   S6 * 16/17     = 0.806723  + 1/272 = 0.011613  0.0869
  //  10 15  1   S7 * 14/15     = 0.752941  + 1/210 = 0.016375  0.0963
  //  13 12  1   S10 * 11/12    = 0.690196  + 1/132 = 0.023951  0.1068
  //  16 11  1   S13 * 10/11    = 0.627451  + 1/110 = 0.033042  0.1141
  //  22  7  1   S16 * 6/7      = 0.537815  + 1/42  = 0.056852  0.1282
  //  23  6  1   S22 * 5/6      = 0.448179  + 1/30  = 0.090185  0.1346
  // Log-log interval at 6: se(log(-log S)) = sqrt(G) / |log S| = 0.089087 / 0.154151 = 0.57792;
  // exp(1.96 * 0.57792) = 3.1042; [S^3.1042, S^(1/3.1042)] = [0.6197, 0.9516], as R's
  // survfit(conf.type = "log-log") prints; at 23 it prints [0.188, 0.680].
  const auto curve = kaplan_meier(six_mp);
  CHECK(curve.subjects == 21);
  CHECK(curve.level == 0.95);
  REQUIRE(curve.steps.size() == 16);  // distinct times

  const auto& at6 = curve.steps[0];
  CHECK(at6.time == 6);
  CHECK(at6.at_risk == 21);
  CHECK(at6.events == 3);
  CHECK(at6.censored == 1);
  CHECK(at6.survival == Approx(18.0 / 21).epsilon(1e-14));
  CHECK(at6.standard_error == Approx(18.0 / 21 * std::sqrt(3.0 / 378)).epsilon(1e-12));
  CHECK(at6.lower == Approx(0.6197).margin(1e-4));
  CHECK(at6.upper == Approx(0.9516).margin(1e-4));

  const auto& at9 = curve.steps[2];  // a censoring only: S, se and interval carry on
  CHECK(at9.time == 9);
  CHECK(at9.at_risk == 16);
  CHECK(at9.events == 0);
  CHECK(at9.censored == 1);
  CHECK(at9.survival == curve.steps[1].survival);
  CHECK(at9.lower == curve.steps[1].lower);

  const auto& at23 = curve.steps[11];
  CHECK(at23.time == 23);
  CHECK(at23.at_risk == 6);
  const double s23 = 18.0 / 21 * 16 / 17 * 14 / 15 * 11 / 12 * 10 / 11 * 6 / 7 * 5 / 6;
  const double g23 = 3.0 / 378 + 1.0 / 272 + 1.0 / 210 + 1.0 / 132 + 1.0 / 110 + 1.0 / 42 +
                     1.0 / 30;
  CHECK(at23.survival == Approx(s23).epsilon(1e-14));
  CHECK(at23.survival == Approx(0.448179).margin(1e-6));
  CHECK(at23.standard_error == Approx(s23 * std::sqrt(g23)).epsilon(1e-12));
  CHECK(at23.standard_error == Approx(0.1346).margin(1e-4));
  const double spread = std::exp(1.959963984540054 * std::sqrt(g23) / -std::log(s23));
  CHECK(at23.lower == Approx(std::pow(s23, spread)).epsilon(1e-12));
  CHECK(at23.upper == Approx(std::pow(s23, 1 / spread)).epsilon(1e-12));
  CHECK(at23.lower == Approx(0.188).margin(5e-4));
  CHECK(at23.upper == Approx(0.680).margin(5e-4));

  const auto& last = curve.steps.back();
  CHECK(last.time == 35);
  CHECK(last.at_risk == 1);
  CHECK(last.censored == 1);
  CHECK(last.survival == at23.survival);
}

TEST_CASE("kaplan-meier: median and survival at a time") {
  const auto curve = kaplan_meier(six_mp);
  CHECK(median_survival(curve) == 23.0);  // the first S <= 0.5: 0.448 at 23
  CHECK(survival_at(curve, 0) == 1);
  CHECK(survival_at(curve, 5.99) == 1);
  CHECK(survival_at(curve, 6) == curve.steps[0].survival);
  CHECK(survival_at(curve, 8.5) == curve.steps[1].survival);
  CHECK(survival_at(curve, 22.5) == curve.steps[10].survival);
  CHECK(survival_at(curve, 1000) == curve.steps.back().survival);
  // S passes one half between steps: 0.75 from 1, 0.375 from 3.
  const auto past_half = kaplan_meier({{1, true}, {2, false}, {3, true}, {4, true}});
  CHECK(past_half.steps[0].survival == 0.75);
  CHECK(past_half.steps[2].survival == 0.375);
  CHECK(median_survival(past_half) == 3.0);
  // S exactly one half counts.
  CHECK(median_survival(kaplan_meier({{1, true}, {2, false}})) == 1.0);
}

TEST_CASE("kaplan-meier: at a tied time, events come before censorings") {
  // Both subjects at time 1 are at risk there: S(1) = 1 - 1/3. Were the censoring first,
  // S(1) would be 1 - 1/2.
  const auto curve = kaplan_meier({{2, true}, {1, false}, {1, true}});
  REQUIRE(curve.steps.size() == 2);
  CHECK(curve.steps[0].at_risk == 3);
  CHECK(curve.steps[0].events == 1);
  CHECK(curve.steps[0].censored == 1);
  CHECK(curve.steps[0].survival == Approx(2.0 / 3).epsilon(1e-15));
  // The last subject at risk ends: S = 0 with the interval [0, 0], and nothing infinite.
  const auto& end = curve.steps[1];
  CHECK(end.at_risk == 1);
  CHECK(end.survival == 0);
  CHECK(end.standard_error == 0);
  CHECK(end.lower == 0);
  CHECK(end.upper == 0);
  CHECK(median_survival(curve) == 2.0);
}

TEST_CASE("kaplan-meier: the curve does not depend on the order of the input") {
  const auto curve = kaplan_meier(six_mp);
  auto reversed = six_mp;
  std::reverse(reversed.begin(), reversed.end());
  CHECK(kaplan_meier(reversed) == curve);
  auto rotated = six_mp;
  std::rotate(rotated.begin(), rotated.begin() + 8, rotated.end());
  CHECK(kaplan_meier(rotated) == curve);
  // -0 and 0 are one time, written as 0 whichever comes first.
  const auto signed_zero = kaplan_meier({{-0.0, true}, {0.0, false}, {1, true}});
  REQUIRE(signed_zero.steps.size() == 2);
  CHECK_FALSE(std::signbit(signed_zero.steps[0].time));
  CHECK(signed_zero == kaplan_meier({{0.0, false}, {1, true}, {-0.0, true}}));
}

TEST_CASE("kaplan-meier: no events, no subjects, another level") {
  const auto open = kaplan_meier({{3, false}, {1, false}, {2, false}});
  REQUIRE(open.steps.size() == 3);
  for (const auto& step : open.steps) {
    CHECK(step.survival == 1);
    CHECK(step.standard_error == 0);
    CHECK(step.lower == 1);
    CHECK(step.upper == 1);
  }
  CHECK(median_survival(open) == std::nullopt);

  const auto empty = kaplan_meier({});
  CHECK(empty.subjects == 0);
  CHECK(empty.steps.empty());
  CHECK(survival_at(empty, 5) == 1);
  CHECK(median_survival(empty) == std::nullopt);

  // A lower level narrows every interval around the same S.
  const auto wide = kaplan_meier(six_mp);
  const auto narrow = kaplan_meier(six_mp, 0.8);
  CHECK(narrow.level == 0.8);
  for (std::size_t i = 0; i < wide.steps.size(); ++i) {
    CHECK(narrow.steps[i].survival == wide.steps[i].survival);
    CHECK(narrow.steps[i].lower > wide.steps[i].lower);
    CHECK(narrow.steps[i].upper < wide.steps[i].upper);
  }
}
