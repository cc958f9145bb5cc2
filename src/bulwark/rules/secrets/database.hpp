#pragma once
// Building the Hyperscan database of a pattern set, shared by SecretScanner (at run time) and the
// build-time generator (tools/serialize_secrets.cpp) that embeds the built-in set pre-compiled.
#include <hs/hs.h>

#include <cstdint>
#include <span>
#include <string_view>

#include "bulwark/rules/secrets/patterns.hpp"

namespace bulwark::rules::secrets {

/// Which of the two databases of a pattern set: `prefilter` reports only where matches end (no
/// start of match: several times faster, it is what runs over every byte); `located` reports the
/// leftmost start of each match too and runs only around the ends the prefilter found.
enum class DatabaseKind { prefilter, located };

/// Compiles `patterns` for the host CPU. Throws std::runtime_error naming the pattern that fails.
hs_database_t* compile_database(std::span<const SecretPattern> patterns, DatabaseKind kind);

/// Hash of everything compile_database reads from `patterns` (expressions, flags, order): an
/// embedded database is used only for the pattern set it was built from.
uint64_t patterns_hash(std::span<const SecretPattern> patterns);

/// The built-in set's databases serialized at build time (hs_serialize_database), and
/// patterns_hash() of the set they were built from. Empty when the build embedded none.
std::string_view embedded_database(DatabaseKind kind);
uint64_t embedded_patterns_hash();

}  // namespace bulwark::rules::secrets
