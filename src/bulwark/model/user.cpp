#include "bulwark/model/user.hpp"

#include <string>

#include "bulwark/util/strings.hpp"

namespace bulwark::model {

bool is_root_user(std::string_view user) {
    std::string u = util::to_lower(util::trim(user));
    size_t colon = u.find(':');
    std::string name = colon == std::string::npos ? u : u.substr(0, colon);
    return name == "root" || name == "0" || name == "containeradministrator";
}

}  // namespace bulwark::model
