#pragma once
// The image rule families (BD300-BD349); each .cpp in this folder with a table defines one.
// Image checks of rules that also judge Dockerfiles are in checks.hpp.
#include <span>

#include "bulwark/rules/rule.hpp"

namespace bulwark::rules::image {

std::span<const Rule> file_rules();     // files.cpp     BD300-BD303, BD306
std::span<const Rule> account_rules();  // accounts.cpp  BD304, BD305, BD307
std::span<const Rule> config_rules();   // config.cpp    BD308, BD309

}  // namespace bulwark::rules::image
