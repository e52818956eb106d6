#pragma once
// Definitions of icalendar.hpp: inline here in header-only mode, compiled once into
// peerkit::compiled when PEERKIT_COMPILED is defined (see config.hpp).

#include <peerkit/calendar/icalendar.hpp>
#include <peerkit/config.hpp>

namespace peerkit {

PEERKIT_INLINE std::string detail::ical_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '\\': out += "\\\\"; break;
      case ';': out += "\\;"; break;
      case ',': out += "\\,"; break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        out += "\\n";
        break;
      case '\n': out += "\\n"; break;
      default:
        if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == '\x7f') break;
        out += c;
    }
  }
  return out;
}

PEERKIT_INLINE std::string detail::ical_fold(std::string_view line) {
  constexpr std::size_t limit = 75;
  std::string out;
  std::size_t room = limit;
  while (line.size() > room) {
    std::size_t cut = room;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    if (cut == 0) cut = room;  // not UTF-8 at all: break anywhere rather than never
    out.append(line.substr(0, cut));
    out += "\r\n ";
    line.remove_prefix(cut);
    room = limit - 1;  // the leading space takes one octet
  }
  out.append(line);
  out += "\r\n";
  return out;
}

PEERKIT_INLINE std::size_t detail::invalid_utf8_at(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto b = static_cast<unsigned char>(text[i]);
    std::size_t len = 0;
    std::uint32_t cp = 0;
    if (b < 0x80) {
      ++i;
      continue;
    }
    if ((b & 0xE0) == 0xC0) {
      len = 2;
      cp = b & 0x1Fu;
    } else if ((b & 0xF0) == 0xE0) {
      len = 3;
      cp = b & 0x0Fu;
    } else if ((b & 0xF8) == 0xF0) {
      len = 4;
      cp = b & 0x07u;
    } else {
      return i;
    }
    if (i + len > text.size()) return i;
    for (std::size_t k = 1; k < len; ++k) {
      const auto c = static_cast<unsigned char>(text[i + k]);
      if ((c & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (c & 0x3Fu);
    }
    const std::uint32_t min_cp[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min_cp[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += len;
  }
  return std::string_view::npos;
}

PEERKIT_INLINE std::uint64_t detail::fnv1a_64(std::string_view bytes, std::uint64_t hash) {
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

PEERKIT_INLINE std::string detail::two_digits(int n) {
  return {static_cast<char>('0' + n / 10), static_cast<char>('0' + n % 10)};
}

PEERKIT_INLINE std::string detail::ical_date(date d) {
  return std::to_string(static_cast<int>(d.year())) + two_digits(d.month()) + two_digits(d.day());
}

PEERKIT_INLINE std::string detail::ical_date_time(const boost::posix_time::ptime& t) {
  const auto tod = t.time_of_day();
  return ical_date(t.date()) + 'T' + two_digits(static_cast<int>(tod.hours())) +
         two_digits(static_cast<int>(tod.minutes())) + two_digits(static_cast<int>(tod.seconds()));
}

PEERKIT_INLINE std::string icalendar_uid(std::string_view event_id,
                                         std::string_view uid_namespace) {
  // The namespace and the id are hashed with a separator, so ("ab", "c") and ("a", "bc")
  // differ.
  const std::uint64_t h = detail::fnv1a_64(event_id,
                                           detail::fnv1a_64(std::string(uid_namespace) + '\x1f'));
  constexpr char hex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15, shift = 0; i >= 0; --i, shift += 4)
    out[static_cast<std::size_t>(i)] = hex[(h >> shift) & 0xF];
  return out + '@' + std::string(uid_namespace);
}

PEERKIT_INLINE std::string to_icalendar(const std::vector<calendar_event>& events,
                                        const icalendar_options& options) {
  PEERKIT_ASSERT(!options.dtstamp.is_special(), "icalendar_options::dtstamp must be set");
  problem_list problems;
  std::set<std::string_view> ids;
  for (std::size_t i = 0; i < events.size(); ++i) {
    const auto& e = events[i];
    const std::string at = element_location("events", i);
    if (e.id.empty())
      problems.add("icalendar.missing_id", at + ".id", "expected an id, found none");
    else if (!ids.insert(e.id).second)
      problems.add("icalendar.duplicate_id", at + ".id",
                   "expected a unique id, found \"" + e.id + "\" again");
    const std::pair<const char*, const std::string*> texts[] = {{"summary", &e.summary},
                                                                {"description", &e.description},
                                                                {"location", &e.location},
                                                                {"id", &e.id}};
    for (const auto& [name, text] : texts)
      if (const auto bad = detail::invalid_utf8_at(*text); bad != std::string_view::npos)
        problems.add("icalendar.utf8", at + '.' + name,
                     "expected UTF-8 text, found an invalid byte at offset " + std::to_string(bad));
    for (std::size_t c = 0; c < e.categories.size(); ++c)
      if (const auto bad = detail::invalid_utf8_at(e.categories[c]); bad != std::string_view::npos)
        problems.add("icalendar.utf8", at + ".categories[" + std::to_string(c) + "]",
                     "expected UTF-8 text, found an invalid byte at offset " + std::to_string(bad));
    if (e.start && e.days != 1)
      problems.add("icalendar.timed_days", at + ".days",
                   "expected 1 day for a timed event (its duration sets its end), found " +
                       std::to_string(e.days));
    PEERKIT_ASSERT(!e.day.is_special() && e.days >= 1,
                   "calendar_event needs a day and at least one day");
  }
  problems.throw_if_any();

  std::string out;
  const auto line = [&out](std::string_view text) { out += detail::ical_fold(text); };
  const auto text_line = [&line](std::string_view name, std::string_view value) {
    line(std::string(name) + ':' + detail::ical_escape(value));
  };
  line("BEGIN:VCALENDAR");
  line("VERSION:2.0");
  text_line("PRODID", options.product_id);
  line("CALSCALE:GREGORIAN");
  line("METHOD:PUBLISH");
  if (!options.calendar_name.empty()) text_line("X-WR-CALNAME", options.calendar_name);
  const bool timed = std::any_of(events.begin(), events.end(),
                                 [](const calendar_event& e) { return e.start.has_value(); });
  if (timed)
    for (const auto l : detail::amsterdam_vtimezone) line(l);

  const std::string stamp = "DTSTAMP:" + detail::ical_date_time(options.dtstamp) + 'Z';
  const std::string tzid = ";TZID=" + std::string(icalendar_time_zone) + ':';
  for (const auto& e : events) {
    line("BEGIN:VEVENT");
    line("UID:" + detail::ical_escape(icalendar_uid(e.id, options.uid_namespace)));
    line(stamp);
    if (e.start) {
      const boost::posix_time::ptime begin(e.day, *e.start);
      line("DTSTART" + tzid + detail::ical_date_time(begin));
      line("DTEND" + tzid + detail::ical_date_time(begin + e.duration));
    } else {
      line("DTSTART;VALUE=DATE:" + detail::ical_date(e.day));
      line("DTEND;VALUE=DATE:" + detail::ical_date(e.day + boost::gregorian::days(e.days)));
      line("TRANSP:TRANSPARENT");  // an all-day marker should not block the day as busy
    }
    text_line("SUMMARY", e.summary);
    if (!e.description.empty()) text_line("DESCRIPTION", e.description);
    if (!e.location.empty()) text_line("LOCATION", e.location);
    if (!e.categories.empty()) {
      std::string list;
      for (const auto& c : e.categories) list += (list.empty() ? "" : ",") + detail::ical_escape(c);
      line("CATEGORIES:" + list);
    }
    line("END:VEVENT");
  }
  line("END:VCALENDAR");
  return out;
}

PEERKIT_INLINE void write_icalendar_file(const std::filesystem::path& path,
                                         const std::vector<calendar_event>& events,
                                         const icalendar_options& options) {
  const std::string text = to_icalendar(events, options);
  std::ofstream file(path, std::ios::binary);
  if (!(file << text))
    throw error("icalendar.file", path.string(), "expected a writable file, found none");
}

}  // namespace peerkit
