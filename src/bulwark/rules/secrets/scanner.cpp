#include "bulwark/rules/secrets/scanner.hpp"

#include <hs/hs.h>

#include <algorithm>
#include <limits>
#include <mutex>
#include <stdexcept>
#include <tuple>

#include "bulwark/rules/ascii.hpp"
#include "bulwark/rules/secrets/database.hpp"
#include "bulwark/rules/secrets/names.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::rules::secrets {

namespace {

// Bytes after a private key header that must hold key material (so `grep "BEGIN RSA PRIVATE KEY"`
// is not a key), and the context a window keeps on each side.
constexpr size_t k_key_body_window = 256;
constexpr size_t k_overlap = SecretScanner::k_max_match + k_key_body_window;
// Inputs up to this size are scanned in one Hyperscan call.
constexpr size_t k_block_limit = size_t{256} << 20U;
/// How far before a match end the located database looks for its start: well beyond the longest
/// match resolved (k_max_match), so a start is never cut by the region.
constexpr uint64_t k_region_before = 3 * SecretScanner::k_max_match;

bool is_key_char(char c) {
    return ascii_alnum(c) || c == '_' || c == '.' || c == '-';
}

bool is_base64_char(char c) {
    return ascii_alnum(c) || c == '+' || c == '/' || c == '=';
}

/// Characters of an unquoted assigned value (the BW_VALUE class of patterns.cpp).
bool is_value_char(char c) {
    return c > ' ' && c < '\x7f' && std::string_view("\"'$;&|<>`\\,(){}").find(c) == std::string_view::npos;
}

/// True when key material follows a private key header at `pos`: a line of at least 40 base64
/// characters, after optional header fields (Proc-Type:, Version:) and line breaks (real or "\n").
bool has_key_material(std::string_view data, size_t pos) {
    size_t limit = std::min(data.size(), pos + k_key_body_window);
    size_t i = pos;
    for (int line = 0; line < 6 && i < limit; ++line) {
        while (i < limit) {
            if (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n') {
                ++i;
            } else if (data[i] == '\\' && i + 1 < limit && (data[i + 1] == 'n' || data[i + 1] == 'r')) {
                i += 2;
            } else {
                break;
            }
        }
        size_t j = i;
        while (j < limit && is_base64_char(data[j])) {
            ++j;
        }
        if (j - i >= 40) {
            return true;
        }
        size_t k = i;
        while (k < limit && (ascii_alnum(data[k]) || data[k] == '-')) {
            ++k;
        }
        if (k == i || k >= limit || data[k] != ':') {
            return false;
        }
        // A header field ("DEK-Info: ..."): skip to the next line.
        j = k;
        while (j < limit && data[j] != '\n' && !(data[j] == '\\' && j + 1 < limit && data[j + 1] == 'n')) {
            ++j;
        }
        i = j;
    }
    return false;
}

/// Hosts reserved for documentation (RFC 2606): credentials for them are examples.
bool is_documentation_host(std::string_view host) {
    std::string h = util::to_lower(host.substr(0, host.find(':')));
    for (std::string_view d : {"example.com", "example.net", "example.org"}) {
        if (h == d || util::ends_with(h, "." + std::string(d))) {
            return true;
        }
    }
    return h == "example" || util::ends_with(h, ".example");
}

// Longest key and value the generic patterns extend to (Hyperscan matches only their start).
constexpr size_t k_max_key = 128;
constexpr size_t k_max_value = 128;

/// Tokens made of a handful of distinct characters are documentation fillers (ghp_xxxx..., AKIA0000...).
bool low_entropy(std::string_view v) {
    if (v.size() < 20) {
        return false;
    }
    bool seen[256] = {};
    size_t distinct = 0;
    for (char c : v) {
        auto u = static_cast<unsigned char>(c);
        if (!seen[u]) {
            seen[u] = true;
            ++distinct;
        }
    }
    return distinct < 8;
}

struct Candidate {
    uint32_t id = 0;
    uint64_t from = 0;
    uint64_t to = 0;
};

bool is_identifier(std::string_view s) {
    return !s.empty() && !(s[0] >= '0' && s[0] <= '9') &&
           std::all_of(s.begin(), s.end(), [](char c) { return ascii_alnum(c) || c == '_'; });
}

/// An unquoted value that is program code, not a literal: a call or subscript (`get_password()`,
/// `os.environ["X"]`, `config.get(...)`) or a member access (`settings.SECRET_KEY`,
/// `process.env.TOKEN`). `next` is the byte after the matched value.
bool is_code_reference(std::string_view value, char next) {
    size_t bracket = value.find('[');
    std::string_view path = value.substr(0, bracket);
    if (path.empty() || path.back() == '.') {
        return false;
    }
    size_t parts = 0;
    for (std::string_view part : util::split(path, '.')) {
        if (!is_identifier(part)) {
            return false;
        }
        ++parts;
    }
    return bracket != std::string_view::npos || next == '(' || parts >= 2;
}

/// A match end reported by the prefilter database.
struct End {
    uint32_t id = 0;
    uint64_t to = 0;
    bool operator<(const End& o) const { return std::tie(to, id) < std::tie(o.to, o.id); }
    bool operator==(const End& o) const = default;
};

int on_end(unsigned int id, unsigned long long /*from*/, unsigned long long to, unsigned int /*flags*/,
           void* context) {
    static_cast<std::vector<End>*>(context)->push_back(End{id, to});
    return 0;
}

/// The located database's scan of one region of a window.
struct RegionScan {
    std::vector<Candidate>* out = nullptr;
    const std::vector<End>* ends = nullptr;  // sorted: only matches ending at a prefilter end count
    uint64_t offset = 0;                     // of the region in the window
};

int on_match(unsigned int id, unsigned long long from, unsigned long long to, unsigned int /*flags*/,
             void* context) {
    const auto& region = *static_cast<RegionScan*>(context);
    from += region.offset;
    to += region.offset;
    // A match that only exists because the region cuts the data (a word boundary at its first
    // byte) ends where the prefilter saw no match.
    if (!std::binary_search(region.ends->begin(), region.ends->end(), End{id, to})) {
        return 0;
    }
    auto& out = *region.out;
    // Hyperscan reports every end of a match; keep the longest per (pattern, start).
    for (size_t i = out.size(), seen = 0; i > 0 && seen < 8; --i, ++seen) {
        Candidate& c = out[i - 1];
        if (c.id == id && c.from == from) {
            c.to = std::max<uint64_t>(c.to, to);
            return 0;
        }
    }
    out.push_back(Candidate{id, from, to});
    return 0;
}

bool is_generic(PatternKind k) {
    return k == PatternKind::named_assignment || k == PatternKind::option || k == PatternKind::url;
}

}  // namespace

struct SecretScanner::Impl {
    hs_database_t* prefilter = nullptr;  // match ends only: runs over every byte
    hs_database_t* db = nullptr;         // leftmost starts: runs around the prefilter's ends
    hs_scratch_t* prototype = nullptr;   // sized for both
    std::mutex mutex;
    std::vector<hs_scratch_t*> pool;

    ~Impl() {
        for (hs_scratch_t* s : pool) {
            hs_free_scratch(s);
        }
        hs_free_scratch(prototype);
        hs_free_database(db);
        hs_free_database(prefilter);
    }

    void allocate_scratch() {
        if (hs_alloc_scratch(prefilter, &prototype) != HS_SUCCESS ||
            hs_alloc_scratch(db, &prototype) != HS_SUCCESS) {
            throw std::runtime_error("hyperscan: cannot allocate scratch space");
        }
    }

    hs_scratch_t* acquire() {
        {
            std::lock_guard<std::mutex> lock(mutex);
            if (!pool.empty()) {
                hs_scratch_t* s = pool.back();
                pool.pop_back();
                return s;
            }
        }
        hs_scratch_t* s = nullptr;
        if (hs_clone_scratch(prototype, &s) != HS_SUCCESS) {
            throw std::runtime_error("hyperscan: cannot allocate scratch space");
        }
        return s;
    }

    void release(hs_scratch_t* s) {
        std::lock_guard<std::mutex> lock(mutex);
        pool.push_back(s);
    }
};

SecretScanner::SecretScanner(std::span<const SecretPattern> patterns)
    : m_patterns(patterns), m_impl(std::make_unique<Impl>()) {
    m_impl->prefilter = compile_database(patterns, DatabaseKind::prefilter);
    m_impl->db = compile_database(patterns, DatabaseKind::located);
    m_impl->allocate_scratch();
}

SecretScanner::SecretScanner(std::span<const SecretPattern> patterns, std::string_view serialized_prefilter,
                             std::string_view serialized)
    : m_patterns(patterns), m_impl(std::make_unique<Impl>()) {
    // The databases serialized at build time, unless they were built for other patterns or do not
    // run here (another Hyperscan version, or CPU features the build machine had and this one lacks).
    bool current = embedded_patterns_hash() == patterns_hash(patterns);
    auto load = [&](std::string_view bytes, DatabaseKind kind) {
        hs_database_t* db = nullptr;
        if (!current || bytes.empty() ||
            hs_deserialize_database(bytes.data(), bytes.size(), &db) != HS_SUCCESS) {
            db = compile_database(patterns, kind);
        }
        return db;
    };
    m_impl->prefilter = load(serialized_prefilter, DatabaseKind::prefilter);
    m_impl->db = load(serialized, DatabaseKind::located);
    m_impl->allocate_scratch();
}

SecretScanner::~SecretScanner() = default;

const SecretScanner& SecretScanner::builtin() {
    static const SecretScanner k_scanner(builtin_patterns(), embedded_database(DatabaseKind::prefilter),
                                         embedded_database(DatabaseKind::located));
    return k_scanner;
}

namespace {

/// Checks one candidate [from, to) of `data` and fills `m`; false when it is not a secret.
bool resolve(const SecretPattern& p, std::string_view data, size_t from, size_t to, SecretMatch& m) {
    if (p.kind == PatternKind::named_assignment) {
        // The pattern starts at the secret word; the name may begin earlier (DB_PASSWORD).
        size_t limit = from > k_max_key ? from - k_max_key : 0;
        while (from > limit && is_key_char(data[from - 1])) {
            --from;
        }
        if (from > 0 && data[from - 1] == '{') {
            return false;  // ${PASSWORD:-default}: a variable expression, not an assignment
        }
    }
    if (p.kind == PatternKind::url) {
        size_t limit = from > 16 ? from - 16 : 0;
        while (from > limit && (ascii_alnum(data[from - 1]) || data[from - 1] == '+' ||
                                data[from - 1] == '.' || data[from - 1] == '-')) {
            --from;
        }
        while (to < data.size() && (ascii_alnum(data[to]) || data[to] == '.' || data[to] == '-')) {
            ++to;
        }
    }
    if (p.kind == PatternKind::named_assignment || p.kind == PatternKind::option) {
        size_t limit = std::min(data.size(), to + k_max_value);
        while (to < limit && is_value_char(data[to])) {
            ++to;
        }
    }
    std::string_view text = data.substr(from, to - from);
    size_t vb = 0;  // value [vb, ve) within text
    size_t ve = text.size();
    switch (p.kind) {
        case PatternKind::token: {
            if ((from > 0 && ascii_alnum(data[from - 1])) || (to < data.size() && ascii_alnum(data[to]))) {
                return false;
            }
            if (low_entropy(text) || is_placeholder(text)) {
                return false;
            }
            break;
        }
        case PatternKind::assignment:
        case PatternKind::named_assignment:
        case PatternKind::option: {
            size_t k = 0;
            while (k < text.size() && is_key_char(text[k])) {
                ++k;
            }
            m.key = std::string(text.substr(0, k));
            if (p.kind != PatternKind::assignment && !is_secret_name(m.key)) {
                return false;
            }
            size_t i = k;
            bool colon = false;
            bool quoted = false;
            while (i < text.size() && (text[i] == '"' || text[i] == '\'' || text[i] == ' ' ||
                                       text[i] == '\t' || text[i] == ':' || text[i] == '=')) {
                colon = colon || text[i] == ':';
                quoted = quoted || ((text[i] == '"' || text[i] == '\'') && i > k);
                ++i;
            }
            // "Authorization: Bearer <value>": the scheme word is not the secret.
            for (std::string_view scheme : {"basic ", "bearer ", "token "}) {
                if (text.size() - i > scheme.size() && util::iequals(text.substr(i, scheme.size()), scheme)) {
                    i += scheme.size();
                    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) {
                        ++i;
                    }
                    break;
                }
            }
            vb = i;
            std::string_view value = text.substr(vb);
            if (value.empty() || is_placeholder(value) || looks_like_path(value)) {
                return false;
            }
            if (p.kind == PatternKind::option && is_secret_reference_spec(value)) {
                return false;  // `docker build --secret id=npmrc,src=.npmrc`: names a secret, holds none
            }
            if (p.kind == PatternKind::named_assignment) {
                // `Token: required` in prose: an unquoted word after ':' must look like a credential.
                bool has_digit_or_symbol = std::any_of(value.begin(), value.end(), [](char c) {
                    return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
                });
                if (colon && !quoted && !has_digit_or_symbol && value.size() < 16) {
                    return false;
                }
                if (to < data.size() && data[to] == '$') {
                    return false;  // password=abc${SUFFIX}: not a literal
                }
                if (!quoted && is_code_reference(value, to < data.size() ? data[to] : '\0')) {
                    return false;  // secret = os.environ["SECRET"]: read from elsewhere, not written here
                }
            }
            break;
        }
        case PatternKind::url: {
            size_t scheme_end = text.find("://");
            size_t colon = text.find(':', scheme_end + 3);
            size_t at = text.find('@', colon);
            if (scheme_end == 0 || scheme_end == std::string_view::npos || colon == std::string_view::npos ||
                at == std::string_view::npos) {
                return false;
            }
            std::string_view user = text.substr(scheme_end + 3, colon - scheme_end - 3);
            std::string_view host = text.substr(at + 1);
            vb = colon + 1;
            ve = at;
            std::string_view pass = text.substr(vb, ve - vb);
            if (is_placeholder(pass) || is_placeholder(user) || pass == user || is_documentation_host(host)) {
                return false;
            }
            m.key = std::string(text.substr(0, colon)) + "@" + std::string(host);
            break;
        }
        case PatternKind::private_key: {
            if (!has_key_material(data, to)) {
                return false;
            }
            break;
        }
    }
    m.begin = from;
    m.end = to;
    m.value_begin = from + vb;
    m.value_end = from + ve;
    m.preview = p.kind == PatternKind::private_key ? std::string(text) : redact(text.substr(vb, ve - vb));
    return true;
}

}  // namespace

void SecretScanner::scan_window(std::string_view data, uint64_t base, size_t accept_begin, size_t accept_end,
                                std::vector<SecretMatch>& out) const {
    if (data.empty()) {
        return;
    }
    // The prefilter finds where matches end; only regions before those ends are scanned again
    // for their starts (start-of-match tracking over every byte costs several times more).
    std::vector<End> ends;
    std::vector<Candidate> candidates;
    hs_scratch_t* scratch = m_impl->acquire();
    hs_error_t rc = hs_scan(m_impl->prefilter, data.data(), static_cast<unsigned int>(data.size()), 0,
                            scratch, on_end, &ends);
    if (rc == HS_SUCCESS && !ends.empty()) {
        std::sort(ends.begin(), ends.end());
        ends.erase(std::unique(ends.begin(), ends.end()), ends.end());
        RegionScan region{&candidates, &ends, 0};
        size_t i = 0;
        while (i < ends.size() && rc == HS_SUCCESS) {
            uint64_t begin = ends[i].to > k_region_before ? ends[i].to - k_region_before : 0;
            uint64_t end = ends[i].to;
            while (i < ends.size() &&
                   (ends[i].to > k_region_before ? ends[i].to - k_region_before : 0) <= end) {
                end = std::max<uint64_t>(end, ends[i].to);
                ++i;
            }
            region.offset = begin;
            rc = hs_scan(m_impl->db, data.data() + begin, static_cast<unsigned int>(end - begin), 0, scratch,
                         on_match, &region);
        }
    }
    m_impl->release(scratch);
    if (rc != HS_SUCCESS) {
        throw std::runtime_error("hyperscan: scan failed");
    }
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
        return std::tie(a.from, a.id, b.to) < std::tie(b.from, b.id, a.to);
    });
    std::vector<SecretMatch> found;
    std::vector<uint64_t> covered_until(m_patterns.size(), 0);
    for (size_t i = 0; i < candidates.size(); ++i) {
        const Candidate& c = candidates[i];
        if (i > 0 && candidates[i - 1].id == c.id && candidates[i - 1].from == c.from) {
            continue;  // a shorter end of the same match
        }
        if (c.from < covered_until[c.id]) {
            continue;
        }
        size_t to = static_cast<size_t>(std::min<uint64_t>(c.to, c.from + k_max_match));
        const SecretPattern& p = m_patterns[c.id];
        SecretMatch m;
        if (!resolve(p, data, static_cast<size_t>(c.from), to, m)) {
            continue;
        }
        covered_until[c.id] = m.end;
        if (m.begin < accept_begin || m.begin >= accept_end) {
            continue;  // context: reported by the previous or the next window
        }
        m.pattern = c.id;
        m.id = p.id;
        m.name = p.name;
        m.severity = p.severity;
        found.push_back(std::move(m));
    }
    // A specific token inside a generic `password=...` or URL is reported once, as the token.
    std::sort(found.begin(), found.end(),
              [](const SecretMatch& a, const SecretMatch& b) { return a.begin < b.begin; });
    std::vector<std::pair<uint64_t, uint64_t>> specific;
    for (const SecretMatch& m : found) {
        if (!is_generic(m_patterns[m.pattern].kind)) {
            specific.emplace_back(m.begin, m.end);
        }
    }
    for (const SecretMatch& m : found) {
        if (is_generic(m_patterns[m.pattern].kind)) {
            // Specific matches are at most k_max_match long: only those starting after this bound can
            // overlap.
            uint64_t lo = m.begin > k_max_match ? m.begin - k_max_match : 0;
            auto it = std::lower_bound(specific.begin(), specific.end(), std::make_pair(lo, uint64_t{0}));
            bool shadowed = false;
            for (; it != specific.end() && it->first < m.end; ++it) {
                shadowed = shadowed || (m.begin < it->second);
            }
            if (shadowed) {
                continue;
            }
        }
        SecretMatch r = m;
        r.begin += base;
        r.end += base;
        r.value_begin += base;
        r.value_end += base;
        out.push_back(std::move(r));
    }
}

namespace {

thread_local const KnownMatches* t_known = nullptr;  // the innermost KnownMatches of this thread

}  // namespace

KnownMatches::KnownMatches(const SecretScanner& scanner, std::string_view data,
                           std::vector<SecretMatch> matches)
    : m_scanner(scanner), m_data(data), m_matches(std::move(matches)), m_outer(t_known) {
    t_known = this;
}

KnownMatches::~KnownMatches() {
    t_known = m_outer;
}

const std::vector<SecretMatch>* KnownMatches::find(const SecretScanner& scanner, std::string_view data) {
    for (const KnownMatches* k = t_known; k != nullptr; k = k->m_outer) {
        if (&k->m_scanner == &scanner && k->m_data.data() == data.data() && k->m_data.size() == data.size()) {
            return &k->m_matches;
        }
    }
    return nullptr;
}

std::vector<SecretMatch> SecretScanner::scan(std::string_view data) const {
    if (const std::vector<SecretMatch>* known = KnownMatches::find(*this, data); known != nullptr) {
        return *known;
    }
    std::vector<SecretMatch> out;
    if (data.size() <= k_block_limit) {
        scan_window(data, 0, 0, data.size(), out);
        return out;
    }
    SecretStream stream(*this, size_t{64} << 20U);
    for (size_t pos = 0; pos < data.size(); pos += size_t{64} << 20U) {
        stream.write(data.substr(pos, size_t{64} << 20U), out);
    }
    stream.finish(out);
    return out;
}

SecretStream::SecretStream(const SecretScanner& scanner, size_t window)
    : m_scanner(scanner), m_window(std::max(window, k_overlap)) {}

void SecretStream::write(std::string_view chunk, std::vector<SecretMatch>& out) {
    m_buffer.append(chunk);
    // Scan [left context | window | overlap]; matches starting in the window are final.
    while (m_buffer.size() >= m_context + m_window + k_overlap) {
        m_scanner.scan_window(std::string_view(m_buffer).substr(0, m_context + m_window + k_overlap), m_base,
                              m_context, m_context + m_window, out);
        size_t drop = m_context + m_window - SecretScanner::k_max_match;
        m_buffer.erase(0, drop);
        m_base += drop;
        m_context = SecretScanner::k_max_match;
    }
}

void SecretStream::finish(std::vector<SecretMatch>& out) {
    m_scanner.scan_window(m_buffer, m_base, m_context, m_buffer.size(), out);
    m_buffer.clear();
    m_base = 0;
    m_context = 0;
}

}  // namespace bulwark::rules::secrets
