// rpm's SQLite database (rpm >= 4.16: /var/lib/rpm/rpmdb.sqlite, /usr/lib/sysimage/rpm/rpmdb.sqlite):
// the bytes are opened in memory with sqlite3_deserialize (no file on disk), and each row of
// Packages(hnum, blob) is an rpm header parsed with strict bounds checks.
#include <cstring>
#include <memory>
#include <stdexcept>

#include <fmt/format.h>

#include "bulwark/input/image/libraries.hpp"
#include "bulwark/input/image/packages/parsers.hpp"

namespace bulwark::input::image::packages {

namespace {

constexpr uint32_t k_tag_name = 1000;
constexpr uint32_t k_tag_version = 1001;
constexpr uint32_t k_tag_release = 1002;
constexpr uint32_t k_tag_epoch = 1003;
constexpr uint32_t k_tag_license = 1014;
constexpr uint32_t k_tag_arch = 1022;
constexpr uint32_t k_tag_sourcerpm = 1044;

constexpr uint32_t k_type_int32 = 4;
constexpr uint32_t k_type_string = 6;
constexpr uint32_t k_type_i18nstring = 9;

constexpr uint32_t k_max_index = 0xffff;     // rpm's own limit on index entries
constexpr uint32_t k_max_data = 256U << 20;  // rpm's own limit on the data store

uint32_t be32(const unsigned char* p) {
    return (static_cast<uint32_t>(p[0]) << 24) | (static_cast<uint32_t>(p[1]) << 16) |
           (static_cast<uint32_t>(p[2]) << 8) | static_cast<uint32_t>(p[3]);
}

struct Header {
    std::string_view index;  // il entries of 16 bytes
    std::string_view store;  // dl bytes

    /// The entry for `tag`: its type, offset and count, or false.
    bool find(uint32_t tag, uint32_t& type, uint32_t& offset, uint32_t& count) const {
        const auto* p = reinterpret_cast<const unsigned char*>(index.data());
        for (size_t i = 0; i + 16 <= index.size(); i += 16) {
            if (be32(p + i) == tag) {
                type = be32(p + i + 4);
                offset = be32(p + i + 8);
                count = be32(p + i + 12);
                return true;
            }
        }
        return false;
    }

    /// A STRING or I18NSTRING (first translation) value; "" when absent or out of bounds.
    std::string string(uint32_t tag) const {
        uint32_t type = 0, offset = 0, count = 0;
        if (!find(tag, type, offset, count) || (type != k_type_string && type != k_type_i18nstring) ||
            offset >= store.size()) {
            return {};
        }
        std::string_view rest = store.substr(offset);
        size_t nul = rest.find('\0');
        if (nul == std::string_view::npos) {
            return {};  // a string must end inside the store
        }
        return std::string(rest.substr(0, nul));
    }

    /// An INT32 value, or -1.
    long long int32(uint32_t tag) const {
        uint32_t type = 0, offset = 0, count = 0;
        if (!find(tag, type, offset, count) || type != k_type_int32 || count < 1 || offset % 4 != 0 ||
            offset > store.size() || store.size() - offset < 4) {
            return -1;
        }
        return be32(reinterpret_cast<const unsigned char*>(store.data()) + offset);
    }
};

struct DbCloser {
    void operator()(sqlite3* db) const { lib::sqlite().close(db); }
};
struct StmtFinalizer {
    void operator()(sqlite3_stmt* s) const { lib::sqlite().finalize(s); }
};

}  // namespace

std::optional<model::Package> parse_rpm_header(std::string_view blob) {
    if (blob.size() < 8) {
        return std::nullopt;
    }
    const auto* p = reinterpret_cast<const unsigned char*>(blob.data());
    uint32_t il = be32(p);
    uint32_t dl = be32(p + 4);
    if (il == 0 || il > k_max_index || dl > k_max_data) {
        return std::nullopt;
    }
    uint64_t need = 8 + static_cast<uint64_t>(il) * 16 + dl;
    if (need > blob.size()) {
        return std::nullopt;
    }
    Header h{blob.substr(8, static_cast<size_t>(il) * 16), blob.substr(8 + static_cast<size_t>(il) * 16, dl)};
    model::Package pkg;
    pkg.type = "rpm";
    pkg.name = h.string(k_tag_name);
    std::string version = h.string(k_tag_version);
    std::string release = h.string(k_tag_release);
    if (pkg.name.empty() || version.empty()) {
        return std::nullopt;
    }
    long long epoch = h.int32(k_tag_epoch);
    pkg.version = (epoch > 0 ? fmt::format("{}:", epoch) : std::string()) + version +
                  (release.empty() ? std::string() : "-" + release);
    pkg.arch = h.string(k_tag_arch);
    pkg.source = h.string(k_tag_sourcerpm);
    std::string license = h.string(k_tag_license);
    if (!license.empty()) {
        pkg.licenses.push_back(std::move(license));
    }
    if (pkg.name == "gpg-pubkey") {
        return std::nullopt;  // imported signing keys are headers too, not packages
    }
    return pkg;
}

std::vector<model::Package> parse_rpmdb_sqlite(std::string_view bytes, std::string& error) {
    std::vector<model::Package> out;
    constexpr std::string_view k_sqlite_magic{"SQLite format 3\0", 16};
    if (bytes.size() < 100 || bytes.substr(0, 16) != k_sqlite_magic) {
        error = "not an SQLite database";
        return out;
    }
    const lib::Sqlite* loaded = nullptr;
    try {
        loaded = &lib::sqlite();
    } catch (const std::runtime_error& e) {
        error = e.what();
        return out;
    }
    const lib::Sqlite& sq = *loaded;
    sqlite3* raw = nullptr;
    if (sq.open_v2(":memory:", &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY, nullptr) != SQLITE_OK) {
        sq.close(raw);
        error = "cannot open an in-memory SQLite database";
        return out;
    }
    std::unique_ptr<sqlite3, DbCloser> db(raw);
    // The database is untrusted: no triggers or views with side effects, bounded sizes.
    sq.db_config(db.get(), SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    sq.db_config(db.get(), SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
    sq.limit(db.get(), SQLITE_LIMIT_LENGTH, static_cast<int>(k_max_data));
    // SQLite takes ownership of a buffer from sqlite3_malloc64; a WAL-mode file (header bytes 18
    // and 19 = 2) is switched to rollback mode, since an in-memory database has no -wal file.
    auto* buf = static_cast<unsigned char*>(sq.malloc64(bytes.size()));
    if (buf == nullptr) {
        error = "out of memory";
        return out;
    }
    std::memcpy(buf, bytes.data(), bytes.size());
    if (buf[18] == 2 && buf[19] == 2) {
        buf[18] = 1;
        buf[19] = 1;
    }
    int rc = sq.deserialize(db.get(), "main", buf, static_cast<sqlite3_int64>(bytes.size()),
                            static_cast<sqlite3_int64>(bytes.size()),
                            SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_READONLY);
    if (rc != SQLITE_OK) {
        error = fmt::format("SQLite cannot read it: {}", sq.errstr(rc));
        return out;
    }
    sqlite3_stmt* raw_stmt = nullptr;
    if (sq.prepare_v2(db.get(), "SELECT blob FROM Packages ORDER BY hnum", -1, &raw_stmt, nullptr) !=
        SQLITE_OK) {
        sq.finalize(raw_stmt);
        error = fmt::format("no rpm Packages table: {}", sq.errmsg(db.get()));
        return out;
    }
    std::unique_ptr<sqlite3_stmt, StmtFinalizer> stmt(raw_stmt);
    while ((rc = sq.step(stmt.get())) == SQLITE_ROW && out.size() < k_max_packages) {
        const void* data = sq.column_blob(stmt.get(), 0);
        int size = sq.column_bytes(stmt.get(), 0);
        if (data == nullptr || size <= 0) {
            continue;
        }
        if (auto pkg = parse_rpm_header(
                std::string_view(static_cast<const char*>(data), static_cast<size_t>(size)))) {
            out.push_back(std::move(*pkg));
        }
    }
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
        error = fmt::format("SQLite stopped reading it: {}", sq.errmsg(db.get()));
    }
    return out;
}

}  // namespace bulwark::input::image::packages
