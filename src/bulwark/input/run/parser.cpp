// The `docker run` flag table and the argv walk (pflag conventions: `--flag=value`, `--flag value`,
// grouped short flags `-itd`, `-p8080:80`, `--bool=false`, `--` ends flags, the first operand is
// the image and the rest its command).
#include "bulwark/input/run/parser.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "bulwark/util/strings.hpp"

namespace bulwark::input::run {

namespace {

enum class Field {
    ignore,  // accepted, no security meaning
    cap_add,
    cap_drop,
    cgroup_parent,
    cgroupns,
    cpu_shares,
    cpus,
    device,
    entrypoint,
    env,
    env_file,
    group_add,
    health_cmd,
    no_healthcheck,
    init,
    ipc,
    label,
    log_driver,
    memory,
    memory_swap,
    mount,
    name,
    network,
    pid,
    pids_limit,
    privileged,
    publish,
    publish_all,
    read_only,
    restart,
    runtime,
    security_opt,
    sysctl,
    tmpfs,
    ulimit,
    user,
    userns,
    uts,
    volume,
};

struct FlagDef {
    std::string_view name;  // long name without dashes
    char short_name;        // 0 when none
    bool takes_value;
    Field field;
};

// Every flag of `docker run` and `docker create` (Docker 27), including deprecated spellings.
constexpr FlagDef k_flags[] = {
    {"add-host", 0, true, Field::ignore},
    {"annotation", 0, true, Field::ignore},
    {"attach", 'a', true, Field::ignore},
    {"blkio-weight", 0, true, Field::ignore},
    {"blkio-weight-device", 0, true, Field::ignore},
    {"cap-add", 0, true, Field::cap_add},
    {"cap-drop", 0, true, Field::cap_drop},
    {"cgroup-parent", 0, true, Field::cgroup_parent},
    {"cgroupns", 0, true, Field::cgroupns},
    {"cidfile", 0, true, Field::ignore},
    {"cpu-count", 0, true, Field::ignore},
    {"cpu-percent", 0, true, Field::ignore},
    {"cpu-period", 0, true, Field::ignore},
    {"cpu-quota", 0, true, Field::cpus},
    {"cpu-rt-period", 0, true, Field::ignore},
    {"cpu-rt-runtime", 0, true, Field::ignore},
    {"cpu-shares", 'c', true, Field::cpu_shares},
    {"cpus", 0, true, Field::cpus},
    {"cpuset-cpus", 0, true, Field::ignore},
    {"cpuset-mems", 0, true, Field::ignore},
    {"detach", 'd', false, Field::ignore},
    {"detach-keys", 0, true, Field::ignore},
    {"device", 0, true, Field::device},
    {"device-cgroup-rule", 0, true, Field::ignore},
    {"device-read-bps", 0, true, Field::ignore},
    {"device-read-iops", 0, true, Field::ignore},
    {"device-write-bps", 0, true, Field::ignore},
    {"device-write-iops", 0, true, Field::ignore},
    {"disable-content-trust", 0, false, Field::ignore},
    {"dns", 0, true, Field::ignore},
    {"dns-opt", 0, true, Field::ignore},
    {"dns-option", 0, true, Field::ignore},
    {"dns-search", 0, true, Field::ignore},
    {"domainname", 0, true, Field::ignore},
    {"entrypoint", 0, true, Field::entrypoint},
    {"env", 'e', true, Field::env},
    {"env-file", 0, true, Field::env_file},
    {"expose", 0, true, Field::ignore},
    {"gpus", 0, true, Field::ignore},
    {"group-add", 0, true, Field::group_add},
    {"health-cmd", 0, true, Field::health_cmd},
    {"health-interval", 0, true, Field::ignore},
    {"health-retries", 0, true, Field::ignore},
    {"health-start-interval", 0, true, Field::ignore},
    {"health-start-period", 0, true, Field::ignore},
    {"health-timeout", 0, true, Field::ignore},
    {"help", 0, false, Field::ignore},
    {"hostname", 'h', true, Field::ignore},
    {"init", 0, false, Field::init},
    {"interactive", 'i', false, Field::ignore},
    {"io-maxbandwidth", 0, true, Field::ignore},
    {"io-maxiops", 0, true, Field::ignore},
    {"ip", 0, true, Field::ignore},
    {"ip6", 0, true, Field::ignore},
    {"ipc", 0, true, Field::ipc},
    {"isolation", 0, true, Field::ignore},
    {"kernel-memory", 0, true, Field::ignore},
    {"label", 'l', true, Field::label},
    {"label-file", 0, true, Field::ignore},
    {"link", 0, true, Field::ignore},
    {"link-local-ip", 0, true, Field::ignore},
    {"log-driver", 0, true, Field::log_driver},
    {"log-opt", 0, true, Field::ignore},
    {"mac-address", 0, true, Field::ignore},
    {"memory", 'm', true, Field::memory},
    {"memory-reservation", 0, true, Field::ignore},
    {"memory-swap", 0, true, Field::memory_swap},
    {"memory-swappiness", 0, true, Field::ignore},
    {"mount", 0, true, Field::mount},
    {"name", 0, true, Field::name},
    {"net", 0, true, Field::network},
    {"net-alias", 0, true, Field::ignore},
    {"network", 0, true, Field::network},
    {"network-alias", 0, true, Field::ignore},
    {"no-healthcheck", 0, false, Field::no_healthcheck},
    {"oom-kill-disable", 0, false, Field::ignore},
    {"oom-score-adj", 0, true, Field::ignore},
    {"pid", 0, true, Field::pid},
    {"pids-limit", 0, true, Field::pids_limit},
    {"platform", 0, true, Field::ignore},
    {"privileged", 0, false, Field::privileged},
    {"publish", 'p', true, Field::publish},
    {"publish-all", 'P', false, Field::publish_all},
    {"pull", 0, true, Field::ignore},
    {"quiet", 'q', false, Field::ignore},
    {"read-only", 0, false, Field::read_only},
    {"restart", 0, true, Field::restart},
    {"rm", 0, false, Field::ignore},
    {"runtime", 0, true, Field::runtime},
    {"security-opt", 0, true, Field::security_opt},
    {"shm-size", 0, true, Field::ignore},
    {"sig-proxy", 0, false, Field::ignore},
    {"stop-signal", 0, true, Field::ignore},
    {"stop-timeout", 0, true, Field::ignore},
    {"storage-opt", 0, true, Field::ignore},
    {"sysctl", 0, true, Field::sysctl},
    {"tmpfs", 0, true, Field::tmpfs},
    {"tty", 't', false, Field::ignore},
    {"ulimit", 0, true, Field::ulimit},
    {"use-api-socket", 0, false, Field::ignore},
    {"user", 'u', true, Field::user},
    {"userns", 0, true, Field::userns},
    {"uts", 0, true, Field::uts},
    {"volume", 'v', true, Field::volume},
    {"volume-driver", 0, true, Field::ignore},
    {"volumes-from", 0, true, Field::ignore},
    {"workdir", 'w', true, Field::ignore},
};

const FlagDef* find_long(std::string_view name) {
    for (const FlagDef& f : k_flags) {
        if (f.name == name) {
            return &f;
        }
    }
    return nullptr;
}

const FlagDef* find_short(char c) {
    for (const FlagDef& f : k_flags) {
        if (f.short_name == c) {
            return &f;
        }
    }
    return nullptr;
}

/// A flag's value: text, where it is, whether it is known.
struct Value {
    std::string text;
    model::Range range;
    bool known = true;
    bool verbatim = true;  // text[i] is at range.begin + i

    /// Where text[b, e) is (the whole value when it is not verbatim).
    model::Range sub(size_t b, size_t e) const {
        if (!verbatim) {
            return range;
        }
        b = std::min(b, text.size());
        e = std::clamp(e, b, text.size());
        return model::Range{range.begin + static_cast<uint32_t>(b), range.begin + static_cast<uint32_t>(e)};
    }
    /// Whether text[b, e) is known: a part without an expansion is literal even in an unknown word.
    bool part_known(size_t b, size_t e) const {
        if (known) {
            return true;
        }
        std::string_view part = std::string_view(text).substr(std::min(b, text.size()), e - std::min(b, e));
        return part.find('$') == std::string_view::npos && part.find('`') == std::string_view::npos;
    }
};

class ArgParser {
  public:
    ArgParser(std::span<const ArgWord> args, const util::SourcePtr& file, model::Range docker_word,
              std::string_view subcommand)
        : m_args(args), m_file(file) {
        m_line.subcommand = std::string(subcommand);
        model::ContainerSpec& s = m_line.spec;
        s.source_kind = "run";
        s.name = "docker " + std::string(subcommand);
        s.origin = origin(docker_word);
    }

    RunLine run() {
        size_t i = 0;
        while (i < m_args.size()) {
            const ArgWord& w = m_args[i];
            std::string_view v = w.value;
            if (v == "--") {
                ++i;
                break;
            }
            if (util::starts_with(v, "--")) {
                i = long_flag(i);
            } else if (v.size() > 1 && v.front() == '-') {
                i = short_group(i);
            } else {
                break;
            }
        }
        if (i < m_args.size()) {
            const ArgWord& img = m_args[i];
            m_line.spec.image = setting(img.value, origin(img.range), img.known);
            if (i + 1 < m_args.size()) {
                std::string cmd;
                bool known = true;
                for (size_t k = i + 1; k < m_args.size(); ++k) {
                    cmd += (cmd.empty() ? "" : " ") + m_args[k].value;
                    known = known && m_args[k].known;
                }
                model::Range r{m_args[i + 1].range.begin, m_args.back().range.end};
                m_line.spec.command = setting(cmd, origin(r), known);
            }
        } else {
            model::Range at = m_args.empty() ? m_line.spec.origin.range : m_args.back().range;
            warn(at, fmt::format("docker {} without an image", m_line.subcommand));
        }
        return std::move(m_line);
    }

  private:
    model::Origin origin(model::Range r) const { return model::Origin{m_file, r}; }

    template <class T>
    static model::Setting<T> setting(T value, model::Origin o, bool known) {
        model::Setting<T> s;
        s.value = std::move(value);
        s.origin = std::move(o);
        s.set = true;
        s.known = known;
        return s;
    }

    void warn(model::Range r, std::string message) {
        m_line.warnings.push_back(RunWarning{r, std::move(message)});
    }

    static Value whole(const ArgWord& w) { return Value{w.value, w.range, w.known, w.verbatim}; }

    /// `--name=value`, `--name value`, `--bool`, `--bool=false`. Returns the next index.
    size_t long_flag(size_t i) {
        const ArgWord& w = m_args[i];
        std::string_view body = std::string_view(w.value).substr(2);
        size_t eq = body.find('=');
        std::string_view name = body.substr(0, eq);
        const FlagDef* def = find_long(name);
        if (def == nullptr) {
            warn(w.range,
                 fmt::format("unknown flag '--{}' of docker {}: it is ignored", name, m_line.subcommand));
            return i + 1;
        }
        if (!def->takes_value) {
            bool on = true;
            if (eq != std::string_view::npos) {
                std::string b = util::to_lower(body.substr(eq + 1));
                if (b == "false" || b == "0") {
                    on = false;
                } else if (b != "true" && b != "1") {
                    warn(w.range,
                         fmt::format("'--{}' takes true or false, not '{}'", name, body.substr(eq + 1)));
                    return i + 1;
                }
            }
            apply_bool(*def, on, w.range, w.known);
            return i + 1;
        }
        if (eq != std::string_view::npos) {
            Value v = whole(w);
            size_t skip = 2 + eq + 1;
            v.text = w.value.substr(skip);
            if (w.verbatim) {
                v.range.begin += static_cast<uint32_t>(skip);
            }
            apply(*def, v, w.range);
            return i + 1;
        }
        if (i + 1 >= m_args.size()) {
            warn(w.range, fmt::format("flag '--{}' needs a value", name));
            return i + 1;
        }
        const ArgWord& next = m_args[i + 1];
        apply(*def, whole(next), model::Range{w.range.begin, next.range.end});
        return i + 2;
    }

    /// `-itd`, `-p8080:80`, `-itp 80:80`, `-e=X`. Returns the next index.
    size_t short_group(size_t i) {
        const ArgWord& w = m_args[i];
        for (size_t j = 1; j < w.value.size(); ++j) {
            char c = w.value[j];
            uint32_t at = w.verbatim ? w.range.begin + static_cast<uint32_t>(j) : w.range.begin;
            const FlagDef* def = find_short(c);
            if (def == nullptr) {
                warn(w.range,
                     fmt::format("unknown flag '-{}' of docker {}: it is ignored", c, m_line.subcommand));
                return i + 1;
            }
            model::Range flag_range{w.verbatim ? at - 1 : w.range.begin, w.range.end};
            if (j > 1 && w.verbatim) {
                flag_range.begin = at;  // in a group, the letter itself
            }
            if (!def->takes_value) {
                apply_bool(*def, true, model::Range{flag_range.begin, w.verbatim ? at + 1 : w.range.end},
                           w.known);
                continue;
            }
            if (j + 1 < w.value.size()) {
                size_t skip = j + 1 + (w.value[j + 1] == '=' ? 1 : 0);
                Value v = whole(w);
                v.text = w.value.substr(skip);
                if (w.verbatim) {
                    v.range.begin += static_cast<uint32_t>(skip);
                }
                apply(*def, v, flag_range);
                return i + 1;
            }
            if (i + 1 >= m_args.size()) {
                warn(w.range, fmt::format("flag '-{}' needs a value", c));
                return i + 1;
            }
            const ArgWord& next = m_args[i + 1];
            apply(*def, whole(next), model::Range{flag_range.begin, next.range.end});
            return i + 2;
        }
        return i + 1;
    }

    void apply_bool(const FlagDef& def, bool on, model::Range r, bool known) {
        model::ContainerSpec& s = m_line.spec;
        model::Setting<bool> b = setting(on, origin(r), known);
        switch (def.field) {
            case Field::privileged:
                s.privileged = b;
                break;
            case Field::publish_all:
                s.publish_all = b;
                break;
            case Field::read_only:
                s.read_only = b;
                break;
            case Field::init:
                s.init = b;
                break;
            case Field::no_healthcheck:
                s.healthcheck_disabled = b;
                break;
            default:
                break;
        }
    }

    model::Setting<std::string> text_of(const Value& v, model::Range flag) const {
        return setting(v.text, origin(flag), v.known);
    }

    /// NAME[=VALUE] into a NamedValue (value origin: the part after '=').
    model::NamedValue named(const Value& v, model::Range flag) const {
        model::NamedValue nv;
        size_t eq = v.text.find('=');
        nv.name = v.text.substr(0, eq);
        nv.origin = origin(flag);
        if (eq != std::string::npos) {
            nv.value = setting(v.text.substr(eq + 1), origin(v.sub(eq + 1, v.text.size())),
                               v.part_known(eq + 1, v.text.size()));
        } else {
            nv.value.origin = origin(flag);
            nv.value.known = false;  // taken from the caller's environment
        }
        return nv;
    }

    void apply(const FlagDef& def, const Value& v, model::Range flag) {
        model::ContainerSpec& s = m_line.spec;
        switch (def.field) {
            case Field::ignore:
                break;
            case Field::cap_add:
            case Field::cap_drop: {
                auto& list = def.field == Field::cap_add ? s.cap_add : s.cap_drop;
                // Docker accepts one capability per flag; a comma list is split the same way.
                size_t pos = 0;
                for (std::string_view part : util::split(v.text, ',')) {
                    model::Range r = v.sub(pos, pos + part.size());
                    if (!util::trim(part).empty()) {
                        list.push_back(setting(
                            normalize_capability(part),
                            origin(v.verbatim && r.end > r.begin ? model::Range{flag.begin, r.end} : flag),
                            v.part_known(pos, pos + part.size())));
                    }
                    pos += part.size() + 1;
                }
                break;
            }
            case Field::cgroup_parent:
                s.cgroup_parent = text_of(v, flag);
                break;
            case Field::cgroupns:
                s.cgroupns = text_of(v, flag);
                break;
            case Field::cpu_shares:
                s.cpu_shares = text_of(v, flag);
                break;
            case Field::cpus:
                s.cpus = text_of(v, flag);
                break;
            case Field::device:
                device(v, flag);
                break;
            case Field::entrypoint:
                s.entrypoint = text_of(v, flag);
                break;
            case Field::env:
                s.environment.push_back(named(v, flag));
                break;
            case Field::env_file:
                s.env_files.push_back(text_of(v, flag));
                break;
            case Field::group_add:
                s.group_add.push_back(text_of(v, flag));
                break;
            case Field::health_cmd:
                s.healthcheck_test = text_of(v, flag);
                if (v.known && util::to_upper(util::trim(v.text)) == "NONE") {
                    s.healthcheck_disabled = setting(true, origin(flag), true);
                }
                break;
            case Field::ipc:
                s.ipc = text_of(v, flag);
                break;
            case Field::label:
                s.labels.push_back(named(v, flag));
                break;
            case Field::log_driver:
                s.logging_driver = text_of(v, flag);
                break;
            case Field::memory:
                s.memory = text_of(v, flag);
                break;
            case Field::memory_swap:
                s.memory_swap = text_of(v, flag);
                break;
            case Field::mount: {
                std::string error;
                std::optional<model::ContainerMount> m = parse_mount_flag(v.text, error);
                if (!m) {
                    warn(flag, fmt::format("--mount '{}': {}", v.text, error));
                    break;
                }
                add_mount(std::move(*m), v, flag);
                break;
            }
            case Field::name:
                s.name = v.text;
                break;
            case Field::network:
                if (!s.network_mode.set) {
                    s.network_mode = text_of(v, flag);
                }
                s.networks.push_back(text_of(v, flag));
                break;
            case Field::pid:
                s.pid = text_of(v, flag);
                break;
            case Field::pids_limit:
                s.pids_limit = text_of(v, flag);
                break;
            case Field::publish: {
                std::optional<model::PortMapping> p = parse_port(v.text);
                if (!p) {
                    warn(flag, fmt::format("invalid published port '{}'", v.text));
                    break;
                }
                p->origin = origin(flag);
                p->known = v.known;
                for (model::Setting<std::string>* part : {&p->host_ip, &p->host_port, &p->container_port}) {
                    part->origin = origin(flag);
                    part->known =
                        v.part_known(0, v.text.size()) || part->value.find('$') == std::string::npos;
                }
                s.ports.push_back(std::move(*p));
                break;
            }
            case Field::restart:
                s.restart = text_of(v, flag);
                break;
            case Field::runtime:
                s.runtime = text_of(v, flag);
                break;
            case Field::security_opt:
                s.security_opt.push_back(text_of(v, flag));
                break;
            case Field::sysctl:
                s.sysctls.push_back(named(v, flag));
                break;
            case Field::tmpfs: {
                model::ContainerMount m;
                m.type = model::ContainerMount::Type::tmpfs;
                size_t colon = v.text.find(':');
                m.target.value = v.text.substr(0, colon);
                m.target.set = true;
                if (colon != std::string::npos) {
                    for (std::string_view o : util::split(std::string_view(v.text).substr(colon + 1), ',')) {
                        if (o == "ro" || o == "rw") {
                            m.read_only.value = o == "ro";
                            m.read_only.set = true;
                        }
                    }
                }
                add_mount(std::move(m), v, flag);
                break;
            }
            case Field::ulimit:
                ulimit(v, flag);
                break;
            case Field::user:
                s.user = text_of(v, flag);
                break;
            case Field::userns:
                s.userns_mode = text_of(v, flag);
                break;
            case Field::uts:
                s.uts = text_of(v, flag);
                break;
            case Field::volume: {
                std::optional<model::ContainerMount> m = parse_volume(v.text);
                if (!m) {
                    warn(flag, fmt::format("invalid volume '{}'", v.text));
                    break;
                }
                add_mount(std::move(*m), v, flag);
                break;
            }
            default:
                break;
        }
    }

    void add_mount(model::ContainerMount m, const Value& v, model::Range flag) {
        m.origin = origin(flag);
        for (model::Setting<std::string>* part : {&m.source, &m.target, &m.propagation, &m.selinux}) {
            part->origin = origin(flag);
            part->known = v.known || part->value.find('$') == std::string::npos;
        }
        m.read_only.origin = origin(flag);
        m.read_only.known = v.known || m.read_only.set;
        m_line.spec.mounts.push_back(std::move(m));
    }

    void device(const Value& v, model::Range flag) {
        model::Device d;
        std::vector<std::string_view> parts = util::split(v.text, ':');
        d.host_path = setting(std::string(parts[0]), origin(flag), v.part_known(0, parts[0].size()));
        d.container_path = std::string(parts[0]);
        d.permissions = "rwm";
        auto is_perms = [](std::string_view p) {
            return !p.empty() && p.find_first_not_of("rwm") == std::string_view::npos;
        };
        if (parts.size() == 2) {
            if (is_perms(parts[1])) {
                d.permissions = std::string(parts[1]);
            } else {
                d.container_path = std::string(parts[1]);
            }
        } else if (parts.size() >= 3) {
            d.container_path = std::string(parts[1]);
            d.permissions = std::string(parts[2]);
        }
        d.origin = origin(flag);
        m_line.spec.devices.push_back(std::move(d));
    }

    void ulimit(const Value& v, model::Range flag) {
        model::Ulimit u;
        size_t eq = v.text.find('=');
        if (eq == std::string::npos) {
            warn(flag, fmt::format("invalid ulimit '{}' (expected NAME=SOFT[:HARD])", v.text));
            return;
        }
        u.name = v.text.substr(0, eq);
        u.origin = origin(flag);
        std::string_view limits = std::string_view(v.text).substr(eq + 1);
        size_t colon = limits.find(':');
        auto number = [&](std::string_view n, model::Setting<int64_t>& into) {
            into.origin = origin(flag);
            into.set = true;
            try {
                size_t used = 0;
                into.value = std::stoll(std::string(n), &used);
                into.known = used == n.size();
            } catch (const std::exception&) {
                into.known = false;
            }
        };
        number(limits.substr(0, colon), u.soft);
        number(colon == std::string_view::npos ? limits : limits.substr(colon + 1), u.hard);
        m_line.spec.ulimits.push_back(std::move(u));
    }

    std::span<const ArgWord> m_args;
    const util::SourcePtr& m_file;
    RunLine m_line;
};

bool is_docker_program(std::string_view word) {
    size_t slash = word.rfind('/');
    std::string_view base = slash == std::string_view::npos ? word : word.substr(slash + 1);
    return base == "docker" || base == "docker.exe" || base == "podman" || base == "nerdctl";
}

}  // namespace

std::optional<size_t> run_arguments_start(std::span<const ArgWord> argv) {
    if (argv.empty() || !is_docker_program(argv[0].value)) {
        return std::nullopt;
    }
    // Docker's global options: those that take a value in the next word.
    static constexpr std::string_view k_global_values[] = {
        "--config", "-c",          "--context",   "-H",        "--host",
        "-l",       "--log-level", "--tlscacert", "--tlscert", "--tlskey"};
    size_t i = 1;
    while (i < argv.size()) {
        std::string_view v = argv[i].value;
        if (v.empty() || v.front() != '-') {
            break;
        }
        bool takes =
            std::find(std::begin(k_global_values), std::end(k_global_values), v) != std::end(k_global_values);
        i += takes ? 2 : 1;
    }
    if (i >= argv.size()) {
        return std::nullopt;
    }
    std::string_view sub = argv[i].value;
    if (sub == "container" && i + 1 < argv.size()) {
        sub = argv[++i].value;
    }
    if (sub == "run" || sub == "create") {
        return i + 1;
    }
    return std::nullopt;
}

RunLine parse_run_arguments(std::span<const ArgWord> args, const util::SourcePtr& file,
                            model::Range docker_word, std::string_view subcommand) {
    return ArgParser(args, file, docker_word, subcommand).run();
}

}  // namespace bulwark::input::run
