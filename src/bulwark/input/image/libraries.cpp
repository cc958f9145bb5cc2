#include "bulwark/input/image/libraries.hpp"

#include "bulwark/util/shared_library.hpp"

namespace bulwark::input::image::lib {

const Curl& curl() {
    static const Curl loaded = [] {
        // Debian's libcurl4 (OpenSSL); libcurl3-gnutls has the same ABI.
        static const util::SharedLibrary so({"libcurl.so.4", "libcurl-gnutls.so.4"}, "libcurl4");
        Curl c;
#define BULWARK_CURL_LOAD(name) c.name = so.function<decltype(c.name)>("curl_" #name);
        BULWARK_CURL_FUNCTIONS(BULWARK_CURL_LOAD)
#undef BULWARK_CURL_LOAD
        return c;
    }();
    return loaded;
}

const Archive& archive() {
    static const Archive loaded = [] {
        static const util::SharedLibrary so({"libarchive.so.13"}, "libarchive13");
        Archive a;
#define BULWARK_ARCHIVE_LOAD(name) a.name = so.function<decltype(a.name)>("archive_" #name);
        BULWARK_ARCHIVE_FUNCTIONS(BULWARK_ARCHIVE_LOAD)
#undef BULWARK_ARCHIVE_LOAD
        a.error_number = so.function<decltype(a.error_number)>("archive_errno");
        return a;
    }();
    return loaded;
}

const Crypto& crypto() {
    static const Crypto loaded = [] {
        static const util::SharedLibrary so({"libcrypto.so.3"}, "libssl3");
        Crypto c;
#define BULWARK_CRYPTO_LOAD(name) c.name = so.function<decltype(c.name)>("EVP_" #name);
        BULWARK_CRYPTO_FUNCTIONS(BULWARK_CRYPTO_LOAD)
#undef BULWARK_CRYPTO_LOAD
        return c;
    }();
    return loaded;
}

const Sqlite& sqlite() {
    static const Sqlite loaded = [] {
        static const util::SharedLibrary so({"libsqlite3.so.0"}, "libsqlite3-0");
        Sqlite s;
#define BULWARK_SQLITE_LOAD(name) s.name = so.function<decltype(s.name)>("sqlite3_" #name);
        BULWARK_SQLITE_FUNCTIONS(BULWARK_SQLITE_LOAD)
#undef BULWARK_SQLITE_LOAD
        return s;
    }();
    return loaded;
}

}  // namespace bulwark::input::image::lib
