#include "bulwark/input/dockerfile/flags.hpp"

#include <charconv>
#include <span>

#include <fmt/format.h>

#include "bulwark/model/mount.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::input::dockerfile::detail {

namespace {

using model::InstructionKind;

enum class FlagType { string, strings, boolean };

struct FlagSpec {
    std::string_view name;
    FlagType type;
};

// What each instruction accepts (BuildKit's instructions/parse.go, labs flags included so that a
// `# syntax=docker/dockerfile:1-labs` file is not rejected).
constexpr FlagSpec k_from_flags[] = {{"platform", FlagType::string}};
constexpr FlagSpec k_run_flags[] = {{"mount", FlagType::strings},
                                    {"network", FlagType::string},
                                    {"security", FlagType::string},
                                    {"device", FlagType::strings}};
constexpr FlagSpec k_copy_flags[] = {{"from", FlagType::string},     {"chown", FlagType::string},
                                     {"chmod", FlagType::string},    {"link", FlagType::boolean},
                                     {"parents", FlagType::boolean}, {"exclude", FlagType::strings}};
constexpr FlagSpec k_add_flags[] = {{"chown", FlagType::string},         {"chmod", FlagType::string},
                                    {"link", FlagType::boolean},         {"checksum", FlagType::string},
                                    {"keep-git-dir", FlagType::boolean}, {"exclude", FlagType::strings},
                                    {"unpack", FlagType::boolean}};
constexpr FlagSpec k_healthcheck_flags[] = {{"interval", FlagType::string},
                                            {"timeout", FlagType::string},
                                            {"start-period", FlagType::string},
                                            {"start-interval", FlagType::string},
                                            {"retries", FlagType::string}};

std::span<const FlagSpec> flags_of(InstructionKind kind) {
    switch (kind) {
        case InstructionKind::from:
            return k_from_flags;
        case InstructionKind::run:
            return k_run_flags;
        case InstructionKind::copy:
            return k_copy_flags;
        case InstructionKind::add:
            return k_add_flags;
        case InstructionKind::healthcheck:
            return k_healthcheck_flags;
        default:
            return {};
    }
}

const FlagSpec* find_spec(std::span<const FlagSpec> specs, std::string_view name) {
    for (const FlagSpec& s : specs) {
        if (s.name == name) {
            return &s;
        }
    }
    return nullptr;
}

/// Go's time.ParseDuration; returns an error message or "" and the duration in nanoseconds.
std::string parse_go_duration(std::string_view s, double& ns) {
    std::string_view orig = s;
    auto invalid = [&] { return fmt::format("time: invalid duration {}", util::double_quote(orig)); };
    bool negative = false;
    if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
        negative = s[0] == '-';
        s.remove_prefix(1);
    }
    if (s == "0") {
        ns = 0;
        return {};
    }
    if (s.empty()) {
        return invalid();
    }
    double total = 0;
    while (!s.empty()) {
        if (!(s[0] == '.' || (s[0] >= '0' && s[0] <= '9'))) {
            return invalid();
        }
        size_t i = 0;
        double v = 0;
        size_t pre = 0;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
            v = v * 10 + (s[i] - '0');
            ++i;
            ++pre;
        }
        size_t post = 0;
        if (i < s.size() && s[i] == '.') {
            ++i;
            double scale = 0.1;
            while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
                v += (s[i] - '0') * scale;
                scale /= 10;
                ++i;
                ++post;
            }
        }
        if (pre == 0 && post == 0) {
            return invalid();
        }
        size_t u = i;
        while (u < s.size() && s[u] != '.' && !(s[u] >= '0' && s[u] <= '9')) {
            ++u;
        }
        std::string_view unit = s.substr(i, u - i);
        if (unit.empty()) {
            return fmt::format("time: missing unit in duration {}", util::double_quote(orig));
        }
        double mult = 0;
        if (unit == "ns") {
            mult = 1;
        } else if (unit == "us" || unit == "\xC2\xB5s" || unit == "\xCE\xBCs") {
            mult = 1e3;
        } else if (unit == "ms") {
            mult = 1e6;
        } else if (unit == "s") {
            mult = 1e9;
        } else if (unit == "m") {
            mult = 60e9;
        } else if (unit == "h") {
            mult = 3600e9;
        } else {
            return fmt::format("time: unknown unit {} in duration {}", util::double_quote(unit),
                               util::double_quote(orig));
        }
        total += v * mult;
        s.remove_prefix(u);
    }
    ns = negative ? -total : total;
    return {};
}

/// Value checks BuildKit makes for particular flags; returns an error message or "".
std::string check_value(InstructionKind kind, const model::Flag& f) {
    bool has_var = f.value.find('$') != std::string::npos;
    if (kind == InstructionKind::run && f.name == "mount") {
        return model::parse_mount(f.value).error;
    }
    if (kind == InstructionKind::run && f.name == "network" && !has_var) {
        if (f.value != "default" && f.value != "none" && f.value != "host") {
            return fmt::format("unsupported network mode {}", util::double_quote(f.value));
        }
    }
    if (kind == InstructionKind::run && f.name == "security" && !has_var) {
        if (f.value != "sandbox" && f.value != "insecure") {
            return fmt::format("unsupported security mode {}", util::double_quote(f.value));
        }
    }
    if (kind == InstructionKind::healthcheck && f.name == "retries" && !f.value.empty()) {
        long long n = 0;
        const char* b = f.value.data();
        const char* e = b + f.value.size();
        if (*b == '+') {
            ++b;
        }
        auto [ptr, ec] = std::from_chars(b, e, n);
        if (ec != std::errc() || ptr != e || n > 2147483647LL || n < -2147483648LL) {
            return fmt::format("strconv.ParseInt: parsing {}: invalid syntax", util::double_quote(f.value));
        }
        if (n < 1) {
            return fmt::format("--retries must be at least 1 (not {})", n);
        }
    } else if (kind == InstructionKind::healthcheck && !f.value.empty()) {
        double ns = 0;
        std::string err = parse_go_duration(f.value, ns);
        if (!err.empty()) {
            return err;
        }
        if (ns != 0 && ns < 1e6) {
            return fmt::format("Interval {} cannot be less than 1ms", util::double_quote(f.name));
        }
    }
    return {};
}

}  // namespace

size_t extract_flags(std::string_view text, size_t pos, std::vector<RawFlag>& out) {
    const size_t n = text.size();
    static thread_local std::string word;  // reused: no allocation per flag
    while (true) {
        pos = skip_blanks(text, pos);
        if (pos >= n) {
            return n;
        }
        if (text[pos] != '-' || pos + 1 >= n || text[pos + 1] != '-') {
            return pos;
        }
        size_t begin = pos;
        word.clear();
        char quote = 0;
        while (pos < n) {
            char c = text[pos];
            if (quote == 0 && is_blank(c)) {
                break;
            }
            if (quote == 0 && (c == '\'' || c == '"')) {
                quote = c;
                ++pos;
                continue;
            }
            if (quote != 0 && c == quote) {
                quote = 0;
                ++pos;
                continue;
            }
            if (c == '\\') {
                if (pos + 1 == n) {
                    quote = 0;
                    ++pos;
                    continue;  // a backslash at the very end is dropped
                }
                ++pos;
                c = text[pos];
            }
            word += c;
            ++pos;
        }
        if (word == "--") {
            return pos;
        }
        RawFlag f;
        f.begin = begin;
        f.end = pos;
        std::string_view body = std::string_view(word).substr(2);
        size_t eq = body.find('=');
        f.name.assign(body.substr(0, eq));
        if (eq != std::string_view::npos) {
            f.has_value = true;
            f.value.assign(body.substr(eq + 1));
        }
        size_t raw_eq = text.substr(begin, pos - begin).find('=');
        f.value_begin = raw_eq == std::string_view::npos ? pos : begin + raw_eq + 1;
        out.push_back(std::move(f));
    }
}

std::vector<model::Flag> check_flags(const ParseContext& ctx, model::InstructionKind kind, TextView line,
                                     std::vector<RawFlag>& raw) {
    std::vector<model::Flag> flags;
    flags.reserve(raw.size());
    std::span<const FlagSpec> specs = flags_of(kind);
    bool seen[8] = {};  // by index in `specs` (at most 7 per instruction)
    for (RawFlag& r : raw) {
        model::Flag f;
        f.name = std::move(r.name);
        f.value = std::move(r.value);
        f.has_value = r.has_value;
        f.range = line.source_range(r.begin, r.end);
        f.value_range = line.source_range(r.value_begin, r.end);
        const FlagSpec* spec = find_spec(specs, f.name);
        if (spec == nullptr) {
            std::vector<std::string_view> names;
            for (const FlagSpec& s : specs) {
                names.push_back(s.name);
            }
            ctx.error(f.range.begin, with_suggestion("unknown flag: " + f.name, suggest(f.name, names)));
        } else {
            auto index = static_cast<size_t>(spec - specs.data());
            bool duplicate = seen[index];
            seen[index] = true;
            if (duplicate && spec->type != FlagType::strings) {
                ctx.error(f.range.begin, "duplicate flag specified: " + f.name);
            } else if (spec->type == FlagType::boolean && f.has_value && f.value.empty()) {
                ctx.error(f.range.begin, "missing a value on flag: " + f.name);
            } else if (spec->type == FlagType::boolean && !f.value.empty() &&
                       !util::iequals(f.value, "true") && !util::iequals(f.value, "false")) {
                ctx.error(f.value_range.begin,
                          fmt::format("expecting boolean value for flag {}, not: {}", f.name, f.value));
            } else if (spec->type != FlagType::boolean && !f.has_value) {
                ctx.error(f.range.begin, "missing a value on flag: " + f.name);
            } else if (std::string err = check_value(kind, f); !err.empty()) {
                ctx.error(f.value_range.begin, std::move(err));
            }
        }
        flags.push_back(std::move(f));
    }
    return flags;
}

}  // namespace bulwark::input::dockerfile::detail
