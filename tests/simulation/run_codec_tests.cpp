// A simulation run as bytes: real runs of the sample school come back equal, every double
// to the bit; bytes that are cut short, have bytes left over or are garbage are refused
// with simulation.run_bytes, never read out of bounds.

#include <catch2/catch.hpp>

#include <bit>
#include <cmath>
#include <cstring>
#include <limits>

#include <peerkit/io/simulation_json.hpp>
#include <peerkit/simulation/run_codec.hpp>

#include "../problems.hpp"

using namespace peerkit;

namespace {

// Two years of the shipped intervision sweep with their weeks, a few replications.
const std::vector<simulation_run>& sample_runs() {
  static const auto runs = [] {
    auto doc = io::read_simulation_file(PEERKIT_SOURCE_DIR
                                        "/examples/scenarios/intervision_interval.json");
    doc.experiment.replications = 3;
    doc.experiment.years = 2;
    doc.experiment.weeks = true;
    const sweep_runs<> all(doc.experiment,
                           [&](const model_parameters& p) { return doc.plan_for(p); });
    std::vector<simulation_run> out;
    for (std::size_t run = 0; run < all.size(); ++run) out.push_back(all(run));
    return out;
  }();
  return runs;
}

void check_equal(const simulation_run& a, const simulation_run& b) {
  CHECK(a.run == b.run);
  CHECK(a.point == b.point);
  CHECK(a.replication == b.replication);
  CHECK(a.key == b.key);
  CHECK(a.years == b.years);
  REQUIRE(a.weeks.size() == b.weeks.size());
  for (std::size_t i = 0; i < a.weeks.size(); ++i) {
    CHECK(a.weeks[i].monday == b.weeks[i].monday);
    CHECK(a.weeks[i].active_pairs == b.weeks[i].active_pairs);
    CHECK(a.weeks[i].meetings_held == b.weeks[i].meetings_held);
    CHECK(std::bit_cast<std::uint64_t>(a.weeks[i].mean_closeness) ==
          std::bit_cast<std::uint64_t>(b.weeks[i].mean_closeness));
  }
}

// The one problem that decoding `bytes` throws.
std::string decode_problem(const std::vector<std::byte>& bytes) {
  const auto found = peerkit_test::problems_of([&] { (void)decode_run(bytes); });
  return found.size() == 1 ? found[0] : "no single problem";
}

}  // namespace

TEST_CASE("real runs of the sample school come back equal from their bytes") {
  const auto& runs = sample_runs();
  REQUIRE(runs.size() == 6);
  for (const auto& run : runs) {
    REQUIRE(run.years.size() == 2);
    REQUIRE_FALSE(run.years[0].pairs.empty());
    REQUIRE_FALSE(run.weeks.empty());
    const auto bytes = encode_run(run);
    const auto back = decode_run(bytes);
    check_equal(run, back);
    CHECK(encode_run(back) == bytes);
  }
}

TEST_CASE("every double comes back to the bit, integers at their limits") {
  simulation_run run = sample_runs()[0];
  auto& year = run.years[0];
  year.summary.mean_effect = -0.0;
  year.summary.support = std::numeric_limits<double>::quiet_NaN();
  year.summary.early_share = std::numeric_limits<double>::denorm_min();
  year.summary.months_supported = -std::numeric_limits<double>::infinity();
  year.summary.year = std::numeric_limits<int>::min();
  year.summary.pairs = std::numeric_limits<int>::max();
  year.pairs[0].id = pair_id{std::numeric_limits<std::uint32_t>::max()};
  year.pairs[0].pair_index = std::numeric_limits<std::size_t>::max();
  run.key.seed = std::numeric_limits<std::uint64_t>::max();
  const auto back = decode_run(encode_run(run));
  CHECK(std::signbit(back.years[0].summary.mean_effect));
  CHECK(std::bit_cast<std::uint64_t>(back.years[0].summary.support) ==
        std::bit_cast<std::uint64_t>(year.summary.support));
  CHECK(back.years[0].summary.early_share == year.summary.early_share);
  CHECK(back.years[0].summary.months_supported == year.summary.months_supported);
  CHECK(back.years[0].summary.year == year.summary.year);
  CHECK(back.years[0].summary.pairs == year.summary.pairs);
  CHECK(back.years[0].pairs[0] == year.pairs[0]);
  CHECK(back.key == run.key);
}

TEST_CASE("the bytes are little-endian whatever the machine") {
  simulation_run run;
  run.run = 0x0102;
  const auto bytes = encode_run(run);
  REQUIRE(bytes.size() > 12);
  // The tag "pkr" and version 1, then the run id's low byte first.
  CHECK(bytes[0] == std::byte{'p'});
  CHECK(bytes[1] == std::byte{'k'});
  CHECK(bytes[2] == std::byte{'r'});
  CHECK(bytes[3] == std::byte{1});
  CHECK(bytes[4] == std::byte{0x02});
  CHECK(bytes[5] == std::byte{0x01});
  CHECK(bytes[6] == std::byte{0});
}

TEST_CASE("bytes cut short or with bytes left over are refused") {
  const auto bytes = encode_run(sample_runs()[1]);
  for (std::size_t size = 0; size < bytes.size(); ++size) {
    const std::vector<std::byte> cut(bytes.begin(), bytes.begin() + static_cast<long>(size));
    INFO("cut to " << size << " of " << bytes.size() << " bytes");
    CHECK(decode_problem(cut).rfind("simulation.run_bytes byte ", 0) == 0);
  }
  auto longer = bytes;
  longer.push_back(std::byte{0});
  CHECK(decode_problem(longer) == "simulation.run_bytes byte " + std::to_string(bytes.size()) +
                                      ": expected the end of a run, found 1 more bytes");
}

TEST_CASE("garbage is refused, never read out of bounds") {
  CHECK(decode_problem({}).rfind("simulation.run_bytes byte 0: ", 0) == 0);
  CHECK(decode_problem(std::vector<std::byte>(64, std::byte{0x5a})) ==
        "simulation.run_bytes byte 0: expected the bytes of a simulation run (they start with "
        "\"pkr\" and 1), found something else");

  // A list far longer than the bytes left: refused before anything is allocated.
  simulation_run empty;
  auto huge = encode_run(empty);
  const std::size_t years_length = huge.size() - 16;  // then the weeks' length
  std::memset(huge.data() + years_length, 0xff, 8);
  CHECK(decode_problem(huge) == "simulation.run_bytes byte " + std::to_string(years_length) +
                                    ": expected a list length within the bytes left in the "
                                    "bytes of a run");

  // Each byte of a real run overwritten in turn: the result decodes or is refused.
  const auto bytes = encode_run(sample_runs()[2]);
  std::size_t refused = 0;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    for (const auto garbage : {std::byte{0xff}, std::byte{0x80}}) {
      auto changed = bytes;
      changed[i] = garbage;
      try {
        (void)decode_run(changed);
      } catch (const error& e) {
        REQUIRE(e.problems()[0].id == "simulation.run_bytes");
        ++refused;
      }
    }
  }
  CHECK(refused > 0);
}
