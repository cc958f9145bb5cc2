#pragma once
// libcurl (the Engine API) and libarchive (image archives, layers, jars), loaded on first use through
// util::SharedLibrary so that the scans which never touch an image do not load them at start-up.
// Call sites read `lib::curl().easy_perform(c)` where they would read `curl_easy_perform(c)`.
#include <archive.h>
#include <archive_entry.h>
#include <curl/curl.h>

namespace bulwark::input::image::lib {

// The functions bulwark calls, by their name without the library's prefix.
#define BULWARK_CURL_FUNCTIONS(X)                                                                 \
    X(global_init)                                                                                \
    X(easy_init)                                                                                  \
    X(easy_setopt) X(easy_getinfo) X(easy_perform) X(easy_pause) X(easy_cleanup) X(easy_strerror) \
        X(multi_init) X(multi_add_handle) X(multi_remove_handle) X(multi_perform) X(multi_poll)   \
            X(multi_info_read) X(multi_strerror) X(multi_cleanup)

#define BULWARK_ARCHIVE_FUNCTIONS(X)                                                                        \
    X(read_new)                                                                                             \
    X(read_free) X(read_support_filter_all) X(read_support_format_tar) X(read_support_format_zip)           \
        X(read_support_format_raw) X(read_open) X(read_open_memory) X(read_open_filename)                   \
            X(read_next_header) X(read_data) X(read_data_block) X(error_string) X(set_error) X(filter_code) \
                X(filter_name) X(entry_pathname) X(entry_symlink) X(entry_hardlink) X(entry_filetype)       \
                    X(entry_perm) X(entry_size) X(entry_size_is_set) X(entry_uid) X(entry_gid)

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

/// libcurl, loaded on the first call (thread-safe); throws std::runtime_error naming the missing
/// library or function when it cannot be loaded.
const Curl& curl();
/// libarchive, loaded on the first call (thread-safe); throws as curl() does.
const Archive& archive();

}  // namespace bulwark::input::image::lib
