#pragma once
// A table's rows held in memory as typed columns, handed to Python as numpy arrays: any
// peerkit table sink's rows (peerkit/io/simulation_tables.hpp) become a DataFrame without
// a Python object per number. A column is typed by its cells as pandas types a CSV
// column: integers while every cell is one, doubles (NaN for a missing cell) once a cell
// is a double or missing, text (NaN for a missing cell) once a cell is text. The tables'
// dates (text, YYYY-MM-DD) become datetime64 here: parsed in C++, they cost next to nothing.

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <peerkit/io/table_writer.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace peerkit::python {

/// One column of cells of one kind.
class column {
 public:
  void add(const io::table_cell& cell) {
    std::visit([this](const auto& v) { add_value(v); }, cell.value());
    ++size_;
  }

  /// The column as a numpy array (numbers; dates, when `dates` and every cell is one or
  /// missing) or a list (text). Needs the GIL.
  [[nodiscard]] pybind11::object to_python(bool dates) && {
    namespace py = pybind11;
    if (dates && kind_ == kind::text) return date_array();
    switch (kind_) {
      case kind::integer: return numpy_array(std::move(integers_));
      case kind::number: return numpy_array(std::move(numbers_));
      case kind::text: {
        py::list texts(size_);
        const py::float_ missing(std::numeric_limits<double>::quiet_NaN());
        for (std::size_t i = 0; i < size_; ++i)
          texts[i] = texts_[i] ? py::object(py::str(*texts_[i])) : py::object(missing);
        return texts;
      }
      case kind::missing: break;
    }
    return numpy_array(std::vector<double>(size_, std::numeric_limits<double>::quiet_NaN()));
  }

 private:
  enum class kind { missing, integer, number, text };

  template <class T>
  static pybind11::object numpy_array(std::vector<T>&& values) {
    // numpy reads the vector where it is; the capsule frees it with the array.
    auto owned = std::make_unique<std::vector<T>>(std::move(values));
    const auto size = static_cast<pybind11::ssize_t>(owned->size());
    const T* data = owned->data();
    pybind11::capsule free(owned.get(), [](void* p) { delete static_cast<std::vector<T>*>(p); });
    owned.release();
    return pybind11::array_t<T>(size, data, free);
  }

  /// Days since 1970-01-01 of the proleptic Gregorian date y-m-d (Hinnant's
  /// days_from_civil).
  static std::int64_t days_since_epoch(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto year_of_era = static_cast<unsigned>(y - era * 400);
    const unsigned day_of_year = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 +
                                day_of_year;
    return era * 146097 + static_cast<std::int64_t>(day_of_era) - 719468;
  }

  /// The text cells, each YYYY-MM-DD, as numpy datetime64[D] (NaT where missing).
  [[nodiscard]] pybind11::object date_array() {
    constexpr auto not_a_time = std::numeric_limits<std::int64_t>::min();  // numpy's NaT
    std::vector<std::int64_t> days(size_, not_a_time);
    const auto digits = [](const std::string& t, std::size_t at, std::size_t n) {
      unsigned v = 0;
      for (std::size_t i = at; i < at + n; ++i) v = v * 10 + static_cast<unsigned>(t[i] - '0');
      return v;
    };
    for (std::size_t i = 0; i < size_; ++i)
      if (const auto& t = texts_[i]) {
        PEERKIT_ASSERT(t->size() == 10 && (*t)[4] == '-' && (*t)[7] == '-',
                       "column: a date column holds YYYY-MM-DD");
        days[i] = days_since_epoch(digits(*t, 0, 4), digits(*t, 5, 2), digits(*t, 8, 2));
      }
    return numpy_array(std::move(days)).attr("view")("datetime64[D]");
  }

  void add_value(std::monostate) {
    if (kind_ == kind::integer) to_numbers();
    if (kind_ == kind::number) numbers_.push_back(std::numeric_limits<double>::quiet_NaN());
    if (kind_ == kind::text) texts_.emplace_back();
  }
  void add_value(std::int64_t v) {
    if (kind_ == kind::missing && size_ == 0) kind_ = kind::integer;
    if (kind_ == kind::integer)
      integers_.push_back(v);
    else
      add_value(static_cast<double>(v));
  }
  void add_value(double v) {
    if (kind_ != kind::number) to_numbers();
    numbers_.push_back(v);
  }
  void add_value(const std::string& v) {
    PEERKIT_ASSERT(kind_ == kind::missing || kind_ == kind::text,
                   "column: the cells of a column are numbers or text");
    if (kind_ == kind::missing) texts_.resize(size_);
    kind_ = kind::text;
    texts_.emplace_back(v);
  }

  /// Makes the column one of doubles: its integers as doubles, its missing cells NaN.
  void to_numbers() {
    PEERKIT_ASSERT(kind_ != kind::text, "column: the cells of a column are numbers or text");
    if (kind_ == kind::missing)
      numbers_.assign(size_, std::numeric_limits<double>::quiet_NaN());
    else if (kind_ == kind::integer)
      numbers_.assign(integers_.begin(), integers_.end());
    integers_ = {};
    kind_ = kind::number;
  }

  kind kind_ = kind::missing;
  std::size_t size_ = 0;
  std::vector<std::int64_t> integers_;
  std::vector<double> numbers_;
  std::vector<std::optional<std::string>> texts_;
};

/// A table sink (io::table_sink) that keeps its rows as columns.
class column_table {
 public:
  /// `dates`: the columns that hold dates.
  explicit column_table(std::vector<std::string> names, std::vector<std::string> dates = {})
      : names_(std::move(names)), dates_(std::move(dates)), columns_(names_.size()) {}

  void write_row(std::span<const io::table_cell> row) {
    PEERKIT_ASSERT(row.size() == columns_.size(), "column_table: one cell per column");
    for (std::size_t i = 0; i < row.size(); ++i) columns_[i].add(row[i]);
  }

  /// {name: column} in column order, for pandas.DataFrame. Needs the GIL.
  [[nodiscard]] pybind11::dict to_python() && {
    pybind11::dict out;
    for (std::size_t i = 0; i < names_.size(); ++i)
      out[pybind11::str(names_[i])] =
          std::move(columns_[i])
              .to_python(std::find(dates_.begin(), dates_.end(), names_[i]) != dates_.end());
    return out;
  }

 private:
  std::vector<std::string> names_;
  std::vector<std::string> dates_;
  std::vector<column> columns_;
};

}  // namespace peerkit::python
