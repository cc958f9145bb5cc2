#pragma once
// The daemon rule families (CIS Docker Benchmark v1.6.0 section 2); each .cpp in this folder
// defines one table of rules over model::DaemonSpec.
#include <span>
#include <string>
#include <string_view>

#include "bulwark/rules/rule.hpp"

namespace bulwark::rules::daemon {

std::span<const Rule>
network_rules();  // network.cpp  BD200-BD209 (ids used: BD200, BD202, BD203, BD205, BD213)
std::span<const Rule> runtime_rules();  // runtime.cpp  BD204, BD206-BD208, BD211, BD212, BD214-BD216
std::span<const Rule> logging_rules();  // logging.cpp  BD201, BD209, BD210

/// True when setting `s` decides something: written in the input, or absent from a daemon.json
/// (where absent means Docker's default). False when its value cannot be known statically.
template <class T>
bool counts(const model::Setting<T>& s, const model::DaemonSpec& d) {
    return s.known && (s.set || d.defaults_apply);
}

/// Where to report setting `s`: where it was written, or the start of the configuration.
template <class T>
const model::Origin& where(const model::Setting<T>& s, const model::DaemonSpec& d) {
    return s.set ? s.origin : d.origin;
}

/// The fix in the input's own syntax: `json` for daemon.json, `flag` for a dockerd command line.
std::string fix_for(const model::DaemonSpec& d, std::string_view json, std::string_view flag);

/// "`icc` is not set, so it defaults to true" / "`--icc=true`" ...: how a setting was given.
std::string described(const model::DaemonSpec& d, std::string_view key, std::string_view flag, bool set,
                      std::string_view value);

}  // namespace bulwark::rules::daemon
