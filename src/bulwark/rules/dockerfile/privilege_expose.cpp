// BD043 (SSH port exposed) and BD045 (invalid EXPOSE values), on ports after ARG/ENV expansion.
#include <charconv>

#include <fmt/format.h>

#include "bulwark/rules/dockerfile/packages_commands.hpp"
#include "bulwark/rules/dockerfile/privilege_checks.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::rules::dockerfile {

namespace {

/// One `port[-port][/proto]` item of EXPOSE, as the builder reads it.
struct PortSpec {
    std::string text;       // the item after expansion
    std::string error;      // why the builder rejects or misreads it; empty when valid
    std::string fix;        // a corrected item, when there is one
    unsigned long low = 0;  // container port range (valid only without error)
    unsigned long high = 0;
    std::string proto;  // lower-cased; empty when not given
};

std::optional<unsigned long> parse_number(std::string_view s) {
    if (s.empty() || s.size() > 12 || s.find_first_not_of("0123456789") != std::string_view::npos) {
        return std::nullopt;
    }
    unsigned long v = 0;
    std::from_chars(s.data(), s.data() + s.size(), v);
    return v;
}

PortSpec parse_port(std::string_view item) {
    PortSpec p;
    p.text = std::string(item);
    std::string_view ports = item;
    if (size_t slash = item.rfind('/'); slash != std::string_view::npos) {
        p.proto = util::to_lower(item.substr(slash + 1));
        ports = item.substr(0, slash);
        if (p.proto != "tcp" && p.proto != "udp" && p.proto != "sctp") {
            p.error = fmt::format("unknown protocol \"{}\" (use tcp, udp or sctp)", item.substr(slash + 1));
            p.fix = fmt::format("{}/tcp", ports);
            return p;
        }
    }
    if (size_t colon = ports.rfind(':'); colon != std::string_view::npos) {
        p.error = "EXPOSE cannot publish host ports or bind addresses; only the container port is exposed";
        p.fix = std::string(ports.substr(colon + 1)) + (p.proto.empty() ? "" : "/" + p.proto);
        return p;
    }
    size_t dash = ports.find('-');
    auto low = parse_number(ports.substr(0, dash));
    auto high = dash == std::string_view::npos ? low : parse_number(ports.substr(dash + 1));
    if (!low || !high) {
        p.error = fmt::format("\"{}\" is not a port number", ports);
        return p;
    }
    if (*low > 65535 || *high > 65535) {
        p.error = fmt::format("port {} is out of range 0-65535", std::max(*low, *high));
        return p;
    }
    if (*low > *high) {
        p.error = fmt::format("port range {} ends before it starts", ports);
        p.fix = fmt::format("{}-{}", *high, *low);
        return p;
    }
    p.low = *low;
    p.high = *high;
    return p;
}

/// Each expanded EXPOSE item with the word it came from; items depending on unknown values are skipped.
template <typename F>
void for_each_port(const model::Dockerfile& df, F&& f) {
    for (const model::Instruction& ins : df.instructions) {
        if (ins.kind != model::InstructionKind::expose) {
            continue;
        }
        for (const model::Word& w : ins.words) {
            std::optional<std::string> text = resolve_value(df, ins, w.as_written());
            if (!text) {
                continue;
            }
            for (std::string_view item : util::split(*text, ' ')) {
                item = util::trim(item);
                if (!item.empty()) {
                    f(ins, w, parse_port(item));
                }
            }
        }
    }
}

}  // namespace

void check_ssh_port(const DockerfileContext& ctx, Reporter& out) {
    const model::Dockerfile& df = ctx.dockerfile;
    for_each_port(df, [&](const model::Instruction& ins, const model::Word& w, const PortSpec& p) {
        if (!p.error.empty() || !in_shipped_image(df, ins) || (p.proto != "" && p.proto != "tcp") ||
            p.low > 22 || p.high < 22) {
            return;
        }
        std::string rest;
        for (const model::Word& other : ins.words) {
            if (&other != &w) {
                rest += " " + other.as_written();
            }
        }
        out.report(w.range,
                   p.low == p.high ? fmt::format("EXPOSE {} declares SSH access to the shipped image", p.text)
                                   : fmt::format("EXPOSE {} includes the SSH port 22", p.text),
                   rest.empty() ? std::string("remove the EXPOSE instruction") : "EXPOSE" + rest);
    });
}

void check_invalid_expose(const DockerfileContext& ctx, Reporter& out) {
    for_each_port(ctx.dockerfile, [&](const model::Instruction&, const model::Word& w, const PortSpec& p) {
        if (p.error.empty()) {
            return;
        }
        out.report(w.range, fmt::format("EXPOSE {}: {}", p.text, p.error),
                   p.fix.empty() ? std::string("EXPOSE <port 0-65535>[/tcp|/udp|/sctp]") : "EXPOSE " + p.fix);
    });
}

}  // namespace bulwark::rules::dockerfile
