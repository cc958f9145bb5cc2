#pragma once
// The build-context rules; each .cpp in this folder defines one table of rules over
// model::BuildContext (the files `docker build` sends) and the Dockerfile that is built.
#include <span>

#include "bulwark/rules/rule.hpp"

namespace bulwark::rules::context {

std::span<const Rule> secret_rules();  // secrets.cpp  BD150-BD159 (ids used: BD150-BD153)

}  // namespace bulwark::rules::context
