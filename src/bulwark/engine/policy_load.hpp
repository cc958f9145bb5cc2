#pragma once
// The policy of a scan from .bulwark.yaml and the command line, with the config's problems moved into
// the report: shared by `bulwark scan` (one policy per command-line root) and `bulwark image`.
#include <cstdint>
#include <optional>
#include <string>

#include "bulwark/config/config.hpp"
#include "bulwark/report/report.hpp"
#include "bulwark/util/filesystem.hpp"

namespace bulwark::engine {

/// config::load_policy_from the config `config_path` (nullopt: none), then its diagnostics (each one once,
/// with the config's text in `rep.sources` for the caret, read up to `max_file_size` bytes) and notes (each
/// one once: several roots can share one config) appended to `rep`. The returned value keeps the policy and
/// the config path; its diagnostics and notes are moved out.
config::LoadedPolicy load_report_policy(const util::FileSystem& fs,
                                        const std::optional<std::string>& config_path,
                                        const config::TrustOptions& trust, const core::Policy& cli,
                                        uint64_t max_file_size, report::Report& rep);

}  // namespace bulwark::engine
