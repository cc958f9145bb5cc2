#include "bulwark/config/config.hpp"

namespace bulwark::config {

std::optional<std::string> find_config(const util::FileSystem& /*fs*/, const std::string& /*scanned_path*/) {
    return std::nullopt;
}

LoadedPolicy load_policy(const util::FileSystem& /*fs*/, const std::string& /*scanned_path*/,
                         const TrustOptions& /*trust*/, const core::Policy& cli) {
    LoadedPolicy lp;
    lp.policy = cli;
    return lp;
}

}  // namespace bulwark::config
