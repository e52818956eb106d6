#pragma once
// Definitions of pseudonym.hpp: inline here in header-only mode, compiled once into
// peerkit::compiled when PEERKIT_COMPILED is defined (see config.hpp).

#include <peerkit/config.hpp>
#include <peerkit/privacy/pseudonym.hpp>

namespace peerkit {

PEERKIT_INLINE void detail::sha256::update(std::span<const std::uint8_t> data) noexcept {
  for (const auto byte : data) {
    buffer_[buffered_++] = byte;
    if (buffered_ == buffer_.size()) {
      compress(buffer_.data());
      buffered_ = 0;
    }
  }
  length_ += data.size();
}

PEERKIT_INLINE void detail::sha256::update(std::string_view text) noexcept {
  update(std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
}

PEERKIT_INLINE detail::sha256::digest detail::sha256::finish() noexcept {
  const std::uint64_t bits = length_ * 8;
  const std::array<std::uint8_t, 1> one{0x80};
  update(one);
  const std::array<std::uint8_t, 1> zero{0};
  while (buffered_ != 56) update(zero);
  std::array<std::uint8_t, 8> tail{};
  for (int i = 0; i < 8; ++i)
    tail[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(bits >> (56 - 8 * i));
  update(tail);
  digest out{};
  for (std::size_t i = 0; i < 8; ++i)
    for (std::size_t j = 0; j < 4; ++j)
      out[4 * i + j] = static_cast<std::uint8_t>(state_[i] >> (24 - 8 * j));
  return out;
}

PEERKIT_INLINE void detail::sha256::compress(const std::uint8_t* block) noexcept {
  std::array<std::uint32_t, 64> w{};
  for (std::size_t i = 0; i < 16; ++i)
    w[i] = std::uint32_t{block[4 * i]} << 24 | std::uint32_t{block[4 * i + 1]} << 16 |
           std::uint32_t{block[4 * i + 2]} << 8 | std::uint32_t{block[4 * i + 3]};
  for (std::size_t i = 16; i < 64; ++i) {
    const std::uint32_t s0 = std::rotr(w[i - 15], 7) ^ std::rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
    const std::uint32_t s1 = std::rotr(w[i - 2], 17) ^ std::rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  auto [a, b, c, d, e, f, g, h] = state_;
  for (std::size_t i = 0; i < 64; ++i) {
    const std::uint32_t t1 = h + (std::rotr(e, 6) ^ std::rotr(e, 11) ^ std::rotr(e, 25)) +
                             ((e & f) ^ (~e & g)) + k[i] + w[i];
    const std::uint32_t t2 = (std::rotr(a, 2) ^ std::rotr(a, 13) ^ std::rotr(a, 22)) +
                             ((a & b) ^ (a & c) ^ (b & c));
    h = g;
    g = f;
    f = e;
    e = d + t1;
    d = c;
    c = b;
    b = a;
    a = t1 + t2;
  }
  const std::array<std::uint32_t, 8> add{a, b, c, d, e, f, g, h};
  for (std::size_t i = 0; i < 8; ++i) state_[i] += add[i];
}

PEERKIT_INLINE hmac_sha256::hmac_sha256(std::span<const std::uint8_t> key) noexcept {
  std::array<std::uint8_t, 64> block{};
  if (key.size() > block.size()) {
    detail::sha256 h;
    h.update(key);
    const auto d = h.finish();
    std::copy(d.begin(), d.end(), block.begin());
  } else {
    std::copy(key.begin(), key.end(), block.begin());
  }
  std::array<std::uint8_t, 64> pad{};
  for (std::size_t i = 0; i < pad.size(); ++i) pad[i] = static_cast<std::uint8_t>(block[i] ^ 0x36);
  inner_.update(pad);
  for (std::size_t i = 0; i < pad.size(); ++i) pad[i] = static_cast<std::uint8_t>(block[i] ^ 0x5c);
  outer_.update(pad);
}

PEERKIT_INLINE detail::sha256::digest hmac_sha256::operator()(
    std::span<const std::uint8_t> message) const noexcept {
  auto inner = inner_;
  inner.update(message);
  const auto inner_digest = inner.finish();
  auto outer = outer_;
  outer.update(inner_digest);
  return outer.finish();
}

PEERKIT_INLINE detail::sha256::digest hmac_sha256::operator()(
    std::string_view message) const noexcept {
  return (*this)(std::span(reinterpret_cast<const std::uint8_t*>(message.data()), message.size()));
}

PEERKIT_INLINE std::string pseudonym::to_string() const {
  constexpr std::string_view hex = "0123456789abcdef";
  std::string s;
  s.reserve(32);
  for (auto b : bytes) {
    s += hex[b >> 4];
    s += hex[b & 0x0f];
  }
  return s;
}

PEERKIT_INLINE pseudonymiser pseudonymiser::from_key_file(std::string_view text,
                                                          const std::string& file) {
  if (text.ends_with('\n')) text.remove_suffix(text.ends_with("\r\n") ? 2 : 1);
  return {bytes_of(text), file};
}

PEERKIT_INLINE std::span<const std::uint8_t> pseudonymiser::checked(
    std::span<const std::uint8_t> key, const std::string& location) {
  if (key.size() < min_key_bytes)
    throw error("privacy.weak_key", location,
                (safe_text{} << "expected a key of at least " << min_key_bytes << " bytes, found "
                             << key.size())
                    .str());
  return key;
}

PEERKIT_INLINE pseudonym pseudonymiser::make(std::string_view kind, std::uint32_t value) const {
  std::string text = "peerkit/";
  text += kind;
  text += ':';
  text += std::to_string(value);
  const auto mac = mac_(text);
  pseudonym p;
  std::copy(mac.begin(), mac.begin() + 16, p.bytes.begin());
  return p;
}

}  // namespace peerkit
