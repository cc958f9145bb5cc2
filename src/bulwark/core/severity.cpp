#include "bulwark/core/severity.hpp"

#include "bulwark/util/strings.hpp"

namespace bulwark::core {

std::string_view to_string(Severity s) {
    switch (s) {
        case Severity::info:
            return "info";
        case Severity::low:
            return "low";
        case Severity::medium:
            return "medium";
        case Severity::high:
            return "high";
        case Severity::critical:
            return "critical";
    }
    return "info";
}

std::optional<Severity> parse_severity(std::string_view name) {
    std::string n = util::to_lower(name);
    for (Severity s : {Severity::info, Severity::low, Severity::medium, Severity::high, Severity::critical}) {
        if (n == to_string(s)) {
            return s;
        }
    }
    return std::nullopt;
}

}  // namespace bulwark::core
