// Hoofdvaart College, a vmbo school in Hoofddorp with a newcomer (ISK) department in the
// building across the road, starts newcomer buddies in autumn 2016 (source 001): 25
// third-years of five classes apply, 15 are chosen on personality (social, patient, talks
// easily) and grades, and trained in two sessions of four hours. The coordinator pairs
// them with 15 students of the ISK class: 13 pairs and one triple, a girl supporting two
// newcomers, so one chosen buddy is not needed. The pairs meet in the long break; one pair
// stops during the year. Everything is kept in the programme's dated record, and the
// programme's status is read from it.

#include <algorithm>
#include <array>
#include <iostream>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <peerkit/programme/presets.hpp>

using namespace peerkit;

namespace {

const date consent_day(2016, 10, 3);
const date applications_close(2016, 10, 14);
const date interview_day(2016, 10, 31);
const date decision_day(2016, 11, 4);
const std::array training_days{date(2016, 11, 16), date(2016, 11, 23)};
const date first_meeting(2016, 11, 30);  // the buddies visit the newcomers' lesson
const date status_day(2017, 2, 1);

constexpr staff_id coordinator_id{1}, isk_coordinator_id{2};
constexpr class_id isk_class{10};

/// One applicant: class 0..4 (3A..3E), interview ratings on 1..5, fail marks on the report.
struct applicant_row {
  int class_index;
  gender_identity gender;
  int initiative, stable, empathy, social, intercultural, patient, talks;
  int fail_marks;
  const char* interest;
  const char* offer;
};

// Ten are not chosen: four with three or more fail marks, three below a required trait,
// three who pass every gate but rank below the 15 needed.
constexpr auto female = gender_identity::female, male = gender_identity::male;
constexpr std::array<applicant_row, 25> applicants{{
    {0, female, 4, 4, 5, 5, 4, 4, 5, 0, "dancing", "making friends"},
    {0, male, 4, 4, 4, 4, 4, 4, 4, 1, "football", "homework"},
    {1, female, 5, 5, 5, 5, 5, 5, 5, 0, "music", "making friends"},  // supports two
    {1, male, 4, 4, 4, 4, 4, 4, 4, 4, "gaming", "homework"},
    {2, female, 4, 5, 4, 4, 4, 5, 4, 0, "drawing", "homework"},
    {2, male, 5, 4, 4, 5, 4, 4, 4, 1, "football", "making friends"},
    {3, female, 4, 4, 5, 4, 4, 2, 4, 0, "cooking", "homework"},
    {3, male, 4, 4, 4, 4, 5, 4, 4, 0, "basketball", "making friends"},
    {4, female, 4, 3, 4, 4, 4, 4, 4, 3, "music", "homework"},
    {4, male, 5, 5, 4, 4, 4, 4, 5, 0, "football", "making friends"},
    {0, female, 3, 3, 3, 3, 3, 3, 3, 1, "drawing", "homework"},
    {0, male, 4, 5, 4, 4, 4, 4, 4, 0, "gaming", "homework"},
    {1, female, 4, 4, 4, 4, 4, 4, 2, 0, "dancing", "making friends"},
    {1, male, 4, 4, 5, 4, 4, 5, 4, 0, "football", "homework"},
    {2, female, 5, 4, 5, 5, 5, 4, 4, 0, "music", "making friends"},
    {2, male, 4, 4, 4, 4, 4, 4, 4, 5, "basketball", "homework"},
    {3, female, 4, 4, 4, 5, 4, 4, 5, 1, "cooking", "making friends"},
    {3, male, 4, 4, 4, 4, 4, 5, 4, 0, "gaming", "homework"},
    {4, female, 4, 4, 4, 2, 4, 4, 4, 0, "dancing", "making friends"},
    {4, male, 3, 4, 3, 3, 4, 3, 3, 0, "football", "homework"},
    {0, female, 4, 4, 5, 4, 5, 4, 4, 0, "drawing", "making friends"},
    {1, male, 4, 4, 4, 4, 4, 4, 4, 3, "gaming", "homework"},
    {2, female, 5, 4, 4, 4, 4, 5, 5, 0, "music", "homework"},
    {3, male, 4, 4, 4, 5, 4, 4, 4, 0, "football", "making friends"},
    {4, female, 3, 3, 4, 3, 3, 3, 3, 1, "cooking", "homework"},
}};

/// The newcomers of the ISK class: a hobby and what they would like from a buddy.
struct newcomer_row {
  gender_identity gender;
  const char* interest;
  const char* want;
};
constexpr std::array<newcomer_row, 15> newcomers{{
    {female, "music", "making friends"},
    {female, "dancing", "making friends"},
    {male, "football", "homework"},
    {male, "gaming", "making friends"},
    {female, "drawing", "homework"},
    {male, "basketball", "homework"},
    {female, "cooking", "making friends"},
    {male, "football", "making friends"},
    {female, "music", "homework"},
    {male, "gaming", "homework"},
    {female, "dancing", "homework"},
    {male, "football", "homework"},
    {female, "drawing", "making friends"},
    {male, "basketball", "making friends"},
    {female, "cooking", "homework"},
}};

constexpr std::array subjects{"Dutch", "English", "maths", "biology", "economics", "history"};

std::vector<grade> report(int fail_marks, int index) {
  std::vector<grade> out;
  for (int i = 0; i < static_cast<int>(subjects.size()); ++i)
    out.push_back({subjects[static_cast<std::size_t>(i)],
                   tenths::from_count(i < fail_marks ? 48 : 64 + (index + i) % 5 * 3)});
  return out;
}

school hoofdvaart_college() {
  school s;
  s.name = "Hoofdvaart College";
  s.region = holiday_region::noord;
  s.staff = {{coordinator_id,
              "Coordinator main building",
              {staff_role::coordinator, staff_role::teacher_coach},
              {}},
             {isk_coordinator_id, "Coordinator ISK", {staff_role::coordinator}, {}}};
  constexpr std::array tracks{school_track::vmbo_basis, school_track::vmbo_kader,
                              school_track::vmbo_kader, school_track::vmbo_gemengd,
                              school_track::vmbo_theoretisch};
  for (std::uint32_t c = 0; c < tracks.size(); ++c)
    s.classes.push_back({class_id{c + 1}, std::string("3") + char('A' + c), 3, tracks[c], {}, ""});
  s.classes.push_back({isk_class, "ISK", 1, school_track::isk, {}, "ISK building across the road"});

  const consent by_parent{consent_giver::parent, consent_day, std::nullopt};
  for (std::uint32_t i = 0; i < applicants.size(); ++i) {
    const auto& row = applicants[i];
    student st;
    st.id = student_id{i + 1};
    st.name = "Student " + std::to_string(i + 1);
    st.gender = row.gender;
    st.birth_date = date(2002, 1 + i % 12, 1 + i);
    st.year = 3;
    st.track = tracks[static_cast<std::size_t>(row.class_index)];
    st.class_of = class_id{static_cast<std::uint32_t>(row.class_index) + 1};
    st.grades = report(row.fail_marks, static_cast<int>(i));
    st.interests = {row.interest};
    st.offers = {row.offer};
    st.consent = by_parent;
    s.students.push_back(std::move(st));
  }
  for (std::uint32_t i = 0; i < newcomers.size(); ++i) {
    student st;
    st.id = student_id{101 + i};
    st.name = "Student " + std::to_string(101 + i);
    st.gender = newcomers[i].gender;
    st.birth_date = date(2003, 1 + i % 12, 2 + i);
    st.year = 1;
    st.track = school_track::isk;
    st.class_of = isk_class;
    st.interests = {newcomers[i].interest};
    st.wants = {newcomers[i].want};
    st.consent = by_parent;
    s.students.push_back(std::move(st));
  }
  return s;
}

/// Every applicant had an individual talk with the coordinator, who rated the traits.
std::vector<application> applications_received() {
  std::vector<application> out;
  for (std::uint32_t i = 0; i < applicants.size(); ++i) {
    const auto& row = applicants[i];
    application a{application_id{i + 1}, student_id{i + 1}, supporter_role::newcomer_buddy};
    record_interview(a,
                     {interview_format::individual,
                      {{"takes_initiative", row.initiative},
                       {"emotionally_stable", row.stable},
                       {"empathy", row.empathy},
                       {"socially_skilled", row.social},
                       {"intercultural_interest", row.intercultural},
                       {"patient", row.patient},
                       {"talks_easily", row.talks}},
                      coordinator_id,
                      interview_day},
                     rating_scale{});
    out.push_back(std::move(a));
  }
  return out;
}

programme_data programme_document(const school& s) {
  programme_data d;
  d.year = school_year{2016};
  d.pairing_date = first_meeting;
  d.applications = applications_received();
  for (const auto& st : s.students)
    if (st.is_newcomer()) d.support_requests.push_back({st.id, supporter_role::newcomer_buddy});
  // The coordinator's choice from the talks: Student 3 takes on two newcomers.
  d.pinned_pairs = {{student_id{3}, student_id{101}}, {student_id{3}, student_id{102}}};
  return d;
}

/// The 2016-2017 school holidays of region noord (rijksoverheid.nl).
school_calendar calendar_2016() {
  const school_year y{2016};
  const auto n = holiday_region::noord;
  const auto advice = holiday_status::advisory, fixed = holiday_status::compulsory;
  return {n,
          {{y, holiday_kind::autumn, n, date(2016, 10, 15), date(2016, 10, 23), advice},
           {y, holiday_kind::christmas, n, date(2016, 12, 24), date(2017, 1, 8), fixed},
           {y, holiday_kind::spring, n, date(2017, 2, 18), date(2017, 2, 26), advice},
           {y, holiday_kind::may, n, date(2017, 4, 22), date(2017, 4, 30), fixed},
           {y, holiday_kind::summer, n, date(2017, 7, 15), date(2017, 8, 27), fixed}},
          {}};
}

std::string names(const school& s, const std::vector<student_id>& ids) {
  std::string out;
  for (std::size_t i = 0; i < ids.size(); ++i)
    out += (i == 0 ? "" : i + 1 == ids.size() ? " and " : ", ") + s.find(ids[i])->name;
  return out;
}

}  // namespace

int main() {
  const school college = hoofdvaart_college();
  newcomer_programme prog{college, programme_document(college)};
  const school& sch = prog.school_data();
  const auto requests = prog.support_requests();

  // Selection, decided by the coordinator.
  const auto selection = prog.select(requests);
  const auto& chosen = selection.roles.front();
  std::cout << "Selection (" << to_iso_extended_string(decision_day) << ", by "
            << sch.find(coordinator_id)->name << "): " << chosen.candidates.size() << " applied, "
            << chosen.count(verdict::accepted) << " chosen for " << requests.size()
            << " newcomers.\n";
  for (const auto& c : chosen.candidates) {
    prog.add(application_step{c.application, state_of(c.decision), decision_day, coordinator_id});
    if (c.decision == verdict::rejected)
      std::cout << "  not chosen: " << sch.find(c.student)->name << ": " << c.reasons_text()
                << "\n";
  }

  // Training: two sessions of four hours.
  const auto accepted = chosen.students(verdict::accepted);
  for (const auto day : training_days)
    for (const auto buddy : accepted)
      prog.add(training_session{buddy, supporter_role::newcomer_buddy, day, 4 * 60});
  std::cout << "\nTraining: " << training_days.size() << " sessions of 4 hours, on "
            << to_iso_extended_string(training_days[0]) << " and "
            << to_iso_extended_string(training_days[1]) << ".\n";

  // The coordinator pairs on the day of the first meeting, with the decisions and the
  // training recorded so far.
  const auto pairing = prog.pair(prog.record().state().applications, requests);
  const auto& round = pairing.roles.front();
  const auto triples = std::count_if(
      pairing.pairs.begin(), pairing.pairs.end(),
      [](const support_pair& p) { return p.supportees.size() == 2; });
  std::cout << "\nPairing (first meeting " << to_iso_extended_string(first_meeting)
            << "): " << pairing.pairs.size() - static_cast<std::size_t>(triples) << " pairs and "
            << triples << (triples == 1 ? " triple, " : " triples, ")
            << accepted.size() - round.result.unused_supporters.size() << " of " << accepted.size()
            << " buddies for " << round.result.supported << " newcomers.\n";
  for (const auto& p : pairing.pairs) {
    prog.add(pairing_started{p, std::nullopt});
    // The supportee knows beforehand that a buddy cannot keep secrets (000 step 6).
    prog.add(secrecy_notice{p.id, p.started});
    if (p.supportees.size() > 1)
      std::cout << "  triple: " << names(sch, p.supporters) << " supports "
                << names(sch, p.supportees) << " (pair " << p.id.value() << ")\n";
  }
  for (const auto& u : round.explanation.unused_supporters) {
    const auto held = [&](bool pinned) {
      return std::count_if(u.candidates.begin(), u.candidates.end(), [&](const candidate_note& n) {
        return n.status == candidate_status::taken && n.held_by_better &&
               std::any_of(n.held_by.begin(), n.held_by.end(),
                           [&](const held_pair& h) { return h.pinned == pinned; });
      });
    };
    std::cout << "  not needed: " << sch.find(u.who)->name << " (" << key_of(u.reason) << "): of "
              << u.candidates.size() << " newcomers, " << held(false)
              << " are with a buddy who scores at least as high and " << held(true)
              << " are pinned to their buddy\n";
  }

  // The first meeting, then the long break twice a week: an hour a week at school.
  constexpr std::array<contact_topic, 5> topics{
      contact_topic::finding_the_way, contact_topic::dutch_language, contact_topic::making_contacts,
      contact_topic::homework_planning, contact_topic::joint_activity};
  const support_pair& stopping = pairing.pairs[5];  // the pair that stops in January
  const date stop_day(2017, 1, 20);
  std::vector<date> long_breaks;
  for (const date monday : {date(2016, 12, 5), date(2016, 12, 12), date(2016, 12, 19),
                            date(2017, 1, 9), date(2017, 1, 16), date(2017, 1, 23)})
    for (const int offset : {1, 3}) long_breaks.push_back(monday + boost::gregorian::days(offset));
  for (const auto& p : pairing.pairs)
    prog.add(contact_record{
        p.id, first_meeting, 60, contact_kind::at_school, {contact_topic::getting_to_know}, false});
  int contacts = static_cast<int>(pairing.pairs.size());
  for (std::size_t week = 0; week < long_breaks.size(); ++week)
    for (const auto& p : pairing.pairs) {
      if (p.id == stopping.id && long_breaks[week] >= stop_day) continue;
      prog.add(contact_record{p.id,
                              long_breaks[week],
                              30,
                              contact_kind::at_school,
                              {topics[week / 2 % topics.size()]},
                              false});
      ++contacts;
    }
  std::cout << "\nContacts: " << contacts << " recorded, the long breaks from "
            << to_iso_extended_string(long_breaks.front()) << " to "
            << to_iso_extended_string(long_breaks.back()) << ".\n";

  // One pair stops; the source gives no reason, so it is recorded as the two not clicking.
  prog.add(pair_ended{stopping.id, stop_day, end_reason::no_click, std::nullopt});
  const auto& records = prog.record().state().records;
  for (const auto& closure : records.closures)
    std::cout << "Closed: pair " << closure.pair.value() << " ("
              << names(sch, records.find_pair(closure.pair)->supporters) << " with "
              << names(sch, records.find_pair(closure.pair)->supportees) << ") on "
              << to_iso_extended_string(closure.on) << ", " << key_of(kind_of(closure))
              << ", reason " << key_of(closure.reason) << ".\n";

  const auto status = prog.status_on(status_day, calendar_2016());
  std::cout << "\nStatus on " << to_iso_extended_string(status_day) << ": "
            << status.active_pairs.size() << " of " << pairing.pairs.size() << " pairs active, "
            << status.in_training.size() << " buddies in training, " << status.overdue.size()
            << " overdue.\n";
  std::map<std::string_view, int> overdue;
  for (const auto& a : status.overdue) ++overdue[key_of(a.rule)];
  for (const auto& [rule, count] : overdue)
    std::cout << "  overdue: " << rule << " x" << count << "\n";
  for (const auto& r : status.rematches)
    std::cout << "  " << sch.find(r.supportee)->name << " (pair " << r.ended.value()
              << "): rematch " << key_of(r.decision.verdict) << "\n";
  std::cout << "Record: " << prog.record().size() << " dated entries.\n";
}
