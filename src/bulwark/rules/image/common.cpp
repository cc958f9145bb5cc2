#include "bulwark/rules/image/common.hpp"

#include <fmt/format.h>

#include "bulwark/util/strings.hpp"

namespace bulwark::rules::image {

core::Location file_location(const model::ImageSpec& image, std::string_view path) {
    core::Location l;
    l.file = image.name;
    l.pointer = std::string(path);
    return l;
}

core::Location file_location(const model::ImageSpec& image, std::string_view path, uint32_t line,
                             uint32_t column, uint32_t end_column) {
    core::Location l = file_location(image, path);
    l.line = line;
    l.column = column;
    if (end_column > column) {
        l.end_line = line;
        l.end_column = end_column;
    }
    return l;
}

std::string shorten(std::string_view text, size_t max) {
    if (text.size() <= max) {
        return std::string(text);
    }
    size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
        --cut;  // do not split a UTF-8 sequence
    }
    return std::string(text.substr(0, cut)) + "…";
}

std::string created_by_of_layer(const model::ImageSpec& image, int layer) {
    if (layer < 0 || static_cast<size_t>(layer) >= image.layers.size()) {
        return {};
    }
    int h = image.layers[static_cast<size_t>(layer)].history;
    if (h < 0 || static_cast<size_t>(h) >= image.history.size()) {
        return {};
    }
    std::string text(util::trim(image.history[static_cast<size_t>(h)].created_by));
    for (std::string_view prefix : {"/bin/sh -c #(nop) ", "/bin/sh -c "}) {
        if (util::starts_with(text, prefix)) {
            text = std::string(util::trim(std::string_view(text).substr(prefix.size())));
            if (prefix == "/bin/sh -c ") {
                text = "RUN " + text;
            }
            break;
        }
    }
    if (util::ends_with(text, " # buildkit")) {
        text.resize(text.size() - std::string_view(" # buildkit").size());
    }
    // Build arguments (`RUN |1 NPM_TOKEN=... /bin/sh -c X`) may be secrets: never repeat them.
    for (std::string_view run : {"RUN |", "|"}) {
        if (util::starts_with(text, run)) {
            size_t shell = text.find(" /bin/");
            text = shell == std::string::npos ? "RUN …" : "RUN " + text.substr(shell + 1);
            break;
        }
    }
    if (util::starts_with(text, "RUN /bin/sh -c ")) {
        text = "RUN " + text.substr(std::string_view("RUN /bin/sh -c ").size());
    }
    for (char& c : text) {
        if (c == '\n' || c == '\t') {
            c = ' ';
        }
    }
    return shorten(text, 80);
}

std::string layer_id(const model::ImageSpec& image, int layer) {
    if (layer < 0 || static_cast<size_t>(layer) >= image.layers.size()) {
        return fmt::format("layer {}", layer);
    }
    const model::ImageLayer& l = image.layers[static_cast<size_t>(layer)];
    std::string digest = l.digest.empty() ? l.diff_id : l.digest;
    return digest.empty() ? fmt::format("layer {}", layer)
                          : fmt::format("layer {}, {}", layer, shorten(digest, 19));
}

std::string layer_description(const model::ImageSpec& image, int layer) {
    std::string out = fmt::format("layer {}", layer);
    if (layer < 0 || static_cast<size_t>(layer) >= image.layers.size()) {
        return out;
    }
    const model::ImageLayer& l = image.layers[static_cast<size_t>(layer)];
    std::string digest = l.digest.empty() ? l.diff_id : l.digest;
    std::string by = created_by_of_layer(image, layer);
    std::vector<std::string> parts;
    if (!digest.empty()) {
        parts.push_back(shorten(digest, 19));
    }
    if (!by.empty()) {
        parts.push_back(fmt::format("`{}`", by));
    }
    if (!parts.empty()) {
        out += " (" + parts[0] + (parts.size() > 1 ? ", " + parts[1] : "") + ")";
    }
    return out;
}

std::string removed_note(const model::ImageSpec& image, bool removed, int layer) {
    (void)image;
    if (!removed) {
        return {};
    }
    return fmt::format(
        "; a later layer deleted or replaced it, but its bytes still ship in layer {} and anyone who pulls "
        "the image can extract them",
        layer);
}

model::Origin config_origin(const model::ImageSpec& image) {
    return image.config.origin;
}

std::string mode_string(model::ImageFileType type, uint32_t mode) {
    char t = '-';
    switch (type) {
        case model::ImageFileType::directory:
            t = 'd';
            break;
        case model::ImageFileType::symlink:
            t = 'l';
            break;
        case model::ImageFileType::char_device:
            t = 'c';
            break;
        case model::ImageFileType::block_device:
            t = 'b';
            break;
        case model::ImageFileType::fifo:
            t = 'p';
            break;
        case model::ImageFileType::socket:
            t = 's';
            break;
        default:
            break;
    }
    std::string s(10, '-');
    s[0] = t;
    const char* rwx = "rwxrwxrwx";
    for (int i = 0; i < 9; ++i) {
        if ((mode & (0400u >> i)) != 0) {
            s[static_cast<size_t>(i) + 1] = rwx[i];
        }
    }
    auto special = [&](size_t pos, uint32_t bit, char set_exec, char set_noexec) {
        if ((mode & bit) != 0) {
            s[pos] = s[pos] == '-' ? set_noexec : set_exec;
        }
    };
    special(3, 04000, 's', 'S');
    special(6, 02000, 's', 'S');
    special(9, 01000, 't', 'T');
    return s;
}

std::string file_evidence(const model::ImageFile& f) {
    return fmt::format("{} {}:{} {} (layer {}{})", mode_string(f.type, f.mode), f.uid, f.gid, f.path, f.layer,
                       f.removed ? ", deleted later" : "");
}

}  // namespace bulwark::rules::image
