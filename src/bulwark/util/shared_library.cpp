#include "bulwark/util/shared_library.hpp"

#include <dlfcn.h>

#include <stdexcept>

namespace bulwark::util {

SharedLibrary::SharedLibrary(std::initializer_list<const char*> sonames, std::string_view package) {
    std::string tried;
    std::string last_error;
    for (const char* name : sonames) {
        m_handle = dlopen(name, RTLD_NOW | RTLD_LOCAL);
        if (m_handle != nullptr) {
            m_soname = name;
            return;
        }
        const char* why = dlerror();
        last_error = why != nullptr ? why : "unknown error";
        tried += tried.empty() ? name : std::string(" or ") + name;
    }
    throw std::runtime_error("cannot load " + tried + " (" + last_error + "); install Debian's " +
                             std::string(package) + " package");
}

void* SharedLibrary::symbol(const char* name) const {
    dlerror();
    void* address = dlsym(m_handle, name);
    if (address == nullptr) {
        const char* why = dlerror();
        throw std::runtime_error(m_soname + " has no " + name +
                                 (why != nullptr ? std::string(": ") + why : ""));
    }
    return address;
}

}  // namespace bulwark::util
