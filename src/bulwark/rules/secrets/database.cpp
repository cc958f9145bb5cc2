#include "bulwark/rules/secrets/database.hpp"

#include <stdexcept>
#include <string>
#include <vector>

namespace bulwark::rules::secrets {

namespace {

unsigned int pattern_flags(const SecretPattern& p, DatabaseKind kind = DatabaseKind::located) {
    return (kind == DatabaseKind::located ? HS_FLAG_SOM_LEFTMOST : 0U) | (p.caseless ? HS_FLAG_CASELESS : 0U);
}

}  // namespace

hs_database_t* compile_database(std::span<const SecretPattern> patterns, DatabaseKind kind) {
    std::vector<std::string> expressions;
    std::vector<const char*> pointers;
    std::vector<unsigned int> flags;
    std::vector<unsigned int> ids;
    for (size_t i = 0; i < patterns.size(); ++i) {
        expressions.emplace_back(patterns[i].regex);
        flags.push_back(pattern_flags(patterns[i], kind));
        ids.push_back(static_cast<unsigned int>(i));
    }
    for (const std::string& e : expressions) {
        pointers.push_back(e.c_str());
    }
    hs_database_t* db = nullptr;
    hs_compile_error_t* error = nullptr;
    if (hs_compile_multi(pointers.data(), flags.data(), ids.data(),
                         static_cast<unsigned int>(pointers.size()), HS_MODE_BLOCK, nullptr, &db,
                         &error) != HS_SUCCESS) {
        std::string where = error != nullptr && error->expression >= 0
                                ? std::string(patterns[static_cast<size_t>(error->expression)].id)
                                : std::string("database");
        std::string message = error != nullptr ? error->message : "unknown error";
        hs_free_compile_error(error);
        throw std::runtime_error("secret pattern " + where + ": " + message);
    }
    return db;
}

uint64_t patterns_hash(std::span<const SecretPattern> patterns) {
    // FNV-1a over each expression, its flags and a separator.
    uint64_t h = 14695981039346656037ULL;
    auto mix = [&h](unsigned char c) {
        h ^= c;
        h *= 1099511628211ULL;
    };
    for (const SecretPattern& p : patterns) {
        for (char c : p.regex) {
            mix(static_cast<unsigned char>(c));
        }
        unsigned int flags = pattern_flags(p);
        for (int shift = 0; shift < 32; shift += 8) {
            mix(static_cast<unsigned char>((flags >> static_cast<unsigned int>(shift)) & 0xffU));
        }
        mix(0);
    }
    return h;
}

}  // namespace bulwark::rules::secrets
