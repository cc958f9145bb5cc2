#pragma once
// The checks of the package rule family (table in packages.cpp).
#include "bulwark/rules/rule.hpp"

namespace bulwark::rules::dockerfile {

void check_noninteractive(const DockerfileContext& ctx, Reporter& out);    // BD050, packages_install.cpp
void check_no_recommends(const DockerfileContext& ctx, Reporter& out);     // BD051, packages_install.cpp
void check_package_cache(const DockerfileContext& ctx, Reporter& out);     // BD052, packages_cache.cpp
void check_update_alone(const DockerfileContext& ctx, Reporter& out);      // BD053, packages_install.cpp
void check_upgrade(const DockerfileContext& ctx, Reporter& out);           // BD054, packages_install.cpp
void check_unpinned(const DockerfileContext& ctx, Reporter& out);          // BD055, packages_pins.cpp
void check_apt_in_scripts(const DockerfileContext& ctx, Reporter& out);    // BD056, packages_install.cpp
void check_insecure_sources(const DockerfileContext& ctx, Reporter& out);  // BD057, packages_sources.cpp

}  // namespace bulwark::rules::dockerfile
