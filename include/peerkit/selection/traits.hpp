#pragma once
// The personal traits a school looks for in its supporters (source 000 step 4; 001).
// A trait is a tag type with a key; the key is what student records and interview
// ratings use ("empathy": 4). A school adds a trait of its own with a tag of its own,
// without touching peerkit:
//
//   struct punctual { static constexpr std::string_view key = "punctual"; };
//   using our_profile = peerkit::extend<peerkit::buddy_profile, peerkit::welcome<punctual>>;

#include <array>
#include <concepts>
#include <string>
#include <string_view>

namespace peerkit {

namespace detail {
/// A trait key is one word for files and records: not empty, no spaces or control bytes.
constexpr bool valid_trait_key(std::string_view key) noexcept {
  if (key.empty()) return false;
  for (char c : key)
    if (static_cast<unsigned char>(c) <= ' ' || c == '\x7f') return false;
  return true;
}
}  // namespace detail

/// A personal trait: a tag type with a valid `key`.
template <class T>
concept Trait = requires {
  { T::key } -> std::convertible_to<std::string_view>;
} && detail::valid_trait_key(T::key);

// Required for peer leaders and peer buddies (000 step 4).
/// Takes initiative (initiatiefrijk).
struct takes_initiative {
  static constexpr std::string_view key = "takes_initiative";
};
/// Emotionally stable (emotioneel stabiel).
struct emotionally_stable {
  static constexpr std::string_view key = "emotionally_stable";
};
/// Empathy (inlevingsvermogen).
struct empathy {
  static constexpr std::string_view key = "empathy";
};
/// Socially skilled (sociaal vaardig).
struct socially_skilled {
  static constexpr std::string_view key = "socially_skilled";
};

// Added for the newcomer buddy (000 step 4).
/// Interest in students from other countries and cultures.
struct intercultural_interest {
  static constexpr std::string_view key = "intercultural_interest";
};

// Welcome but not required: they can be learned on the job (000 step 4).
/// Solves problems (probleemoplossend).
struct problem_solving {
  static constexpr std::string_view key = "problem_solving";
};
/// Flexible.
struct flexible {
  static constexpr std::string_view key = "flexible";
};
/// Communicative (communicatief vaardig).
struct communicative {
  static constexpr std::string_view key = "communicative";
};
/// Can plan and organise (kan plannen en organiseren).
struct plans_and_organises {
  static constexpr std::string_view key = "plans_and_organises";
};
/// Likes working together (werkt graag samen).
struct likes_working_together {
  static constexpr std::string_view key = "likes_working_together";
};

// Hoofdvaart College's criteria besides "social" (001).
/// Patient (geduldig).
struct patient {
  static constexpr std::string_view key = "patient";
};
/// Talks easily (praat gemakkelijk).
struct talks_easily {
  static constexpr std::string_view key = "talks_easily";
};

/// The keys of every trait the sources name, for front ends that offer a choice.
inline constexpr std::array<std::string_view, 12> source_trait_keys{
    takes_initiative::key,       emotionally_stable::key,     empathy::key,  socially_skilled::key,
    intercultural_interest::key, problem_solving::key,        flexible::key, communicative::key,
    plans_and_organises::key,    likes_working_together::key, patient::key,  talks_easily::key,
};

/// How a trait reads in a report: its key with underscores as spaces ("takes initiative").
[[nodiscard]] inline std::string trait_label(std::string_view key) {
  std::string label(key);
  for (char& c : label)
    if (c == '_') c = ' ';
  return label;
}

}  // namespace peerkit
