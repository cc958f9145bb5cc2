#include "bulwark/rules/dockerfile/families.hpp"

namespace bulwark::rules::dockerfile {

std::span<const Rule> secret_rules() { return {}; }

}  // namespace bulwark::rules::dockerfile
