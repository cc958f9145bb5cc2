#include "bulwark/rules/dockerfile/instructions_common.hpp"

#include <algorithm>
#include <cctype>

#include <nlohmann/json.hpp>

#include "bulwark/model/expand.hpp"
#include "bulwark/model/mount.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::rules::dockerfile::common {

std::vector<int> image_instructions(const model::Dockerfile& df, int stage) {
    std::vector<int> out;
    for (int s : df.stage_chain(stage)) {
        const model::Stage& st = df.stages[static_cast<size_t>(s)];
        out.insert(out.end(), st.instructions.begin(), st.instructions.end());
    }
    return out;
}

std::string workdir_raw(const model::Instruction& inst) {
    std::string raw;
    for (const model::Word& w : inst.words) {
        raw += (raw.empty() ? "" : " ") + w.as_written();
    }
    return raw;
}

std::optional<std::string> resolve(const model::Dockerfile& df, const model::Instruction& at,
                                   std::string_view raw) {
    static const model::VarScope k_empty;
    const model::VarScope* scope = at.scope ? at.scope.get() : df.global_scope.get();
    if (scope == nullptr) {
        scope = &k_empty;
    }
    // A name the Dockerfile never declares may come from the base image's ENV, which is unknown here.
    for (const std::string& name : model::referenced_variables(raw, df.directives.escape)) {
        if (scope->find(name) == scope->end()) {
            return std::nullopt;
        }
    }
    model::Value v = model::expand(raw, *scope, df.directives.escape);
    if (!v.known) {
        return std::nullopt;
    }
    return std::move(v.text);
}

bool is_windows_drive_path(std::string_view path) {
    return path.size() >= 2 && std::isalpha(static_cast<unsigned char>(path[0])) != 0 && path[1] == ':';
}

std::string instruction_text(std::string_view value, char escape) {
    std::string out;
    out.reserve(value.size());
    for (char c : value) {
        if (c == '$' || c == '\'' || c == '"' || c == escape) {
            out += escape;
        }
        out += c;
    }
    return out;
}

std::string json_string(std::string_view value) {
    // Bytes that are not UTF-8 become U+FFFD, as Docker's JSON parser (Go's) reads them.
    return nlohmann::json(std::string(value)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

bool is_absolute_path(const model::Dockerfile& df, std::string_view path) {
    if (!path.empty() && path[0] == '/') {
        return true;
    }
    if (is_windows_drive_path(path)) {
        return true;
    }
    return df.windows && !path.empty() && path[0] == '\\';
}

std::vector<Mount> mounts_of(const model::Instruction& run) {
    std::vector<Mount> out;
    for (const model::Flag* f : run.flags_named("mount")) {
        model::Mount parsed = model::parse_mount(f->value);
        Mount m;
        m.flag = f;
        m.type = parsed.type;
        m.id = std::string(parsed.id());
        m.target = std::string(parsed.target());
        m.from = std::string(parsed.from());
        if (const std::string* env = parsed.get({"env"})) {
            m.env = *env;
        }
        out.push_back(std::move(m));
    }
    return out;
}

std::vector<Arg> arguments(const model::Instruction& inst) {
    std::vector<Arg> out;
    if (inst.json_form) {
        for (const model::JsonArg& a : inst.json) {
            out.push_back(Arg{a.value, a.value, a.range});
        }
    } else {
        for (const model::Word& w : inst.words) {
            out.push_back(Arg{w.value, w.as_written(), w.range});
        }
    }
    return out;
}

std::string_view source_text(const model::Dockerfile& df, model::Range r) {
    const std::string& text = df.source->text();
    if (r.begin > text.size() || r.end < r.begin) {
        return {};
    }
    return std::string_view(text).substr(r.begin, std::min<size_t>(r.end, text.size()) - r.begin);
}

std::string corrected_line(const model::Dockerfile& df, const model::Instruction& inst, model::Range where,
                           std::string_view replacement) {
    if (inst.line != inst.end_line || where.begin < inst.range.begin || where.end > inst.range.end ||
        where.end < where.begin) {
        return {};
    }
    std::string_view whole = source_text(df, inst.range);
    std::string out(whole.substr(0, where.begin - inst.range.begin));
    out += replacement;
    out += whole.substr(where.end - inst.range.begin);
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) {
        out.pop_back();
    }
    return out;
}

std::string normalize_path(std::string_view path) {
    std::string out;
    for (size_t i = 0; i < path.size(); ++i) {
        char c = path[i];
        if (c == '/' && !out.empty() && out.back() == '/') {
            continue;
        }
        if (c == '.' && !out.empty() && out.back() == '/' && (i + 1 == path.size() || path[i + 1] == '/')) {
            ++i;  // "/./" -> "/"
            continue;
        }
        out += c;
    }
    while (out.size() > 1 && out.back() == '/') {
        out.pop_back();
    }
    return out;
}

}  // namespace bulwark::rules::dockerfile::common
