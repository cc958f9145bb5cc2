#pragma once
// The table of daemon settings: daemon.json key, dockerd flag and where the value goes in
// model::DaemonSpec. One row per setting, shared by the daemon.json and the command-line parser.
#include <string_view>
#include <vector>

#include "bulwark/model/daemon.hpp"

namespace bulwark::input::daemon {

enum class OptionType {
    boolean,     // JSON boolean; a flag without a value (`--icc`, `--icc=false`)
    string,      // JSON string; a flag with a value
    list,        // JSON array of strings; a repeatable flag
    ulimits,     // JSON object {"nofile": {"Name": ..., "Soft": n, "Hard": n}}; `--default-ulimit nofile=1:2`
    log_opts,    // JSON object of strings; `--log-opt key=value`
    other_bool,  // understood by dockerd, not modelled: a boolean flag
    other_value,  // understood by dockerd, not modelled: a flag with a value (JSON: any type)
};

struct DaemonOption {
    std::string_view key;   // daemon.json key, "" when the setting is a flag only
    std::string_view flag;  // long flag without the dashes, "" when daemon.json only
    char short_flag = 0;    // 'H' for -H, 0 when none
    OptionType type = OptionType::other_value;
    model::Setting<bool> model::DaemonSpec::*boolean = nullptr;
    model::Setting<std::string> model::DaemonSpec::*string = nullptr;
    std::vector<model::Setting<std::string>> model::DaemonSpec::*list = nullptr;
};

/// The option with daemon.json key `key`, or nullptr.
const DaemonOption* option_for_key(std::string_view key);
/// The option with long flag `flag` (without dashes), or nullptr.
const DaemonOption* option_for_flag(std::string_view flag);
/// The option with short flag `c`, or nullptr.
const DaemonOption* option_for_short(char c);
/// The known key (or flag, when `flags`) closest to `name`, for "did you mean"; "" when none is close.
std::string_view closest_option(std::string_view name, bool flags);

}  // namespace bulwark::input::daemon
