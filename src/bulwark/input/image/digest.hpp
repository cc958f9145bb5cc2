#pragma once
// SHA-256 over bytes that stream by (layer blobs, uncompressed layer tars, configs), for digest checks.
#include <memory>
#include <string>
#include <string_view>

namespace bulwark::input::image {

/// Incremental SHA-256 (OpenSSL EVP).
class Sha256 {
  public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;

    void update(std::string_view bytes);
    /// "sha256:<64 hex>" of everything so far; the hasher then starts over.
    std::string digest();

    /// "sha256:<64 hex>" of `bytes`.
    static std::string of(std::string_view bytes);

  private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// True when `digest` is "sha256:" followed by 64 lower-case hex digits.
bool is_sha256_digest(std::string_view digest);

/// "sha256:0123456789ab" (the first 12 hex digits) for messages.
std::string short_digest(std::string_view digest);

}  // namespace bulwark::input::image
