#pragma once
// libcurl (the Engine API), libarchive (image archives, layers, jars), libcrypto (SHA-256 of blobs,
// SHA-1 of SBOM serial numbers) and libsqlite3 (rpm's rpmdb.sqlite), loaded on first use through
// util::SharedLibrary so that the scans which never touch an image do not load them at start-up.
// Call sites read `lib::curl().easy_perform(c)` where they would read `curl_easy_perform(c)`.
#include <archive.h>
#include <archive_entry.h>
#include <curl/curl.h>
#include <openssl/evp.h>
#include <sqlite3.h>

namespace bulwark::input::image::lib {

// The functions bulwark calls, by their name without the library's prefix. (clang-format does not
// settle on one layout for these lists: it is off for them.)
// clang-format off
#define BULWARK_CURL_FUNCTIONS(X)                                                           \
    X(global_init) X(easy_init) X(easy_setopt) X(easy_getinfo) X(easy_perform) X(easy_pause) \
    X(easy_cleanup) X(easy_strerror) X(multi_init) X(multi_add_handle) X(multi_remove_handle) \
    X(multi_perform) X(multi_poll) X(multi_info_read) X(multi_strerror) X(multi_cleanup)

#define BULWARK_ARCHIVE_FUNCTIONS(X)                                                              \
    X(read_new) X(read_free) X(read_support_filter_all) X(read_support_format_tar)                \
    X(read_support_format_zip) X(read_support_format_raw) X(read_open) X(read_open_memory)        \
    X(read_open_filename) X(read_next_header) X(read_data) X(read_data_block) X(error_string)      \
    X(set_error) X(filter_code) X(filter_name) X(entry_pathname) X(entry_symlink)                 \
    X(entry_hardlink) X(entry_filetype) X(entry_perm) X(entry_size) X(entry_size_is_set)          \
    X(entry_uid) X(entry_gid)

#define BULWARK_CRYPTO_FUNCTIONS(X) \
    X(MD_CTX_new) X(MD_CTX_free) X(DigestInit_ex) X(DigestUpdate) X(DigestFinal_ex) X(sha256) X(sha1)

#define BULWARK_SQLITE_FUNCTIONS(X)                                                               \
    X(open_v2) X(close) X(db_config) X(limit) X(malloc64) X(deserialize) X(errstr) X(errmsg)       \
    X(prepare_v2) X(finalize) X(step) X(column_blob) X(column_bytes)
// clang-format on

/// libcurl's functions.
struct Curl {
#define BULWARK_CURL_MEMBER(name) decltype(&::curl_##name) name = nullptr;
    BULWARK_CURL_FUNCTIONS(BULWARK_CURL_MEMBER)
#undef BULWARK_CURL_MEMBER
};

/// libarchive's functions.
struct Archive {
#define BULWARK_ARCHIVE_MEMBER(name) decltype(&::archive_##name) name = nullptr;
    BULWARK_ARCHIVE_FUNCTIONS(BULWARK_ARCHIVE_MEMBER)
#undef BULWARK_ARCHIVE_MEMBER
    decltype(&::archive_errno) error_number = nullptr;  // archive_errno: `errno` is a macro
};

/// libcrypto's functions (EVP_ without its prefix).
struct Crypto {
#define BULWARK_CRYPTO_MEMBER(name) decltype(&::EVP_##name) name = nullptr;
    BULWARK_CRYPTO_FUNCTIONS(BULWARK_CRYPTO_MEMBER)
#undef BULWARK_CRYPTO_MEMBER
};

/// libsqlite3's functions.
struct Sqlite {
#define BULWARK_SQLITE_MEMBER(name) decltype(&::sqlite3_##name) name = nullptr;
    BULWARK_SQLITE_FUNCTIONS(BULWARK_SQLITE_MEMBER)
#undef BULWARK_SQLITE_MEMBER
};

/// libcurl, loaded on the first call (thread-safe); throws std::runtime_error naming the missing
/// library or function when it cannot be loaded.
const Curl& curl();
/// libarchive, loaded on the first call (thread-safe); throws as curl() does.
const Archive& archive();
/// libcrypto, loaded on the first call (thread-safe); throws as curl() does.
const Crypto& crypto();
/// libsqlite3, loaded on the first call (thread-safe); throws as curl() does.
const Sqlite& sqlite();

}  // namespace bulwark::input::image::lib
