#include "bulwark/cli/options.hpp"

#include <unistd.h>

#include <cstdlib>
#include <string_view>
#include <tuple>

#include <fmt/format.h>

#include "bulwark/config/config_file.hpp"

namespace bulwark::cli {

std::optional<core::Severity> severity_arg(const std::string& value, const char* flag, std::string& error) {
    bool fail_on = std::string_view(flag) == "--fail-on";
    if (fail_on && value == "none") {
        return static_cast<core::Severity>(static_cast<int>(core::Severity::critical) + 1);
    }
    auto s = core::parse_severity(value);
    if (!s) {
        error = fmt::format("{}: '{}' is not a severity (info, low, medium, high, critical{})", flag, value,
                            fail_on ? ", none" : "");
    }
    return s;
}

std::string add_rule_selection(const std::vector<std::string>& ignore, const std::vector<std::string>& only,
                               core::Policy& policy) {
    for (auto [ids, into, flag] : {std::tuple{&ignore, &policy.disabled_rules, "--ignore"},
                                   std::tuple{&only, &policy.enabled_rules, "--only"}}) {
        for (const std::string& id : *ids) {
            std::vector<std::string> resolved = config::resolve_rule_id(id);
            if (resolved.empty()) {
                return fmt::format("{} {}: no rule with that id (see 'bulwark rules')", flag, id);
            }
            into->insert(resolved.begin(), resolved.end());
        }
    }
    return {};
}

std::string check_color_arg(const std::string& color) {
    if (color != "auto" && color != "always" && color != "never") {
        return fmt::format("--color '{}': expected auto, always or never", color);
    }
    return {};
}

bool use_color(const std::string& color, bool no_color, bool to_stdout) {
    if (no_color || color == "never") {
        return false;
    }
    return color == "always" ||
           (color == "auto" && to_stdout && isatty(STDOUT_FILENO) != 0 && std::getenv("NO_COLOR") == nullptr);
}

}  // namespace bulwark::cli
