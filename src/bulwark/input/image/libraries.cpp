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

}  // namespace bulwark::input::image::lib
