#include "bulwark/input/shell/parser.hpp"

namespace bulwark::input::shell {

model::shell::Script parse(std::string_view /*script*/) { return {}; }

}  // namespace bulwark::input::shell
