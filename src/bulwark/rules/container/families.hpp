#pragma once
// The container rule families (compose services, docker run lines); each .cpp in this folder
// defines one table of rules. Ids BD100-BD149.
#include <span>

#include "bulwark/rules/rule.hpp"

namespace bulwark::rules::container {

std::span<const Rule> privilege_rules();    // privilege.cpp    BD100-BD102, BD106, BD127
std::span<const Rule> confinement_rules();  // confinement.cpp  BD103-BD105, BD134
std::span<const Rule> namespace_rules();    // namespaces.cpp   BD107-BD112
std::span<const Rule> mount_rules();        // mounts.cpp       BD113-BD116, BD120
std::span<const Rule> resource_rules();     // resources.cpp    BD117-BD119, BD123, BD124, BD130
std::span<const Rule> network_rules();      // network.cpp      BD121, BD122, BD129, BD131-BD133
std::span<const Rule> config_rules();       // config.cpp       BD125, BD126, BD128

}  // namespace bulwark::rules::container
