#include <catch2/catch.hpp>

#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <peerkit/calendar/holiday_reader.hpp>
#include <peerkit/io/result_files.hpp>
#include <peerkit/privacy/pseudonymise.hpp>

#include "../problems.hpp"

using namespace peerkit;
using peerkit_test::problems_of;

namespace {
const std::string data_dir = std::string(PEERKIT_SOURCE_DIR) + "/examples/data";

// The sample programme run on the shipped holidays, as the tool runs it.
struct sample_run {
  io::programme_document doc = io::read_programme_file(data_dir + "/sample_programme.json");
  runtime_programme prog = doc.programme();
  programme_run run = prog.run(
      {doc.the_school.region, read_holidays_file(data_dir + "/school_holidays_nl.csv"), {}});

  std::map<std::string, std::string> files(const io::result_options& options) const {
    std::map<std::string, std::string> out;
    for (auto& f : io::result_files(doc, prog, run, options))
      out[f.path.generic_string()] = std::move(f.content);
    return out;
  }
};

const auto created = boost::posix_time::from_time_t(1756684800);  // 2025-09-01T00:00:00Z

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// Sets an environment variable for the life of the object, and puts back what was there.
class scoped_env {
 public:
  scoped_env(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value)
      ::setenv(name, value, 1);
    else
      ::unsetenv(name);
  }
  ~scoped_env() {
    if (old_)
      ::setenv(name_, old_->c_str(), 1);
    else
      ::unsetenv(name_);
  }
  scoped_env(const scoped_env&) = delete;
  scoped_env& operator=(const scoped_env&) = delete;

 private:
  const char* name_;
  std::optional<std::string> old_;
};
}  // namespace

TEST_CASE("io: the files of a run are the ones the tool writes in its order") {
  const sample_run s;
  const auto files = io::result_files(s.doc, s.prog, s.run, {.created = created});
  std::vector<std::string> names;
  for (const auto& f : files) names.push_back(f.path.generic_string());
  std::vector<std::string> expected{"report.md", "result.json", "programme.json"};
  for (const auto& rp : s.run.pairing.roles)
    for (const char* picture : {".dot", ".svg"})
      expected.push_back("pairing-" + std::string(key_of(rp.role.kind)) + picture);
  expected.push_back("year.ics");
  CHECK(names == expected);
  CHECK(s.run.pairing.roles.size() == 2);  // peer buddies and newcomer buddies; leaders form duos

  const auto by_name = s.files({.created = created});
  CHECK(by_name.at("report.md") == markdown_report(s.prog, s.run));
  CHECK(by_name.at("result.json") == io::to_json(s.run, s.prog.school_data()).dump(1) + "\n");
  CHECK(contains(by_name.at("year.ics"), "DTSTAMP:20250901T000000Z"));
  CHECK_FALSE(contains(by_name.at("year.ics"), "DTSTAMP:2026"));
  CHECK(s.files({.created = created}) == by_name);  // the same run and time give the same bytes
}

TEST_CASE("io: the written state is the programme with the selection's decisions and reads back") {
  const sample_run s;
  const auto text = s.files({.created = created}).at("programme.json");
  const auto state = io::read_programme(text, "programme.json", data_dir);
  CHECK(state.school_file.empty());  // the school inline, so the state stands alone
  CHECK(state.the_school.students.size() == s.doc.the_school.students.size());
  CHECK(state.data.applications == s.run.applications);
  CHECK(state.data.support_requests == s.run.requests);
  CHECK(state.data.pinned_pairs == s.doc.data.pinned_pairs);
}

TEST_CASE("io: special-category values are in the written state only when revealed for a purpose") {
  const sample_run s;
  const auto hidden = s.files({.created = created});
  for (const auto& [name, content] : hidden) {
    INFO(name);
    CHECK_FALSE(contains(content, "\"needs\""));
    CHECK_FALSE(contains(content, "\"languages\""));
    CHECK_FALSE(contains(content, "\"origin\""));
    CHECK_FALSE(contains(content, "autism"));
  }
  const auto revealed = s.files(
      {.created = created, .reveal_purpose = "research into needs and pairing"});
  CHECK(contains(revealed.at("programme.json"), "\"needs\""));
  CHECK(contains(revealed.at("programme.json"), "\"languages\""));
  CHECK(revealed.at("result.json") == hidden.at("result.json"));
  CHECK(revealed.at("report.md") == hidden.at("report.md"));
  CHECK(revealed.at("pairing-newcomer_buddy.svg") == hidden.at("pairing-newcomer_buddy.svg"));

  // The state says that it holds them, for which purpose and since when, and reads back;
  // written again without the purpose it holds neither them nor the note.
  CHECK_FALSE(contains(hidden.at("programme.json"), "special_category_revealed"));
  CHECK(io::json::parse(revealed.at("programme.json")).at("special_category_revealed") ==
        io::json{{"purpose", "research into needs and pairing"}, {"on", "2025-09-01"}});
  sample_run again;
  again.doc = io::read_programme(revealed.at("programme.json"), "programme.json", data_dir);
  CHECK(again.doc.special_category_revealed ==
        io::special_category_release{"research into needs and pairing", date(2025, 9, 1)});
  CHECK(again.files({.created = created}).at("programme.json") == hidden.at("programme.json"));
  const auto later = boost::posix_time::from_time_t(1759276800);  // 2025-10-01
  CHECK(io::json::parse(
            again.files({.created = later, .reveal_purpose = "state backup"}).at("programme.json"))
            .at("special_category_revealed") ==
        io::json{{"purpose", "state backup"}, {"on", "2025-10-01"}});

  for (const char* blank : {"", "  ", "\t\n"})
    CHECK(problems_of([&] { (void)s.files({.created = created, .reveal_purpose = blank}); }) ==
          std::vector<std::string>{"privacy.no_purpose purpose: expected why the "
                                   "special-category values are revealed, found nothing"});
}

TEST_CASE("io: the result gives the special-category criteria only as their sum") {
  const sample_run s;
  const auto files = s.files({.created = created});
  const auto result = io::json::parse(files.at("result.json"));
  const std::set<std::string> keys{"shared_interests", "offers_wants", "special_category",
                                   "personality_fit", "can_meet"};
  std::size_t pairs = 0;
  score_points special = 0;
  for (const auto& role : result.at("pairing"))
    for (const auto& pair : role.at("pairs")) {
      const auto& criteria = pair.at("score").at("criteria");
      std::set<std::string> found;
      score_points sum = 0;
      for (const auto& [key, points] : criteria.items()) {
        found.insert(key);
        sum += points.get<score_points>();
      }
      CHECK(found == keys);
      CHECK(sum == pair.at("score").at("total").get<score_points>());
      special += criteria.at("special_category").get<score_points>();
      ++pairs;
    }
  CHECK(pairs == 28);
  CHECK(special > 0);  // the sample pairs on languages and origins, and says only how much

  // Neither a criterion nor a rule of a special category is named, nor a value.
  for (const auto& name : {"result.json", "report.md", "pairing-newcomer_buddy.dot",
                           "pairing-newcomer_buddy.svg", "pairing-peer_buddy.svg"})
    for (const char* named :
         {"common_language", "origin_knowledge", "language in common", "country of origin",
          "conflicting group", "Eritrea", "tigrinya", "syria_group_a"}) {
      INFO(name << ": " << named);
      CHECK_FALSE(contains(files.at(name), named));
    }
}

TEST_CASE("io: the pairing graphs of a pseudonymised programme are labelled by number") {
  const sample_run s;
  const auto named = s.files({.created = created});
  const auto& someone = s.run.pairing.roles.front().result.pairs.front().supportee;
  const auto name = s.doc.the_school.find(someone)->name;
  const auto graph = "pairing-" + std::string(key_of(s.run.pairing.roles.front().role.kind));
  for (const char* picture : {".dot", ".svg"}) {
    INFO(picture);
    CHECK(contains(named.at(graph + picture), name));
    CHECK_FALSE(contains(named.at(graph + picture), "#" + std::to_string(someone.value())));
  }

  sample_run p;
  std::tie(p.doc.the_school, p.doc.data) = pseudonymise(
      p.doc.the_school, p.doc.data, pseudonymiser("a key of sixteen bytes or more"));
  p.prog = p.doc.programme();
  p.run = p.prog.run(
      {p.doc.the_school.region, read_holidays_file(data_dir + "/school_holidays_nl.csv"), {}});
  const auto numbered = p.files({.created = created, .pseudonymised = true});
  const auto& other = p.run.pairing.roles.front().result.pairs.front().supportee;
  for (const char* picture : {".dot", ".svg"}) {
    INFO(picture);
    CHECK(contains(numbered.at(graph + picture), "#" + std::to_string(other.value())));
    CHECK_FALSE(contains(numbered.at(graph + picture), p.doc.the_school.find(other)->name));
  }
  for (const auto& st : s.doc.the_school.students)
    for (const auto& [file, content] : numbered) {
      INFO(file << " " << st.name);
      CHECK_FALSE(contains(content, st.name));
    }
}

TEST_CASE("io: files are made at SOURCE_DATE_EPOCH when it is set and now when not") {
  {
    const scoped_env epoch("SOURCE_DATE_EPOCH", "1756684800");
    CHECK(io::creation_time() == created);
  }
  {
    const scoped_env epoch("SOURCE_DATE_EPOCH", "253402300799");
    CHECK(io::creation_time() == boost::posix_time::time_from_string("9999-12-31 23:59:59"));
  }
  for (const char* wrong : {"", "-1", "1.5", "253402300800", "soon", "12 "}) {
    INFO('\'' << wrong << '\'');
    const scoped_env epoch("SOURCE_DATE_EPOCH", wrong);
    CHECK(problems_of([] { (void)io::creation_time(); }) ==
          std::vector<std::string>{"data.out_of_range SOURCE_DATE_EPOCH: expected whole seconds "
                                   "since 1970 from 0 to 253402300799"});
  }
  const scoped_env unset("SOURCE_DATE_EPOCH", nullptr);
  const auto before = boost::posix_time::second_clock::universal_time();
  const auto made = io::creation_time();
  CHECK(before <= made);
  CHECK(made <= boost::posix_time::second_clock::universal_time());
}
