#pragma once
// The seccomp profile rules; each .cpp in this folder defines one table of rules over
// model::SeccompProfile.
#include <span>

#include "bulwark/rules/rule.hpp"

namespace bulwark::rules::seccomp {

std::span<const Rule> profile_rules();  // profile.cpp  BD230-BD239 (ids used: BD230-BD232)

}  // namespace bulwark::rules::seccomp
