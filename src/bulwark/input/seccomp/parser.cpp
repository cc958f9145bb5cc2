#include "bulwark/input/seccomp/parser.hpp"

#include <charconv>

#include <fmt/format.h>

#include "bulwark/input/json/located.hpp"

namespace bulwark::input::seccomp {

namespace {

using json::Type;

constexpr std::string_view k_actions[] = {
    "SCMP_ACT_KILL",  "SCMP_ACT_KILL_PROCESS", "SCMP_ACT_KILL_THREAD", "SCMP_ACT_TRAP",   "SCMP_ACT_ERRNO",
    "SCMP_ACT_TRACE", "SCMP_ACT_ALLOW",        "SCMP_ACT_LOG",         "SCMP_ACT_NOTIFY",
};
constexpr std::string_view k_operators[] = {
    "SCMP_CMP_NE", "SCMP_CMP_LT", "SCMP_CMP_LE",        "SCMP_CMP_EQ",
    "SCMP_CMP_GE", "SCMP_CMP_GT", "SCMP_CMP_MASKED_EQ",
};
constexpr std::string_view k_top_keys[] = {"defaultAction", "defaultErrnoRet", "architectures",
                                           "archMap",       "syscalls",        "flags",
                                           "listenerPath",  "listenerMetadata"};
constexpr std::string_view k_rule_keys[] = {"names",    "name",     "action",   "args", "comment",
                                            "includes", "excludes", "errnoRet", "errno"};

template <size_t N>
bool contains(const std::string_view (&list)[N], std::string_view s) {
    for (std::string_view x : list) {
        if (x == s) {
            return true;
        }
    }
    return false;
}

class ProfileReader {
  public:
    ProfileReader(const util::SourcePtr& source, ParseResult& out) : m_source(source), m_out(out) {}

    void read(const YAML::Node& root) {
        model::SeccompProfile& p = m_out.profile;
        size_t at = json::offset_of(*m_source, root);
        p.origin = model::Origin{m_source, {static_cast<uint32_t>(at), static_cast<uint32_t>(at + 1)}};
        if (json::type_of(root) != Type::object) {
            error(root, fmt::format("a seccomp profile must be a JSON object, not {}",
                                    json::type_name(json::type_of(root))));
            return;
        }
        for (const auto& kv : root) {
            const std::string& key = kv.first.Scalar();
            const YAML::Node& value = kv.second;
            if (key == "defaultAction") {
                if (std::optional<model::Setting<std::string>> a = action(kv.first, value)) {
                    p.default_action = *a;
                }
            } else if (key == "syscalls") {
                read_syscalls(value);
            } else if (!contains(k_top_keys, key)) {
                error(kv.first, fmt::format("unknown seccomp profile key `{}`", key),
                      core::DiagLevel::warning);
            }
        }
        if (!p.default_action.set && !m_bad_default) {
            error(root, "the seccomp profile has no `defaultAction`: Docker refuses to load it");
        }
    }

  private:
    void error(const YAML::Node& at, std::string message, core::DiagLevel level = core::DiagLevel::error) {
        m_out.diagnostics.push_back(
            core::make_diagnostic(level, *m_source, json::offset_of(*m_source, at), std::move(message)));
    }

    /// A validated action name, with the range of its key and value.
    std::optional<model::Setting<std::string>> action(const YAML::Node& key, const YAML::Node& value) {
        bool is_default = key.Scalar() == "defaultAction";
        if (json::type_of(value) != Type::string) {
            error(value, fmt::format("`{}` must be a string such as \"SCMP_ACT_ERRNO\", not {}", key.Scalar(),
                                     json::type_name(json::type_of(value))));
            m_bad_default = m_bad_default || is_default;
            return std::nullopt;
        }
        if (!is_known_action(value.Scalar())) {
            error(value,
                  fmt::format("unknown seccomp action `{}` (expected one of SCMP_ACT_ERRNO, SCMP_ACT_ALLOW, "
                              "SCMP_ACT_KILL_PROCESS, SCMP_ACT_KILL_THREAD, SCMP_ACT_TRAP, SCMP_ACT_TRACE, "
                              "SCMP_ACT_LOG, SCMP_ACT_NOTIFY)",
                              value.Scalar()));
            m_bad_default = m_bad_default || is_default;
            return std::nullopt;
        }
        model::Range k = json::range_of(*m_source, key);
        model::Range v = json::range_of(*m_source, value);
        return model::Setting<std::string>{value.Scalar(), model::Origin{m_source, {k.begin, v.end}}, true,
                                           true};
    }

    void read_syscalls(const YAML::Node& list) {
        if (json::type_of(list) == Type::null) {
            return;
        }
        if (json::type_of(list) != Type::array) {
            error(list,
                  fmt::format("`syscalls` must be an array, not {}", json::type_name(json::type_of(list))));
            return;
        }
        for (const YAML::Node& entry : list) {
            read_rule(entry);
        }
    }

    std::vector<std::string> strings(const YAML::Node& key, const YAML::Node& value) {
        std::vector<std::string> out;
        if (json::type_of(value) == Type::null) {
            return out;
        }
        if (json::type_of(value) != Type::array) {
            error(value, fmt::format("`{}` must be an array of strings", key.Scalar()));
            return out;
        }
        for (const YAML::Node& item : value) {
            if (json::type_of(item) != Type::string) {
                error(item, fmt::format("`{}` entries must be strings", key.Scalar()));
                continue;
            }
            out.push_back(item.Scalar());
        }
        return out;
    }

    /// `includes`/`excludes`: {caps, arches, minKernel}.
    void read_filter(const YAML::Node& key, const YAML::Node& value, model::SeccompRule& rule, bool include) {
        if (json::type_of(value) == Type::null) {
            return;
        }
        if (json::type_of(value) != Type::object) {
            error(value, fmt::format("`{}` must be an object with caps, arches or minKernel", key.Scalar()));
            return;
        }
        for (const auto& kv : value) {
            const std::string& k = kv.first.Scalar();
            if (k == "caps") {
                (include ? rule.include_caps : rule.exclude_caps) = strings(kv.first, kv.second);
            } else if (k == "arches") {
                (include ? rule.include_arches : rule.exclude_arches) = strings(kv.first, kv.second);
            } else if (k == "minKernel") {
                if (json::type_of(kv.second) == Type::string) {
                    if (include) {
                        rule.include_min_kernel = kv.second.Scalar();
                    }
                } else if (json::type_of(kv.second) != Type::null) {
                    error(kv.second, "`minKernel` must be a string such as \"4.8\"");
                }
            } else {
                error(kv.first, fmt::format("unknown key `{}` in `{}`", k, key.Scalar()),
                      core::DiagLevel::warning);
            }
        }
    }

    std::optional<uint64_t> number(const YAML::Node& key, const YAML::Node& value) {
        const std::string& s = value.Scalar();
        uint64_t n = 0;
        auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
        if (json::type_of(value) != Type::number || ec != std::errc() || end != s.data() + s.size()) {
            error(value, fmt::format("`{}` must be a non-negative integer", key.Scalar()));
            return std::nullopt;
        }
        return n;
    }

    void read_args(const YAML::Node& key, const YAML::Node& value, model::SeccompRule& rule) {
        if (json::type_of(value) == Type::null) {
            return;
        }
        if (json::type_of(value) != Type::array) {
            error(value, "`args` must be an array of {index, value, valueTwo, op} objects");
            return;
        }
        for (const YAML::Node& a : value) {
            if (json::type_of(a) != Type::object) {
                error(a, fmt::format("`{}` entries must be objects", key.Scalar()));
                continue;
            }
            model::SeccompArg arg;
            bool has_op = false;
            for (const auto& kv : a) {
                const std::string& k = kv.first.Scalar();
                if (k == "index") {
                    arg.index = number(kv.first, kv.second).value_or(0);
                } else if (k == "value") {
                    arg.value = number(kv.first, kv.second).value_or(0);
                } else if (k == "valueTwo") {
                    arg.value_two = number(kv.first, kv.second).value_or(0);
                } else if (k == "op") {
                    has_op = true;
                    if (json::type_of(kv.second) != Type::string ||
                        !contains(k_operators, kv.second.Scalar())) {
                        error(kv.second, fmt::format("unknown seccomp operator `{}` (expected SCMP_CMP_EQ, "
                                                     "SCMP_CMP_NE, SCMP_CMP_LT, SCMP_CMP_LE, SCMP_CMP_GT, "
                                                     "SCMP_CMP_GE or SCMP_CMP_MASKED_EQ)",
                                                     json::scalar(kv.second)));
                    } else {
                        arg.op = kv.second.Scalar();
                    }
                } else {
                    error(kv.first, fmt::format("unknown key `{}` in an `args` entry", k),
                          core::DiagLevel::warning);
                }
            }
            if (!has_op) {
                error(a, "an `args` entry needs an `op` such as \"SCMP_CMP_EQ\"");
            }
            rule.args.push_back(std::move(arg));
        }
    }

    void read_rule(const YAML::Node& entry) {
        if (json::type_of(entry) != Type::object) {
            error(entry, fmt::format("a `syscalls` entry must be an object, not {}",
                                     json::type_name(json::type_of(entry))));
            return;
        }
        model::SeccompRule rule;
        rule.origin = json::origin_of(m_source, entry);
        bool has_action = false;
        bool has_names = false;
        bool empty_names = false;
        for (const auto& kv : entry) {
            const std::string& k = kv.first.Scalar();
            const YAML::Node& v = kv.second;
            if (k == "names") {
                has_names = true;
                if (json::type_of(v) != Type::array) {
                    error(v, "`names` must be an array of syscall names");
                    continue;
                }
                empty_names = v.size() == 0;
                for (const YAML::Node& n : v) {
                    if (json::type_of(n) != Type::string || n.Scalar().empty()) {
                        error(n, "a syscall name must be a non-empty string");
                        continue;
                    }
                    rule.names.push_back(
                        model::Setting<std::string>{n.Scalar(), json::origin_of(m_source, n), true, true});
                }
            } else if (k == "name") {  // the pre-1.13 format: one name per entry
                has_names = true;
                if (json::type_of(v) != Type::string || v.Scalar().empty()) {
                    error(v, "`name` must be a non-empty syscall name");
                    continue;
                }
                rule.names.push_back(
                    model::Setting<std::string>{v.Scalar(), json::origin_of(m_source, v), true, true});
            } else if (k == "action") {
                has_action = true;
                if (std::optional<model::Setting<std::string>> a = action(kv.first, v)) {
                    rule.action = *a;
                }
            } else if (k == "args") {
                read_args(kv.first, v, rule);
            } else if (k == "includes" || k == "excludes") {
                read_filter(kv.first, v, rule, k == "includes");
            } else if (!contains(k_rule_keys, k)) {
                error(kv.first, fmt::format("unknown key `{}` in a `syscalls` entry", k),
                      core::DiagLevel::warning);
            }
        }
        if (!has_names) {
            error(entry, "a `syscalls` entry without `names`: it applies to no syscall");
        } else if (empty_names) {
            error(entry, "a `syscalls` entry with an empty `names` list: it applies to no syscall");
        }
        if (!has_action) {
            error(entry, "a `syscalls` entry without `action`: Docker refuses to load the profile");
        }
        m_out.profile.syscalls.push_back(std::move(rule));
    }

    const util::SourcePtr& m_source;
    ParseResult& m_out;
    bool m_bad_default = false;
};

}  // namespace

bool is_known_action(std::string_view action) {
    return contains(k_actions, action);
}

ParseResult parse_profile(const util::SourcePtr& source) {
    ParseResult out;
    out.profile.origin = model::Origin{source, {0, source->text().empty() ? 0U : 1U}};
    json::Document doc = json::load(*source, out.diagnostics);
    if (!doc.ok) {
        out.ok = false;
        return out;
    }
    try {
        ProfileReader(source, out).read(doc.root);
    } catch (const YAML::Exception& e) {
        out.diagnostics.push_back(core::make_diagnostic(
            core::DiagLevel::error, *source, 0, std::string("cannot read the seccomp profile: ") + e.what()));
    }
    return out;
}

}  // namespace bulwark::input::seccomp
