#include "bulwark/rules/dockerfile/families.hpp"

namespace bulwark::rules::dockerfile {

std::span<const Rule> supply_chain_rules() { return {}; }

}  // namespace bulwark::rules::dockerfile
