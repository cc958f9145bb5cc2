#include "bulwark/rules/dockerfile/families.hpp"

namespace bulwark::rules::dockerfile {

std::span<const Rule> instruction_rules() { return {}; }

}  // namespace bulwark::rules::dockerfile
