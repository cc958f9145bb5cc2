// util::SharedLibrary and the libcurl/libarchive tables loaded through it (input/image/libraries.hpp).
#include <gtest/gtest.h>

#include <cstring>
#include <stdexcept>
#include <string>

#include "bulwark/input/image/libraries.hpp"
#include "bulwark/util/shared_library.hpp"

namespace bulwark {
namespace {

std::string error_of(void (*f)()) {
    try {
        f();
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    return "";
}

TEST(SharedLibrary, LoadsTheFirstSonameThatExistsAndCallsItsFunctions) {
    util::SharedLibrary libc({"libbulwark-missing.so.9", "libc.so.6"}, "libc6");
    EXPECT_EQ(libc.soname(), "libc.so.6");
    auto length = libc.function<decltype(&::strlen)>("strlen");
    EXPECT_EQ(length("bulwark"), 7U);
}

TEST(SharedLibrary, MissingLibraryNamesEverySonameAndThePackage) {
    std::string error = error_of([] { util::SharedLibrary({"libnope.so.1", "libnope.so.2"}, "libnope1"); });
    EXPECT_NE(error.find("cannot load libnope.so.1 or libnope.so.2 ("), std::string::npos) << error;
    EXPECT_NE(error.find("install Debian's libnope1 package"), std::string::npos) << error;
}

TEST(SharedLibrary, MissingFunctionIsNamed) {
    std::string error = error_of([] {
        util::SharedLibrary libc({"libc.so.6"}, "libc6");
        libc.symbol("bulwark_no_such_function");
    });
    EXPECT_EQ(error.rfind("libc.so.6 has no bulwark_no_such_function", 0), 0U) << error;
}

TEST(SharedLibrary, CurlTableHasEveryFunctionAndWorks) {
    const input::image::lib::Curl& curl = input::image::lib::curl();
#define BULWARK_EXPECT_SET(name) EXPECT_NE(curl.name, nullptr) << #name;
    BULWARK_CURL_FUNCTIONS(BULWARK_EXPECT_SET)
#undef BULWARK_EXPECT_SET
    EXPECT_STREQ(curl.easy_strerror(CURLE_OK), "No error");
    CURL* handle = curl.easy_init();
    ASSERT_NE(handle, nullptr);
    curl.easy_cleanup(handle);
    EXPECT_EQ(&input::image::lib::curl(), &curl) << "loaded once";
}

TEST(SharedLibrary, ArchiveTableHasEveryFunctionAndReadsATar) {
    const input::image::lib::Archive& ar = input::image::lib::archive();
#define BULWARK_EXPECT_SET(name) EXPECT_NE(ar.name, nullptr) << #name;
    BULWARK_ARCHIVE_FUNCTIONS(BULWARK_EXPECT_SET)
#undef BULWARK_EXPECT_SET
    EXPECT_NE(ar.error_number, nullptr);
    // A one-file ustar archive: "a.txt" holding "hi".
    std::string tar(1536, '\0');
    std::memcpy(tar.data(), "a.txt", 5);
    std::memcpy(tar.data() + 100, "0000644", 7);
    std::memcpy(tar.data() + 108, "0000000", 7);
    std::memcpy(tar.data() + 116, "0000000", 7);
    std::memcpy(tar.data() + 124, "00000000002", 11);
    std::memcpy(tar.data() + 136, "00000000000", 11);
    tar[156] = '0';
    std::memcpy(tar.data() + 257, "ustar", 6);
    std::memcpy(tar.data() + 263, "00", 2);
    std::memset(tar.data() + 148, ' ', 8);
    unsigned sum = 0;
    for (size_t i = 0; i < 512; ++i) {
        sum += static_cast<unsigned char>(tar[i]);
    }
    std::snprintf(tar.data() + 148, 8, "%06o", sum);
    std::memcpy(tar.data() + 512, "hi", 2);

    struct archive* a = ar.read_new();
    ASSERT_NE(a, nullptr);
    ar.read_support_format_tar(a);
    ASSERT_EQ(ar.read_open_memory(a, tar.data(), tar.size()), ARCHIVE_OK) << ar.error_string(a);
    struct archive_entry* e = nullptr;
    ASSERT_EQ(ar.read_next_header(a, &e), ARCHIVE_OK) << ar.error_string(a);
    EXPECT_STREQ(ar.entry_pathname(e), "a.txt");
    EXPECT_EQ(ar.entry_size(e), 2);
    char data[8] = {};
    EXPECT_EQ(ar.read_data(a, data, sizeof data), 2);
    EXPECT_STREQ(data, "hi");
    EXPECT_EQ(ar.read_next_header(a, &e), ARCHIVE_EOF);
    ar.read_free(a);
}

}  // namespace
}  // namespace bulwark
