#include "bulwark/model/shell.hpp"

namespace bulwark::model::shell {

std::vector<Command>& Commands::mutate() {
    if (!m_commands) {
        m_commands = std::make_shared<std::vector<Command>>();
    } else if (m_commands.use_count() > 1) {
        m_commands = std::make_shared<std::vector<Command>>(*m_commands);
    }
    return *m_commands;
}

const std::vector<Command>& Commands::empty_commands() {
    static const std::vector<Command> k_empty;
    return k_empty;
}

std::string_view command_name(const Command& c) {
    if (c.argv.empty()) {
        return {};
    }
    std::string_view n = c.argv.front().value;
    size_t slash = n.rfind('/');
    return slash == std::string_view::npos ? n : n.substr(slash + 1);
}

void apply_set_option(const Command& c, std::string_view name, char letter, bool& on) {
    if (command_name(c) != "set") {
        return;
    }
    const size_t n = c.argv.size();
    for (size_t i = 1; i < n; ++i) {
        const std::string& opt = c.argv[i].value;
        if (opt.size() < 2 || (opt[0] != '-' && opt[0] != '+') || opt == "--") {
            return;  // the positional parameters start here
        }
        // Each 'o' in a group ("-euxo", "-oo") takes the next word as an option name.
        for (size_t j = 1; j < opt.size(); ++j) {
            if (letter != '\0' && opt[j] == letter) {
                on = opt[0] == '-';
            }
            if (opt[j] != 'o' || i + 1 >= n) {
                continue;
            }
            ++i;
            if (c.argv[i].value == name) {
                on = opt[0] == '-';
            }
        }
    }
}

void apply_set_pipefail(const Command& c, bool& pipefail) {
    apply_set_option(c, "pipefail", '\0', pipefail);
}

bool Script::pipefail_before(size_t index) const {
    if (commands.empty()) {
        return false;
    }
    // The scopes whose options reach the target: itself and the subshells' ancestors up to the
    // shell process that started them.
    int target = index < commands.size() ? commands[index].scope : 0;
    std::vector<int> chain;
    bool on = false;
    int s = target;
    for (size_t guard = 0; guard <= scopes.size(); ++guard) {
        chain.push_back(s);
        if (s < 0 || static_cast<size_t>(s) >= scopes.size()) {
            break;
        }
        const Scope& sc = scopes[static_cast<size_t>(s)];
        if (!sc.inherits || sc.parent < 0) {
            on = sc.pipefail;
            break;
        }
        s = sc.parent;
    }
    for (size_t i = 0; i < index && i < commands.size(); ++i) {
        for (int x : chain) {
            if (commands[i].scope == x) {
                apply_set_pipefail(commands[i], on);
                break;
            }
        }
    }
    return on;
}

}  // namespace bulwark::model::shell
