#include "bulwark/input/image/digest.hpp"

#include <stdexcept>

#include "bulwark/input/image/libraries.hpp"

namespace bulwark::input::image {

struct Sha256::Impl {
    const lib::Crypto& evp = lib::crypto();  // loads libcrypto on the first hasher
    EVP_MD_CTX* ctx = nullptr;
};

Sha256::Sha256() : m_impl(std::make_unique<Impl>()) {
    m_impl->ctx = m_impl->evp.MD_CTX_new();
    if (m_impl->ctx == nullptr ||
        m_impl->evp.DigestInit_ex(m_impl->ctx, m_impl->evp.sha256(), nullptr) != 1) {
        m_impl->evp.MD_CTX_free(m_impl->ctx);
        throw std::runtime_error("OpenSSL: cannot initialise SHA-256");
    }
}

Sha256::~Sha256() {
    m_impl->evp.MD_CTX_free(m_impl->ctx);
}

void Sha256::update(std::string_view bytes) {
    if (!bytes.empty()) {
        m_impl->evp.DigestUpdate(m_impl->ctx, bytes.data(), bytes.size());
    }
}

std::string Sha256::digest() {
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    m_impl->evp.DigestFinal_ex(m_impl->ctx, md, &len);
    m_impl->evp.DigestInit_ex(m_impl->ctx, m_impl->evp.sha256(), nullptr);
    static constexpr char k_hex[] = "0123456789abcdef";
    std::string out = "sha256:";
    for (unsigned int i = 0; i < len; ++i) {
        out += k_hex[md[i] >> 4U];
        out += k_hex[md[i] & 0xFU];
    }
    return out;
}

std::string Sha256::of(std::string_view bytes) {
    Sha256 h;
    h.update(bytes);
    return h.digest();
}

bool is_sha256_digest(std::string_view digest) {
    if (digest.size() != 71 || digest.substr(0, 7) != "sha256:") {
        return false;
    }
    for (char c : digest.substr(7)) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return false;
        }
    }
    return true;
}

std::string short_digest(std::string_view digest) {
    size_t colon = digest.find(':');
    size_t keep = colon == std::string_view::npos ? 12 : colon + 13;
    return std::string(digest.substr(0, keep));
}

}  // namespace bulwark::input::image
