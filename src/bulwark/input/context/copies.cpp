#include "bulwark/input/context/copies.hpp"

#include <algorithm>
#include <memory>

#include "bulwark/input/context/dockerignore.hpp"
#include "bulwark/model/expand.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::input::context {

namespace {

struct Source {
    std::string value;
    model::Range range;
    std::string raw;  // as written: the input of variable expansion
};

/// The source arguments of a COPY/ADD that reads the build context, expanded; empty otherwise.
std::vector<Source> context_sources(const model::Dockerfile& df, const model::Instruction& inst) {
    std::vector<Source> args;
    if ((inst.kind != model::InstructionKind::copy && inst.kind != model::InstructionKind::add) ||
        inst.flag("from") != nullptr) {
        return args;
    }
    if (inst.json_form) {
        for (const model::JsonArg& j : inst.json) {
            args.push_back({j.value, j.range, j.value});
        }
    } else {
        for (const model::Word& w : inst.words) {
            args.push_back({w.value, w.range, w.as_written()});
        }
    }
    if (args.size() < 2) {
        return {};
    }
    args.pop_back();  // the destination
    std::vector<Source> out;
    for (Source& s : args) {
        if (util::starts_with(s.value, "<<") || s.value.find("://") != std::string::npos ||
            util::starts_with(s.value, "git@")) {
            continue;
        }
        if (inst.scope != nullptr && !inst.json_form) {
            model::Value v = model::expand(s.raw, *inst.scope, df.directives.escape);
            if (!v.known || !v.error.empty()) {
                continue;
            }
            s.value = v.text;
        }
        out.push_back(std::move(s));
    }
    return out;
}

/// `--exclude=PATTERN` flags compiled as ignore patterns (null when there are none).
std::unique_ptr<IgnoreFile> excludes_of(const model::Instruction& inst) {
    std::string text;
    for (const model::Flag* f : inst.flags_named("exclude")) {
        text += f->value + "\n";
    }
    if (text.empty()) {
        return nullptr;
    }
    auto file = std::make_unique<IgnoreFile>(
        parse_dockerignore(std::make_shared<const util::SourceFile>("--exclude", text)));
    return file;
}

bool in_shipped_image(const model::Dockerfile& df, int stage) {
    return stage >= 0 && stage < static_cast<int>(df.stages.size()) &&
           df.stages[static_cast<size_t>(stage)].in_shipped_image;
}

}  // namespace

std::optional<std::string_view> copy_source_match(std::string_view source, std::string_view path) {
    std::string src = clean_path(source);
    while (!src.empty() && src[0] == '/') {
        src.erase(0, 1);
    }
    if (src.empty() || src == ".") {
        return path;
    }
    // The path itself or one of its parent directories.
    for (size_t at = 0;;) {
        size_t slash = path.find('/', at);
        if (glob_matches(src, path.substr(0, slash))) {
            if (slash == std::string_view::npos) {
                size_t base = path.rfind('/');
                return base == std::string_view::npos ? path : path.substr(base + 1);
            }
            return path.substr(slash + 1);
        }
        if (slash == std::string_view::npos) {
            return std::nullopt;
        }
        at = slash + 1;
    }
}

bool copy_source_selects(std::string_view source, std::string_view path) {
    return copy_source_match(source, path).has_value();
}

void resolve_copies(const model::Dockerfile& df, model::BuildContext& context) {
    if (std::all_of(context.files.begin(), context.files.end(),
                    [](const model::ContextFile& f) { return f.ignored; })) {
        return;  // no file a COPY could send: its sources need not be expanded
    }
    for (size_t i = 0; i < df.instructions.size(); ++i) {
        const model::Instruction& inst = df.instructions[i];
        std::vector<Source> sources = context_sources(df, inst);
        if (sources.empty()) {
            continue;
        }
        std::unique_ptr<IgnoreFile> excludes = excludes_of(inst);
        for (model::ContextFile& f : context.files) {
            if (f.ignored) {
                continue;
            }
            for (const Source& s : sources) {
                std::optional<std::string_view> below = copy_source_match(s.value, f.path);
                // --exclude patterns are relative to what the source copies (the directory's content).
                if (below && (excludes == nullptr || !match_path(*excludes, *below).excluded)) {
                    f.copies.push_back(model::ContextCopy{static_cast<int>(i), s.range, s.value,
                                                          in_shipped_image(df, inst.stage)});
                    break;
                }
            }
        }
    }
}

}  // namespace bulwark::input::context
