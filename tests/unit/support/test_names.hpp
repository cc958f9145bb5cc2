#pragma once
// GoogleTest parameter names: only letters, digits and '_' are allowed.
#include <cctype>
#include <string>

namespace bulwark::testing {

/// `name` with every character GoogleTest refuses in a test name replaced by '_'.
inline std::string test_name(std::string name) {
    for (char& ch : name) {
        if (!std::isalnum(static_cast<unsigned char>(ch))) {
            ch = '_';
        }
    }
    return name;
}

}  // namespace bulwark::testing
