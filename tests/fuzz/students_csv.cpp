// A student list, read on its own against the classes of a school and merged into it.

#include <peerkit/io/school_json.hpp>
#include <peerkit/io/student_csv.hpp>
#include <peerkit/io/text_file.hpp>

#include "fuzz_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto base = peerkit::io::read_school(
      peerkit::io::read_text_file(peerkit::fuzz::named_files / "school.json"));
  return peerkit::fuzz::check_reader(data, size, [](std::string_view text) {
    (void)peerkit::io::read_students_csv(text, "students.csv", base.classes);
    (void)peerkit::io::merge_students_csv(base, text, "students.csv");
  });
}
