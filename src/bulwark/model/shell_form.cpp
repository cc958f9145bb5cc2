// The SHELL in effect for shell-form instructions: which program runs them and with which options.
#include "bulwark/model/dockerfile.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::model {

bool shell_enables_pipefail(const std::vector<std::string>& shell_argv) {
    bool on = false;
    for (size_t i = 1; i + 1 < shell_argv.size(); ++i) {
        const std::string& opt = shell_argv[i];
        bool option_group =
            opt.size() >= 2 && (opt[0] == '-' || opt[0] == '+') && opt[1] != '-' && opt.back() == 'o';
        if (option_group && shell_argv[i + 1] == "pipefail") {
            on = opt[0] == '-';
            ++i;
        } else if (opt == "-c") {
            break;  // what follows is the script
        }
    }
    return on;
}

bool is_posix_shell_program(std::string_view program) {
    size_t slash = program.find_last_of("/\\");
    std::string name = util::to_lower(slash == std::string_view::npos ? program : program.substr(slash + 1));
    if (util::ends_with(name, ".exe")) {
        name.resize(name.size() - 4);
    }
    return name == "sh" || name == "bash" || name == "dash" || name == "ash" || name == "zsh" ||
           name == "ksh" || name == "mksh" || name == "busybox";
}

bool Instruction::pipefail_by_shell() const {
    return shell_enables_pipefail(run_shell);
}

}  // namespace bulwark::model
