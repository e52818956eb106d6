#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <utility>

#include <peerkit/privacy/pseudonymise.hpp>

#include "../supervision/fixture.hpp"

using namespace fixture;

namespace {
std::string hex(const std::array<std::uint8_t, 32>& digest) {
  pseudonym high;
  pseudonym low;
  std::copy(digest.begin(), digest.begin() + 16, high.bytes.begin());
  std::copy(digest.begin() + 16, digest.end(), low.bytes.begin());
  return high.to_string() + low.to_string();
}
std::string sha256_of(std::string_view text) {
  peerkit::detail::sha256 h;
  h.update(text);
  return hex(h.finish());
}
std::vector<std::uint8_t> bytes(std::size_t n, std::uint8_t value) {
  return std::vector<std::uint8_t>(n, value);
}
}  // namespace

TEST_CASE("privacy: SHA-256 gives the FIPS 180 test digests") {
  CHECK(sha256_of("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_of("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_of("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  peerkit::detail::sha256 million;
  const std::string chunk(1000, 'a');
  for (int i = 0; i < 1000; ++i) million.update(chunk);
  CHECK(hex(million.finish()) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("privacy: HMAC-SHA-256 gives the RFC 4231 test values") {
  const auto key1 = bytes(20, 0x0b);
  CHECK(hex(hmac_sha256(key1)("Hi There")) ==
        "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
  const std::string jefe = "Jefe";
  const hmac_sha256 mac2(
      std::span(reinterpret_cast<const std::uint8_t*>(jefe.data()), jefe.size()));
  CHECK(hex(mac2("what do ya want for nothing?")) ==
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  const auto long_key = bytes(131, 0xaa);  // longer than a block: hashed first
  CHECK(hex(hmac_sha256(long_key)("Test Using Larger Than Block-Size Key - Hash Key First")) ==
        "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

TEST_CASE("privacy: pseudonyms are stable, keyed and distinct per kind of id") {
  const pseudonymiser ps("0123456789abcdef0123456789abcdef");
  // HMAC-SHA-256(key, "peerkit/student:101"), first 128 bits: reproducible with any HMAC tool.
  CHECK(ps.of(student_id{101}).to_string() == "a042fb8d5b8b184404612ade5a7bcd4b");
  CHECK(ps.of(student_id{101}) ==
        pseudonymiser("0123456789abcdef0123456789abcdef").of(student_id{101}));
  CHECK(ps.of(student_id{101}) != ps.of(staff_id{101}));
  CHECK(ps.of(student_id{101}) != ps.of(pair_id{101}));
  CHECK(ps.of(student_id{101}) !=
        pseudonymiser("another key, another project").of(student_id{101}));
  std::set<pseudonym> seen;
  for (std::uint32_t i = 0; i < 5000; ++i) seen.insert(ps.of(student_id{i}));
  CHECK(seen.size() == 5000);
  try {
    pseudonymiser weak("short key");
    FAIL("expected peerkit::error");
  } catch (const peerkit::error& e) {
    CHECK(e.id() == "privacy.weak_key");
    CHECK(e.problems()[0].message == "expected a key of at least 16 bytes, found 9");
  }
}

TEST_CASE("privacy: a key file is its bytes without one final line ending, a weak one named") {
  const std::string key = "0123456789abcdef0123456789abcdef";
  const auto expected = pseudonymiser(key).of(student_id{101});
  for (const auto& text : {key, key + "\n", key + "\r\n"}) {
    INFO(text.size());
    CHECK(pseudonymiser::from_key_file(text, "key.txt").of(student_id{101}) == expected);
  }
  // Only one line ending goes: anything else is part of the key.
  for (const auto& text : {key + "\n\n", key + " \n", key + "\r", "\n" + key})
    CHECK(pseudonymiser::from_key_file(text, "key.txt").of(student_id{101}) != expected);
  const std::pair<std::string, std::string> weak_keys[] = {
      {"", "0"}, {"\n", "0"}, {"0123456789abcde\n", "15"}, {"0123456789abcde\r\n", "15"}};
  for (const auto& [text, found] : weak_keys) {
    INFO(text.size());
    try {
      (void)pseudonymiser::from_key_file(text, "keys/key.txt");
      FAIL("expected peerkit::error");
    } catch (const peerkit::error& e) {
      REQUIRE(e.problems().size() == 1);
      CHECK(e.id() == "privacy.weak_key");
      CHECK(e.problems()[0].location == "keys/key.txt");
      CHECK(e.problems()[0].message == "expected a key of at least 16 bytes, found " + found);
    }
  }
}

TEST_CASE("privacy: pseudonymising drops birth dates but keeps every consent decision") {
  auto s = make_school();
  // One student consents herself at 15: wrong at the time, and it must stay wrong.
  s.students[0].birth_date = d(2010, 6, 1);
  s.students[0].consent = consent{consent_giver::student, d(2025, 9, 1), std::nullopt};
  const auto [p, data] = pseudonymise(s, {}, pseudonymiser("a key of at least sixteen bytes"));
  REQUIRE(p.students.size() == s.students.size());
  REQUIRE(consent_state_on(s.students[0], d(2026, 3, 1)) == consent_state::wrong_giver);
  int valid_own_consents = 0;
  for (std::size_t i = 0; i < s.students.size(); ++i) {
    const auto& before = s.students[i];
    const auto& after = p.students[i];
    INFO("student " << i);
    CHECK(after.birth_date != before.birth_date);
    if (before.consent->given_by == consent_giver::student &&
        consent_state_on(before, d(2026, 3, 1)) == consent_state::holds)
      ++valid_own_consents;
    for (const auto day : {d(2025, 9, 1), d(2026, 3, 1), d(2027, 9, 1)})
      CHECK((consent_state_on(after, day) == consent_state::wrong_giver) ==
            (consent_state_on(before, day) == consent_state::wrong_giver));
    CHECK(may_process(after, d(2026, 3, 1)) == may_process(before, d(2026, 3, 1)));
  }
  CHECK(valid_own_consents >= 1);  // a 16-year-old of the fixture consents herself
}
