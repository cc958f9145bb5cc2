#pragma once
// Judging a user value (Dockerfile USER, an image config's User, a container's --user).
#include <string_view>

namespace bulwark::model {

/// True for user values that mean root: "root", "0", optionally with any ":group", and
/// "ContainerAdministrator" (Windows). False for "" (unset: the caller decides what that means).
bool is_root_user(std::string_view user);

}  // namespace bulwark::model
