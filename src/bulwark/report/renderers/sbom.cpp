#include "bulwark/report/renderers/sbom.hpp"

#include <array>
#include <cctype>
#include <ctime>

#include <fmt/format.h>

#include "bulwark/input/image/libraries.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::report::sbom {

namespace {

/// SPDX license list ids that package metadata commonly uses (all on the SPDX license list 3.x).
constexpr std::string_view k_ids[] = {"0BSD",
                                      "AFL-2.1",
                                      "AGPL-3.0-only",
                                      "AGPL-3.0-or-later",
                                      "Apache-1.1",
                                      "Apache-2.0",
                                      "Artistic-1.0",
                                      "Artistic-1.0-Perl",
                                      "Artistic-2.0",
                                      "BSD-1-Clause",
                                      "BSD-2-Clause",
                                      "BSD-3-Clause",
                                      "BSD-4-Clause",
                                      "BSL-1.0",
                                      "bzip2-1.0.6",
                                      "CC-BY-3.0",
                                      "CC-BY-4.0",
                                      "CC-BY-SA-3.0",
                                      "CC-BY-SA-4.0",
                                      "CC0-1.0",
                                      "CDDL-1.0",
                                      "CDDL-1.1",
                                      "curl",
                                      "EPL-1.0",
                                      "EPL-2.0",
                                      "EUPL-1.2",
                                      "FTL",
                                      "GFDL-1.2-only",
                                      "GFDL-1.2-or-later",
                                      "GFDL-1.3-only",
                                      "GFDL-1.3-or-later",
                                      "GPL-1.0-only",
                                      "GPL-1.0-or-later",
                                      "GPL-2.0-only",
                                      "GPL-2.0-or-later",
                                      "GPL-3.0-only",
                                      "GPL-3.0-or-later",
                                      "HPND",
                                      "ICU",
                                      "IJG",
                                      "ISC",
                                      "LGPL-2.0-only",
                                      "LGPL-2.0-or-later",
                                      "LGPL-2.1-only",
                                      "LGPL-2.1-or-later",
                                      "LGPL-3.0-only",
                                      "LGPL-3.0-or-later",
                                      "Libpng",
                                      "libtiff",
                                      "MIT",
                                      "MIT-0",
                                      "MPL-1.1",
                                      "MPL-2.0",
                                      "NCSA",
                                      "OFL-1.1",
                                      "OpenSSL",
                                      "PHP-3.01",
                                      "PostgreSQL",
                                      "PSF-2.0",
                                      "Python-2.0",
                                      "Ruby",
                                      "Sleepycat",
                                      "TCL",
                                      "Unicode-DFS-2016",
                                      "Unlicense",
                                      "UPL-1.0",
                                      "Vim",
                                      "W3C",
                                      "WTFPL",
                                      "X11",
                                      "Zlib",
                                      "ZPL-2.1",
                                      "BSD-2-Clause-Patent",
                                      "Beerware",
                                      "CC-BY-2.0",
                                      "CECILL-2.1",
                                      "GPL-2.0-with-classpath-exception",
                                      "Info-ZIP",
                                      "LPPL-1.3c",
                                      "MirOS",
                                      "MS-PL",
                                      "NTP",
                                      "OLDAP-2.8",

                                      "Qhull",
                                      "SGI-B-2.0",
                                      "SSPL-1.0",
                                      "TCP-wrappers",
                                      "Unicode-3.0",
                                      "X11-distribute-modifications-variant",
                                      "xinetd",
                                      "ZPL-2.0"};

/// Common non-SPDX spellings: Debian DEP-5 short names, old Fedora names, Maven/npm habits.
constexpr std::pair<std::string_view, std::string_view> k_aliases[] = {
    {"GPL-1", "GPL-1.0-only"},
    {"GPL-1+", "GPL-1.0-or-later"},
    {"GPL-2", "GPL-2.0-only"},
    {"GPL-2+", "GPL-2.0-or-later"},
    {"GPL-3", "GPL-3.0-only"},
    {"GPL-3+", "GPL-3.0-or-later"},
    {"GPLv2", "GPL-2.0-only"},
    {"GPLv2+", "GPL-2.0-or-later"},
    {"GPLv3", "GPL-3.0-only"},
    {"GPLv3+", "GPL-3.0-or-later"},
    {"LGPL-2", "LGPL-2.0-only"},
    {"LGPL-2+", "LGPL-2.0-or-later"},
    {"LGPL-2.1", "LGPL-2.1-only"},
    {"LGPL-2.1+", "LGPL-2.1-or-later"},
    {"LGPL-3", "LGPL-3.0-only"},
    {"LGPL-3+", "LGPL-3.0-or-later"},
    {"LGPLv2+", "LGPL-2.0-or-later"},
    {"LGPLv2.1+", "LGPL-2.1-or-later"},
    {"LGPLv3+", "LGPL-3.0-or-later"},
    {"AGPL-3", "AGPL-3.0-only"},
    {"AGPL-3+", "AGPL-3.0-or-later"},
    {"GFDL-1.2+", "GFDL-1.2-or-later"},
    {"GFDL-1.3+", "GFDL-1.3-or-later"},
    {"Expat", "MIT"},
    {"Apache-2", "Apache-2.0"},
    {"Apache 2.0", "Apache-2.0"},
    {"ASL 2.0", "Apache-2.0"},
    {"BSD-2", "BSD-2-Clause"},
    {"BSD-3", "BSD-3-Clause"},
    {"MPL-2", "MPL-2.0"},
    {"Artistic", "Artistic-1.0-Perl"},
    {"PSF", "PSF-2.0"},
    {"ZLIB", "Zlib"},
    {"GPL-2.0", "GPL-2.0-only"},
    {"GPL-3.0", "GPL-3.0-only"},
    {"GPL-2.0+", "GPL-2.0-or-later"},
    {"GPL-3.0+", "GPL-3.0-or-later"},
};

bool id_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '.' || c == '+';
}

}  // namespace

std::vector<const model::ImageSpec*> images(const Report& report) {
    std::vector<const model::ImageSpec*> out;
    for (const FileResult& f : report.files) {
        if (f.image) {
            out.push_back(f.image.get());
        }
    }
    return out;
}

std::string uuid_v5(std::string_view name) {
    // RFC 4122 namespace for URLs; the name is ours, so any fixed namespace would do.
    constexpr std::array<unsigned char, 16> k_ns = {0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1,
                                                    0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8};
    std::array<unsigned char, EVP_MAX_MD_SIZE> md{};
    unsigned int len = 0;
    const auto& evp = input::image::lib::crypto();
    EVP_MD_CTX* ctx = evp.MD_CTX_new();
    bool ok = ctx != nullptr && evp.DigestInit_ex(ctx, evp.sha1(), nullptr) == 1 &&
              evp.DigestUpdate(ctx, k_ns.data(), k_ns.size()) == 1 &&
              evp.DigestUpdate(ctx, name.data(), name.size()) == 1 &&
              evp.DigestFinal_ex(ctx, md.data(), &len) == 1;
    evp.MD_CTX_free(ctx);
    if (!ok || len < 16) {
        md.fill(0);
    }
    md[6] = static_cast<unsigned char>((md[6] & 0x0fU) | 0x50U);
    md[8] = static_cast<unsigned char>((md[8] & 0x3fU) | 0x80U);
    std::string hex;
    for (size_t i = 0; i < 16; ++i) {
        hex += fmt::format("{:02x}", md[i]);
        if (i == 3 || i == 5 || i == 7 || i == 9) {
            hex += '-';
        }
    }
    return hex;
}

std::string utc_timestamp(std::string_view s) {
    auto digits = [&](size_t pos, size_t n, int& v) {
        if (pos + n > s.size()) {
            return false;
        }
        v = 0;
        for (size_t i = pos; i < pos + n; ++i) {
            if (s[i] < '0' || s[i] > '9') {
                return false;
            }
            v = v * 10 + (s[i] - '0');
        }
        return true;
    };
    int year = 0, mon = 0, day = 0, hour = 0, min = 0, sec = 0;
    if (!digits(0, 4, year) || s.size() < 20 || s[4] != '-' || !digits(5, 2, mon) || s[7] != '-' ||
        !digits(8, 2, day) || (s[10] != 'T' && s[10] != 't' && s[10] != ' ') || !digits(11, 2, hour) ||
        s[13] != ':' || !digits(14, 2, min) || s[16] != ':' || !digits(17, 2, sec)) {
        return {};
    }
    if (mon < 1 || mon > 12 || day < 1 || day > 31 || hour > 23 || min > 59 || sec > 60) {
        return {};
    }
    size_t i = 19;
    if (i < s.size() && s[i] == '.') {
        ++i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
            ++i;
        }
    }
    long offset = 0;
    std::string_view zone = s.substr(i);
    int oh = 0, om = 0;
    if (zone == "Z" || zone == "z") {
        offset = 0;
    } else if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && digits(i + 1, 2, oh) &&
               zone[3] == ':' && digits(i + 4, 2, om)) {
        offset = (zone[0] == '+' ? 1 : -1) * (oh * 3600L + om * 60L);
    } else {
        return {};
    }
    std::tm tm{};
    tm.tm_year = year - 1900;
    tm.tm_mon = mon - 1;
    tm.tm_mday = day;
    tm.tm_hour = hour;
    tm.tm_min = min;
    tm.tm_sec = sec;
    time_t t = timegm(&tm) - offset;
    std::tm out{};
    if (gmtime_r(&t, &out) == nullptr) {
        return {};
    }
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", out.tm_year + 1900, out.tm_mon + 1,
                       out.tm_mday, out.tm_hour, out.tm_min, out.tm_sec);
}

std::string_view spdx_id(std::string_view name) {
    for (std::string_view id : k_ids) {
        if (util::iequals(id, name)) {
            return id;
        }
    }
    for (const auto& [alias, id] : k_aliases) {
        if (util::iequals(alias, name)) {
            return id;
        }
    }
    return {};
}

std::string spdx_expression(std::string_view text) {
    // Tokens: '(' ')' and words; a word is an operator (AND, OR, WITH, any case) or a license id.
    std::string out;
    int depth = 0;
    bool want_operand = true;  // an id or '(' comes next
    size_t i = 0;
    size_t operands = 0;
    while (i < text.size()) {
        char c = text[i];
        if (c == ' ' || c == '\t') {
            ++i;
            continue;
        }
        if (c == '(' || c == ')') {
            if ((c == '(') != want_operand) {
                return {};
            }
            depth += c == '(' ? 1 : -1;
            if (depth < 0) {
                return {};
            }
            if (c == ')' && !out.empty() && out.back() == ' ') {
                out.pop_back();
            }
            out += c;
            if (c == ')') {
                out += ' ';
            }
            ++i;
            continue;
        }
        size_t start = i;
        while (i < text.size() && id_char(text[i])) {
            ++i;
        }
        if (i == start) {
            return {};  // a character that is in no token (',', '/', ';' ...)
        }
        std::string_view word = text.substr(start, i - start);
        if (util::iequals(word, "AND") || util::iequals(word, "OR") || util::iequals(word, "WITH")) {
            if (want_operand) {
                return {};
            }
            out += util::to_upper(word) + " ";
            want_operand = true;
            continue;
        }
        if (!want_operand) {
            return {};
        }
        std::string_view id = spdx_id(word);
        bool exception = !out.empty() && util::ends_with(out, "WITH ");
        if (exception) {
            // Exceptions have their own list; accept the common ones only.
            if (!util::iequals(word, "Classpath-exception-2.0") &&
                !util::iequals(word, "GCC-exception-3.1") && !util::iequals(word, "LLVM-exception") &&
                !util::iequals(word, "OpenSSL-exception")) {
                return {};
            }
            id = word;
        } else if (id.empty()) {
            return {};
        }
        out += std::string(id) + " ";
        ++operands;
        want_operand = false;
    }
    if (depth != 0 || want_operand || operands == 0) {
        return {};
    }
    while (!out.empty() && out.back() == ' ') {
        out.pop_back();
    }
    return out;
}

std::string image_name(const model::ImageSpec& image) {
    if (!image.repo_tags.empty()) {
        return image.repo_tags.front();
    }
    return !image.name.empty() ? image.name : image.id;
}

std::string sha256_hex(std::string_view digest) {
    constexpr std::string_view k_prefix = "sha256:";
    if (!util::starts_with(digest, k_prefix) || digest.size() != k_prefix.size() + 64) {
        return {};
    }
    std::string hex(digest.substr(k_prefix.size()));
    for (char c : hex) {
        if (std::isxdigit(static_cast<unsigned char>(c)) == 0) {
            return {};
        }
    }
    return util::to_lower(hex);
}

}  // namespace bulwark::report::sbom
