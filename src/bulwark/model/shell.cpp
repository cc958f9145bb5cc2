#include "bulwark/model/shell.hpp"

namespace bulwark::model::shell {

std::string_view command_name(const Command& c) {
    if (c.argv.empty()) {
        return {};
    }
    std::string_view n = c.argv.front().value;
    size_t slash = n.rfind('/');
    return slash == std::string_view::npos ? n : n.substr(slash + 1);
}

bool Script::pipefail_before(size_t index) const {
    bool on = false;
    for (size_t i = 0; i < index && i < commands.size(); ++i) {
        const Command& c = commands[i];
        if (command_name(c) != "set") {
            continue;
        }
        for (size_t a = 1; a + 1 < c.argv.size(); ++a) {
            const std::string& opt = c.argv[a].value;
            if (opt.size() >= 2 && (opt[0] == '-' || opt[0] == '+') && opt.back() == 'o' &&
                c.argv[a + 1].value == "pipefail") {
                on = opt[0] == '-';
            }
        }
    }
    return on;
}

}  // namespace bulwark::model::shell
