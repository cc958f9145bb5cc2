#pragma once
// The Dockerfile rule families; each .cpp in this folder defines one table of rules.
#include <span>

#include "bulwark/rules/rule.hpp"

namespace bulwark::rules::dockerfile {

std::span<const Rule> user_rules();          // user.cpp          BD001-BD009
std::span<const Rule> base_image_rules();    // base_image.cpp    BD010-BD019
std::span<const Rule> secret_rules();        // secrets.cpp       BD020-BD029
std::span<const Rule> supply_chain_rules();  // supply_chain.cpp  BD030-BD039
std::span<const Rule> privilege_rules();     // privilege.cpp     BD040-BD049
std::span<const Rule> package_rules();       // packages.cpp      BD050-BD069
std::span<const Rule> instruction_rules();   // instructions.cpp  BD070-BD089
std::span<const Rule> stage_rules();         // stages.cpp        BD090-BD099

}  // namespace bulwark::rules::dockerfile
