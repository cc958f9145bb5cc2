#pragma once
// Shared libraries opened on first use. Most runs of bulwark (Dockerfile, compose and docker run
// scans) never call libcurl, libarchive, libcrypto or libsqlite3; linking them would make every
// start map and relocate them and the ~35 libraries they pull in, several milliseconds per run
// (docs/performance.md).
#include <bit>
#include <initializer_list>
#include <string>
#include <string_view>

namespace bulwark::util {

/// A library opened with dlopen and kept for the life of the process.
class SharedLibrary {
  public:
    /// Opens the first of `sonames` that loads; throws std::runtime_error naming them and
    /// `package`, the Debian package that installs them, when none does.
    SharedLibrary(std::initializer_list<const char*> sonames, std::string_view package);
    SharedLibrary(const SharedLibrary&) = delete;
    SharedLibrary& operator=(const SharedLibrary&) = delete;
    ~SharedLibrary() = default;  // never closed: its functions stay reachable until exit

    /// The address of `name`; throws std::runtime_error when the library does not export it.
    void* symbol(const char* name) const;
    /// symbol() as a function pointer of type `F` (decltype(&::the_function)).
    template <class F>
    F function(const char* name) const {
        return std::bit_cast<F>(symbol(name));
    }
    /// The soname that loaded.
    const std::string& soname() const { return m_soname; }

  private:
    void* m_handle = nullptr;
    std::string m_soname;
};

}  // namespace bulwark::util
