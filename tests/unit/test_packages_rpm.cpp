// rpm: header blobs (bounds), the SQLite rpmdb read from memory, legacy databases as notes.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "bulwark/input/image/packages/parsers.hpp"
#include "test_packages_helpers.hpp"

namespace bulwark {
namespace {

using input::image::packages::parse_rpm_header;
using input::image::packages::parse_rpmdb_sqlite;

void be32(std::string& out, uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) {
        out += static_cast<char>((v >> shift) & 0xffU);
    }
}

/// An rpm header blob as rpmdb stores it: index count, data length, 16-byte index entries (tag,
/// type, offset, count), then the data store. Strings are type 6, EPOCH type 4 (int32, aligned).
std::string header(const std::vector<std::pair<uint32_t, std::string>>& strings, int epoch = -1) {
    std::string store;
    std::string index;
    uint32_t count = 0;
    if (epoch >= 0) {
        be32(index, 1003);
        be32(index, 4);
        be32(index, 0);
        be32(index, 1);
        be32(store, static_cast<uint32_t>(epoch));
        ++count;
    }
    for (const auto& [tag, value] : strings) {
        be32(index, tag);
        be32(index, tag == 1014 ? 6 : 6);
        be32(index, static_cast<uint32_t>(store.size()));
        be32(index, 1);
        store += value;
        store += '\0';
        ++count;
    }
    std::string blob;
    be32(blob, count);
    be32(blob, static_cast<uint32_t>(store.size()));
    return blob + index + store;
}

std::string bash_header() {
    return header({{1000, "bash"},
                   {1001, "5.2.26"},
                   {1002, "3.fc40"},
                   {1022, "x86_64"},
                   {1014, "GPL-3.0-or-later"},
                   {1044, "bash-5.2.26-3.fc40.src.rpm"}},
                  0);
}

/// An rpmdb.sqlite as rpm >= 4.16 creates it (table Packages(hnum, blob)), serialised to bytes.
std::string rpmdb(const std::vector<std::string>& blobs, bool wal) {
    sqlite3* db = nullptr;
    sqlite3_open(":memory:", &db);
    sqlite3_exec(db, "CREATE TABLE Packages (hnum INTEGER PRIMARY KEY AUTOINCREMENT, blob BLOB NOT NULL)",
                 nullptr, nullptr, nullptr);
    for (const std::string& b : blobs) {
        sqlite3_stmt* s = nullptr;
        sqlite3_prepare_v2(db, "INSERT INTO Packages (blob) VALUES (?)", -1, &s, nullptr);
        sqlite3_bind_blob(s, 1, b.data(), static_cast<int>(b.size()), SQLITE_TRANSIENT);
        sqlite3_step(s);
        sqlite3_finalize(s);
    }
    sqlite3_int64 size = 0;
    unsigned char* bytes = sqlite3_serialize(db, "main", &size, 0);
    std::string out(reinterpret_cast<char*>(bytes), static_cast<size_t>(size));
    sqlite3_free(bytes);
    sqlite3_close(db);
    if (wal) {
        out[18] = 2;  // what a WAL-mode database file (rpm's default) says in its header
        out[19] = 2;
    }
    return out;
}

TEST(PackagesRpm, HeaderFieldsAndEpoch) {
    auto p = parse_rpm_header(bash_header());
    ASSERT_TRUE(p);
    EXPECT_EQ(p->name, "bash");
    EXPECT_EQ(p->version, "5.2.26-3.fc40");  // epoch 0 is not written
    EXPECT_EQ(p->arch, "x86_64");
    EXPECT_EQ(p->source, "bash-5.2.26-3.fc40.src.rpm");
    EXPECT_EQ(p->licenses, std::vector<std::string>{"GPL-3.0-or-later"});
    auto e = parse_rpm_header(header({{1000, "shadow-utils"}, {1001, "4.15.1"}, {1002, "1.fc40"}}, 2));
    ASSERT_TRUE(e);
    EXPECT_EQ(e->version, "2:4.15.1-1.fc40");
    EXPECT_FALSE(parse_rpm_header(header({{1000, "gpg-pubkey"}, {1001, "1"}})));
}

TEST(PackagesRpm, EveryTruncationAndOutOfBoundsOffsetIsRejected) {
    std::string good = bash_header();
    for (size_t n = 0; n < good.size(); ++n) {
        EXPECT_FALSE(parse_rpm_header(good.substr(0, n))) << n;
    }
    std::string bad = good;
    bad[8 + 16 + 8] = '\x7f';  // the NAME entry's offset far past the store
    auto p = parse_rpm_header(bad);
    EXPECT_FALSE(p && p->name == "bash");
    std::string huge;
    be32(huge, 0xffffffffU);
    be32(huge, 0xffffffffU);
    EXPECT_FALSE(parse_rpm_header(huge + std::string(64, '\0')));
    // A string running to the end of the store without its NUL.
    std::string unterminated = header({{1000, "bash"}, {1001, "1"}});
    unterminated.pop_back();
    unterminated[7] = static_cast<char>(unterminated[7] - 1);
    auto u = parse_rpm_header(unterminated);
    EXPECT_FALSE(u && !u->version.empty());
}

TEST(PackagesRpm, SqliteDatabaseReadFromMemoryIncludingWalMode) {
    for (bool wal : {false, true}) {
        std::string db = rpmdb(
            {bash_header(), header({{1000, "glibc"}, {1001, "2.39"}, {1002, "7.fc40"}, {1022, "x86_64"}}),
             "garbage", header({{1000, "gpg-pubkey"}, {1001, "1"}})},
            wal);
        model::OsRelease os;
        os.id = "fedora";
        os.version_id = "40";
        std::vector<std::string> notes;
        auto image = test::collect({{"/usr/lib/sysimage/rpm/rpmdb.sqlite", db, 0}}, os, &notes);
        EXPECT_TRUE(notes.empty()) << (notes.empty() ? "" : notes[0]);
        ASSERT_EQ(image.packages.size(), 2U) << wal;
        EXPECT_EQ(image.packages[0].purl, "pkg:rpm/fedora/bash@5.2.26-3.fc40?arch=x86_64&distro=fedora-40");
        EXPECT_EQ(image.packages[1].name, "glibc");
    }
}

TEST(PackagesRpm, NotADatabaseOrLegacyFormatsAreNotes) {
    std::string error;
    EXPECT_TRUE(parse_rpmdb_sqlite("not sqlite at all", error).empty());
    EXPECT_FALSE(error.empty());
    error.clear();
    std::string db = rpmdb({bash_header()}, false);
    EXPECT_TRUE(parse_rpmdb_sqlite(db.substr(0, db.size() / 2), error).empty());
    error.clear();
    // A valid SQLite file without the Packages table.
    sqlite3* raw = nullptr;
    sqlite3_open(":memory:", &raw);
    sqlite3_exec(raw, "CREATE TABLE t (x)", nullptr, nullptr, nullptr);
    sqlite3_int64 size = 0;
    unsigned char* bytes = sqlite3_serialize(raw, "main", &size, 0);
    std::string other(reinterpret_cast<char*>(bytes), static_cast<size_t>(size));
    sqlite3_free(bytes);
    sqlite3_close(raw);
    EXPECT_TRUE(parse_rpmdb_sqlite(other, error).empty());
    EXPECT_NE(error.find("Packages"), std::string::npos);

    std::vector<std::string> notes;
    auto image = test::collect({{"/var/lib/rpm/Packages", std::string(4096, '\0'), 0}}, {}, &notes);
    EXPECT_TRUE(image.packages.empty());
    ASSERT_EQ(notes.size(), 1U);
    EXPECT_NE(notes[0].find("BerkeleyDB or NDB format is not supported"), std::string::npos);
}

}  // namespace
}  // namespace bulwark
