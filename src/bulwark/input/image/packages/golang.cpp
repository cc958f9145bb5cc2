// Go binaries: the build info the Go linker embeds (`go version -m`), read from an ELF file as it
// streams by. Only the Go >= 1.18 layout (strings inline after the 32-byte header) is decoded.
#include <cstring>

#include "bulwark/input/image/packages/parsers.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::input::image::packages {

namespace {

constexpr std::string_view k_magic = "\xff Go buildinf:";
constexpr std::string_view k_elf =
    "\x7f"
    "ELF";
constexpr size_t k_header = 32;
constexpr unsigned k_flag_inline = 2;

/// Reads a uvarint-length-prefixed string; false when it does not fit.
bool read_string(std::string_view& in, std::string_view& out) {
    uint64_t len = 0;
    unsigned shift = 0;
    size_t i = 0;
    for (;; ++i) {
        if (i >= in.size() || i >= 10) {
            return false;
        }
        auto b = static_cast<unsigned char>(in[i]);
        len |= static_cast<uint64_t>(b & 0x7fU) << shift;
        shift += 7;
        if ((b & 0x80U) == 0) {
            break;
        }
    }
    in.remove_prefix(i + 1);
    if (len > in.size()) {
        return false;
    }
    out = in.substr(0, len);
    in.remove_prefix(len);
    return true;
}

}  // namespace

void GoBuildInfoScanner::feed(std::string_view chunk) {
    if (m_not_elf || chunk.empty()) {
        return;
    }
    if (m_head.size() < k_elf.size()) {
        m_head.append(chunk.substr(0, k_elf.size() - m_head.size()));
        if (k_elf.substr(0, m_head.size()) != m_head) {
            m_not_elf = true;
            m_candidates.clear();
            return;
        }
    }
    for (std::string& c : m_candidates) {
        if (c.size() < k_window) {
            c.append(chunk.substr(0, k_window - c.size()));
        }
    }
    auto add = [&](std::string c) {
        if (m_candidates.size() < k_max_candidates) {
            m_candidates.push_back(std::move(c));
        }
    };
    // A magic that starts in the previous chunk's tail.
    if (!m_tail.empty()) {
        std::string boundary = m_tail;
        boundary.append(chunk.substr(0, k_magic.size() - 1));
        for (size_t i = boundary.find(k_magic); i != std::string::npos && i < m_tail.size();
             i = boundary.find(k_magic, i + 1)) {
            std::string c = m_tail.substr(i);
            c.append(chunk.substr(0, k_window - c.size()));
            add(std::move(c));
        }
    }
    for (size_t pos = 0; pos < chunk.size() && m_candidates.size() < k_max_candidates;) {
        const void* hit = memmem(chunk.data() + pos, chunk.size() - pos, k_magic.data(), k_magic.size());
        if (hit == nullptr) {
            break;
        }
        size_t at = static_cast<size_t>(static_cast<const char*>(hit) - chunk.data());
        add(std::string(chunk.substr(at, k_window)));
        pos = at + 1;
    }
    size_t keep = k_magic.size() - 1;
    if (chunk.size() >= keep) {
        m_tail.assign(chunk.substr(chunk.size() - keep));
    } else {
        m_tail.append(chunk);
        if (m_tail.size() > keep) {
            m_tail.erase(0, m_tail.size() - keep);
        }
    }
}

std::vector<model::Package> parse_go_buildinfo(std::string_view bytes, std::string& note) {
    std::vector<model::Package> out;
    if (bytes.size() < k_header || bytes.substr(0, k_magic.size()) != k_magic) {
        return out;
    }
    auto ptr_size = static_cast<unsigned char>(bytes[14]);
    auto flags = static_cast<unsigned char>(bytes[15]);
    if (ptr_size != 4 && ptr_size != 8) {
        return out;  // the magic as a string constant, not a header
    }
    if ((flags & k_flag_inline) == 0) {
        note = "Go build info from before Go 1.18 (pointer layout) is not read";
        return out;
    }
    std::string_view in = bytes.substr(k_header);
    std::string_view go_version;
    std::string_view mod;
    if (!read_string(in, go_version) || !util::starts_with(go_version, "go")) {
        return out;
    }
    if (!read_string(in, mod)) {
        note = "Go build info is larger than the window read and was not decoded";
        return out;
    }
    // The module info is framed by 16-byte sentinels.
    if (mod.size() >= 33 && mod[mod.size() - 17] == '\n') {
        mod = mod.substr(16, mod.size() - 32);
    }
    model::Package main;
    main.type = "golang";
    main.application = true;
    std::vector<model::Package> deps;
    // The entry a "=>" line replaces: the main module or a dependency (an index: deps grows).
    enum class Last { none, main_module, dependency } last = Last::none;
    for (std::string_view line : util::split(mod, '\n')) {
        std::vector<std::string_view> f = util::split(line, '\t');
        if (f.size() >= 2 && f[0] == "path" && main.name.empty()) {
            main.name = std::string(f[1]);
        } else if (f.size() >= 3 && f[0] == "mod" && !f[1].empty()) {
            main.name = std::string(f[1]);
            main.version = std::string(f[2]);
            last = Last::main_module;
        } else if (f.size() >= 3 && f[0] == "dep" && !f[1].empty() && deps.size() < k_max_packages) {
            model::Package d;
            d.type = "golang";
            d.name = std::string(f[1]);
            d.version = std::string(f[2]);
            deps.push_back(std::move(d));
            last = Last::dependency;
        } else if (f.size() >= 2 && f[0] == "=>" && !f[1].empty() && last != Last::none) {
            // A replacement: what was built is the replacing module (a local path has no version).
            model::Package& replaced = last == Last::main_module ? main : deps.back();
            replaced.name = std::string(f[1]);
            replaced.version = f.size() >= 3 ? std::string(f[2]) : std::string();
        }
    }
    if (main.version == "(devel)") {
        main.version.clear();
    }
    if (!main.name.empty()) {
        out.push_back(std::move(main));
    }
    model::Package stdlib;
    stdlib.type = "golang";
    stdlib.name = "stdlib";
    // "go1.21.5" -> "v1.21.5"; an experiment suffix (" X:...") is dropped.
    std::string_view v = go_version.substr(2);
    v = v.substr(0, v.find_first_of(" \t"));
    stdlib.version = "v" + std::string(v);
    out.push_back(std::move(stdlib));
    for (model::Package& d : deps) {
        out.push_back(std::move(d));
    }
    return out;
}

}  // namespace bulwark::input::image::packages
