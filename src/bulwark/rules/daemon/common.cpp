#include <fmt/format.h>

#include "bulwark/rules/daemon/families.hpp"

namespace bulwark::rules::daemon {

std::string fix_for(const model::DaemonSpec& d, std::string_view json, std::string_view flag) {
    return std::string(d.source_kind == "dockerd" ? flag : json);
}

std::string described(const model::DaemonSpec& d, std::string_view key, std::string_view flag, bool set,
                      std::string_view value) {
    if (!set) {
        return fmt::format("`{}` is not set, so it has Docker's default {}", key, value);
    }
    if (d.source_kind == "dockerd") {
        return fmt::format("dockerd runs with `--{}={}`", flag, value);
    }
    return fmt::format("daemon.json sets `\"{}\": {}`", key, value);
}

}  // namespace bulwark::rules::daemon
