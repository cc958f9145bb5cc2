#include "bulwark/input/image/visitors.hpp"

#include <algorithm>
#include <cstring>

#include <fmt/format.h>

#include "bulwark/util/strings.hpp"

namespace bulwark::input::image {

namespace {

constexpr size_t k_binary_probe = 8192;
// Newline positions kept behind the stream head: more than a SecretStream window plus a match.
constexpr uint64_t k_line_history = 4U << 20U;

constexpr std::string_view k_kept_paths[] = {
    "/etc/passwd",         "/etc/group",           "/etc/shadow",
    "/etc/gshadow",        "/etc/os-release",      "/usr/lib/os-release",
    "/etc/sudoers",        "/etc/ssh/sshd_config", "/etc/login.defs",
    "/etc/securetty",      "/etc/debian_version",  "/etc/alpine-release",
    "/etc/redhat-release", "/etc/lsb-release",     "/etc/docker/daemon.json",
};
constexpr std::string_view k_kept_dirs[] = {"/etc/sudoers.d/", "/etc/ssh/sshd_config.d/"};
// Credential files wherever they are (home directories, app directories).
constexpr std::string_view k_kept_names[] = {".npmrc",           ".pypirc", ".netrc",
                                             ".git-credentials", ".env",    ".pgpass"};
constexpr std::string_view k_kept_suffixes[] = {"/.docker/config.json", "/.aws/credentials", "/.kube/config",
                                                "/.config/pip/pip.conf", "/pip.conf"};

}  // namespace

bool ContentKeeper::keeps(std::string_view path) {
    for (std::string_view p : k_kept_paths) {
        if (path == p) {
            return true;
        }
    }
    for (std::string_view d : k_kept_dirs) {
        if (util::starts_with(path, d) && path.find('/', d.size()) == std::string_view::npos) {
            return true;
        }
    }
    std::string_view name = path.substr(path.rfind('/') + 1);
    for (std::string_view n : k_kept_names) {
        if (name == n) {
            return true;
        }
    }
    for (std::string_view s : k_kept_suffixes) {
        if (util::ends_with(path, s)) {
            return true;
        }
    }
    return false;
}

bool ContentKeeper::wants(const model::ImageFile& file) {
    m_data.clear();
    return keeps(file.path);
}

void ContentKeeper::data(std::string_view chunk) {
    size_t room = k_max_bytes - std::min(k_max_bytes, m_data.size());
    m_data.append(chunk.substr(0, room));
}

void ContentKeeper::end(const model::ImageFile& file, model::ImageSpec& image) {
    keep(file, std::move(m_data), image);
    m_data.clear();
}

bool ContentKeeper::wants_link(const model::ImageFile& link, const model::ImageFile& target,
                               model::ImageSpec& image) {
    if (!keeps(link.path)) {
        return false;
    }
    for (const model::ImageFileContent& c : image.contents) {
        if (c.path == target.path && c.layer == target.layer) {
            keep(link, c.data, image);  // `c` is copied before the vector grows
            return false;
        }
    }
    return true;  // another path, not kept: its bytes are read again
}

void ContentKeeper::keep(const model::ImageFile& file, std::string data, model::ImageSpec& image) {
    if (file.size > k_max_bytes) {
        m_notes.push_back(fmt::format("{} (layer {}): only its first {} MB of {} bytes is checked", file.path,
                                      file.layer, k_max_bytes >> 20U, file.size));
    }
    model::ImageFileContent c;
    c.path = file.path;
    c.layer = file.layer;
    c.data = std::move(data);
    image.contents.push_back(std::move(c));
}

SecretCollector::SecretCollector() : m_stream(rules::secrets::SecretScanner::builtin()) {}

bool SecretCollector::wants(const model::ImageFile& file) {
    m_offset = 0;
    m_binary = false;
    m_newlines.clear();
    m_dropped_lines = 0;
    m_dropped_upto = 0;
    m_matches.clear();
    m_found.clear();
    m_path = file.path;
    m_layer = file.layer;
    return file.size > 0;
}

void SecretCollector::data(std::string_view chunk) {
    if (m_offset < k_binary_probe && !m_binary) {
        std::string_view probe = chunk.substr(0, static_cast<size_t>(k_binary_probe - m_offset));
        m_binary = std::memchr(probe.data(), '\0', probe.size()) != nullptr;
    }
    if (!m_binary) {
        const char* begin = chunk.data();
        const char* end = begin + chunk.size();
        for (const char* p = begin;
             (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)))) != nullptr;
             ++p) {
            m_newlines.push_back(m_offset + static_cast<uint64_t>(p - begin));
        }
    }
    m_offset += chunk.size();
    m_stream.write(chunk, m_matches);
    convert();  // while the matches' lines are still in the history
    while (!m_newlines.empty() && m_offset > k_line_history &&
           m_newlines.front() < m_offset - k_line_history) {
        m_dropped_upto = m_newlines.front() + 1;
        m_newlines.pop_front();
        ++m_dropped_lines;
    }
}

void SecretCollector::end(const model::ImageFile& file, model::ImageSpec& image) {
    (void)file;
    m_stream.finish(m_matches);
    convert();
    if (!m_found.empty()) {
        m_ranges[{m_path, m_layer}] = {image.secrets.size(), image.secrets.size() + m_found.size()};
    }
    for (model::ImageSecret& s : m_found) {
        image.secrets.push_back(std::move(s));
    }
    m_found.clear();
}

bool SecretCollector::wants_link(const model::ImageFile& link, const model::ImageFile& target,
                                 model::ImageSpec& image) {
    auto it = m_ranges.find({target.path, target.layer});
    if (it == m_ranges.end()) {
        return false;
    }
    for (size_t i = it->second.first; i < it->second.second; ++i) {
        model::ImageSecret s = image.secrets[i];  // a copy: the vector grows
        s.path = link.path;
        s.layer = link.layer;
        image.secrets.push_back(std::move(s));
    }
    return false;
}

void SecretCollector::convert() {
    using rules::secrets::PatternKind;
    const auto patterns = rules::secrets::SecretScanner::builtin().patterns();
    for (const rules::secrets::SecretMatch& m : m_matches) {
        // In a binary (a NUL byte in its first 8 KB) only the self-identifying patterns count: the
        // generic `password=...` / `--token x` / PEM-header shapes there are format strings,
        // symbol names and built-in self-test keys (libgnutls), not credentials someone left.
        PatternKind kind = patterns[m.pattern].kind;
        if (m_binary && (kind == PatternKind::named_assignment || kind == PatternKind::option ||
                         kind == PatternKind::private_key)) {
            continue;
        }
        model::ImageSecret s;
        s.path = m_path;
        s.layer = m_layer;
        s.pattern_id = std::string(m.id);
        s.pattern_name = std::string(m.name);
        s.severity = m.severity;
        s.key = m.key;
        s.preview = m.preview;
        if (!m_binary && m.begin >= m_dropped_upto) {
            auto it = std::lower_bound(m_newlines.begin(), m_newlines.end(), m.begin);
            uint64_t line_start = it == m_newlines.begin() ? m_dropped_upto : *(it - 1) + 1;
            s.line =
                static_cast<uint32_t>(m_dropped_lines + static_cast<uint64_t>(it - m_newlines.begin()) + 1);
            s.column = static_cast<uint32_t>(m.begin - line_start + 1);
        }
        m_found.push_back(std::move(s));
    }
    m_matches.clear();
}

}  // namespace bulwark::input::image
