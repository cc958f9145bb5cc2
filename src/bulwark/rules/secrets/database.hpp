#pragma once
// Building the Hyperscan database of a pattern set, shared by SecretScanner (at run time) and the
// build-time generator (tools/serialize_secrets.cpp) that embeds the built-in set pre-compiled.
#include <hs/hs.h>

#include <cstdint>
#include <span>
#include <string_view>

#include "bulwark/rules/secrets/patterns.hpp"

namespace bulwark::rules::secrets {

/// Compiles `patterns` for the host CPU. Throws std::runtime_error naming the pattern that fails.
hs_database_t* compile_database(std::span<const SecretPattern> patterns);

/// Hash of everything compile_database reads from `patterns` (expressions, flags, order): an
/// embedded database is used only for the pattern set it was built from.
uint64_t patterns_hash(std::span<const SecretPattern> patterns);

/// The built-in set serialized at build time (hs_serialize_database), and patterns_hash() of the
/// set it was built from. Empty when the build embedded no database.
std::string_view embedded_database();
uint64_t embedded_patterns_hash();

}  // namespace bulwark::rules::secrets
