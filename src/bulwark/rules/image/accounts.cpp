// Account rules over the small files the layer walk keeps (/etc/passwd, /etc/group, /etc/shadow,
// sudoers): empty passwords, duplicate uids and gids, sudo (BD304, BD305, BD307), and the SSH
// server check of BD044.
#include <map>
#include <vector>

#include <fmt/format.h>

#include "bulwark/rules/image/checks.hpp"
#include "bulwark/rules/image/common.hpp"
#include "bulwark/rules/image/families.hpp"
#include "bulwark/util/source.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::rules::image {

namespace {

using core::Severity;

/// The final (not removed) content of `path`, or nullptr.
const model::ImageFileContent* final_content(const model::ImageSpec& img, std::string_view path) {
    const model::ImageFileContent* found = nullptr;
    for (const model::ImageFileContent& c : img.contents) {
        if (c.path == path && !c.removed) {
            found = &c;
        }
    }
    return found;
}

/// The final regular file at `path`, or nullptr.
const model::ImageFile* final_file(const model::ImageSpec& img, std::string_view path) {
    for (const model::ImageFile& f : img.files) {
        if (f.path == path && !f.removed) {
            return &f;
        }
    }
    return nullptr;
}

/// Lines of a colon-separated database, with their 1-based numbers; comments and blank lines skipped.
struct DbLine {
    uint32_t number = 0;
    std::vector<std::string_view> fields;
    std::string_view text;
};

std::vector<DbLine> db_lines(std::string_view data) {
    std::vector<DbLine> out;
    uint32_t n = 0;
    for (std::string_view line : util::split(data, '\n')) {
        ++n;
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        std::string_view t = util::trim(line);
        if (t.empty() || t[0] == '#') {
            continue;
        }
        out.push_back(DbLine{n, util::split(line, ':'), line});
    }
    return out;
}

void check_empty_password(const ImageContext& ctx, Reporter& out) {
    const model::ImageSpec& img = ctx.image;
    const model::ImageFileContent* shadow = final_content(img, "/etc/shadow");
    const model::ImageFileContent* passwd = final_content(img, "/etc/passwd");
    auto report = [&](const model::ImageFileContent& c, const DbLine& l, std::string_view how) {
        std::string_view user = l.fields[0];
        // The account's name and the empty field after it: "guest::".
        uint32_t end = util::utf8_length(user) + 2;
        out.report_at(
            file_location(img, c.path, l.number, 1, end), out.rule().severity,
            fmt::format("{}:{}: account `{}` has an empty password field{}, written by {}: anyone can log in "
                        "as it (su, login, sshd with PermitEmptyPasswords)",
                        c.path, l.number, user, how, layer_description(img, c.layer)),
            fmt::format("lock it in the Dockerfile: RUN passwd -l {} (or usermod -p '!' {})", user, user),
            fmt::format("{}:{}: {}:{}", c.path, l.number, user, ":..."));
    };
    if (shadow != nullptr) {
        for (const DbLine& l : db_lines(shadow->data)) {
            if (l.fields.size() >= 2 && !l.fields[0].empty() && l.fields[1].empty()) {
                report(*shadow, l, "");
            }
        }
    }
    if (passwd != nullptr) {
        for (const DbLine& l : db_lines(passwd->data)) {
            // An empty password field in passwd itself (no 'x' pointing to shadow).
            if (l.fields.size() >= 2 && !l.fields[0].empty() && l.fields[1].empty()) {
                report(*passwd, l, " in /etc/passwd");
            }
        }
    }
}

void duplicate_ids(const model::ImageSpec& img, Reporter& out, std::string_view path, std::string_view what) {
    const model::ImageFileContent* c = final_content(img, path);
    if (c == nullptr) {
        return;
    }
    std::map<std::string_view, std::vector<const DbLine*>> by_id;
    std::vector<DbLine> lines = db_lines(c->data);
    for (const DbLine& l : lines) {
        if (l.fields.size() >= 3 && !l.fields[2].empty()) {
            by_id[l.fields[2]].push_back(&l);
        }
    }
    for (const auto& [id, users] : by_id) {
        if (users.size() < 2) {
            continue;
        }
        std::string names;
        for (const DbLine* l : users) {
            names += fmt::format("{}`{}` (line {})", names.empty() ? "" : ", ", l->fields[0], l->number);
        }
        bool root = id == "0";
        // At the second entry's id field: the one that repeats an id.
        const DbLine& second = *users[1];
        uint32_t column = util::utf8_length(second.fields[0]) + util::utf8_length(second.fields[1]) + 3;
        out.report_at(
            file_location(img, path, second.number, column, column + util::utf8_length(id) - 1),
            root ? Severity::high : out.rule().severity,
            fmt::format("{} {} {} is shared by {}: they are the same {} to the kernel{}", path, what, id,
                        names, what == "uid" ? "user" : "group",
                        root ? ", so each of them is root" : ", and files of one belong to the others"),
            fmt::format("give each {} its own {} (or remove the extra entries) in the Dockerfile",
                        what == "uid" ? "account" : "group", what),
            std::string(users[1]->text));
    }
}

void check_duplicate_ids(const ImageContext& ctx, Reporter& out) {
    duplicate_ids(ctx.image, out, "/etc/passwd", "uid");
    duplicate_ids(ctx.image, out, "/etc/group", "gid");
}

void check_sudo(const ImageContext& ctx, Reporter& out) {
    const model::ImageSpec& img = ctx.image;
    for (std::string_view path :
         {"/usr/bin/sudo", "/bin/sudo", "/usr/sbin/sudo", "/usr/local/bin/sudo", "/usr/bin/doas"}) {
        if (const model::ImageFile* f = final_file(img, path); f != nullptr) {
            out.report_at(
                file_location(img, path), out.rule().severity,
                fmt::format("{} is installed, added by {}: a setuid-root program whose rules can let the "
                            "container's user become root again",
                            path, layer_description(img, f->layer)),
                "do not install sudo; run privileged build steps as root before USER, and use gosu or "
                "setpriv in the entrypoint",
                file_evidence(*f));
        }
    }
    for (const model::ImageFileContent& c : img.contents) {
        if (c.removed || (c.path != "/etc/sudoers" && !util::starts_with(c.path, "/etc/sudoers.d/"))) {
            continue;
        }
        for (const DbLine& l : db_lines(c.data)) {
            if (l.text.find("NOPASSWD") == std::string_view::npos) {
                continue;
            }
            size_t at = l.text.find("NOPASSWD");
            uint32_t column = util::utf8_length(l.text.substr(0, at)) + 1;
            out.report_at(
                file_location(img, c.path, l.number, column, column + 7), Severity::high,
                fmt::format("{}:{}: `{}` lets a user run commands as root without a password, written by {}",
                            c.path, l.number, util::trim(l.text), layer_description(img, c.layer)),
                "remove the NOPASSWD rule (and sudo) from the image",
                fmt::format("{}:{}: {}", c.path, l.number, util::trim(l.text)));
        }
    }
}

const Rule k_rules[] = {
    {
        .id = "BD304",
        .title = "Account with an empty password in the image",
        .severity = Severity::high,
        .category = category::filesystem,
        .tags = "image,accounts,password",
        .rationale =
            "An empty password field in /etc/shadow (or in /etc/passwd) means the account needs no password: "
            "`su` to it from any process in the container succeeds, and so does a login through any service "
            "that allows empty passwords. Locked accounts (`!`, `*`) are fine.",
        .remediation =
            "Lock the account in the Dockerfile: `RUN passwd -l app` (or `usermod -p '!' app`), or "
            "create it with `useradd` without `-p ''`."
            "\n\nBefore:\n\n```dockerfile\nFROM debian:12-slim\nRUN useradd app && passwd -d "
            "app\n```\n\nAfter:\n\n```dockerfile\nFROM debian:12-slim\nRUN useradd app\n```",
        .bad_example = R"json({
  "layers": [[
    {"path": "etc/shadow", "mode": "0640", "content": "root:*:19000:0:99999:7:::\nguest::19000:0:99999:7:::\n"}
  ]]
})json",
        .good_example = R"json({
  "layers": [[
    {"path": "etc/shadow", "mode": "0640", "content": "root:*:19000:0:99999:7:::\nguest:!:19000:0:99999:7:::\n"}
  ]]
})json",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "",
        .example_kind = "image",
        .check_image = check_empty_password,
        .dockle = "DKL-LI-0001",
    },
    {
        .id = "BD305",
        .title = "Duplicate uid or gid in the image's account files",
        .severity = Severity::medium,
        .category = category::filesystem,
        .tags = "image,accounts,uid,gid",
        .rationale =
            "The kernel knows users and groups by number only: two /etc/passwd entries with the same uid are "
            "one user with two names, so every file and process of one belongs to the other, and a second "
            "uid 0 is a second root account that audits looking for `root` miss. Duplicate gids merge groups "
            "the same way. They come from hand-edited files or `useradd -o`.",
        .remediation =
            "Create accounts with `useradd`/`adduser` without `-o` and with distinct ids; remove "
            "extra uid-0 entries."
            "\n\nBefore:\n\n```dockerfile\nFROM debian:12-slim\nRUN useradd -o -u 0 -g 0 "
            "admin\n```\n\nAfter:\n\n```dockerfile\nFROM debian:12-slim\nRUN useradd -u 10001 admin\n```",
        .bad_example = R"json({
  "layers": [[
    {"path": "etc/passwd", "content": "root:x:0:0:root:/root:/bin/sh\nadmin:x:0:0::/home/admin:/bin/sh\n"}
  ]]
})json",
        .good_example = R"json({
  "layers": [[
    {"path": "etc/passwd", "content": "root:x:0:0:root:/root:/bin/sh\nadmin:x:10001:10001::/home/admin:/bin/sh\n"}
  ]]
})json",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "",
        .example_kind = "image",
        .check_image = check_duplicate_ids,
        .dockle = "DKL-LI-0002",
    },
    {
        .id = "BD307",
        .title = "sudo installed in the image, or a NOPASSWD sudoers rule",
        .severity = Severity::medium,
        .category = category::privilege,
        .tags = "image,sudo,privilege",
        .rationale =
            "sudo (or doas) in an image is a setuid-root program with a configuration that decides who "
            "becomes "
            "root. A container has no interactive administrator, so its only effect is to let the "
            "unprivileged runtime user (or an attacker who got its rights) become root again, which undoes "
            "USER; a `NOPASSWD` rule does so without even a password, and is reported at high severity.",
        .remediation =
            "Do not install sudo. Run privileged build steps as root before the final `USER`, and drop "
            "privileges in the entrypoint with gosu, su-exec or setpriv when it must start as root."
            "\n\nBefore:\n\n```dockerfile\nFROM debian:12-slim\nRUN apt-get update && apt-get install -y "
            "sudo \\\n && echo 'app ALL=(ALL) NOPASSWD:ALL' > "
            "/etc/sudoers.d/app\n```\n\nAfter:\n\n```dockerfile\nFROM debian:12-slim\nRUN useradd --uid "
            "10001 app\nUSER 10001\n```",
        .bad_example = R"json({
  "layers": [[
    {"path": "usr/bin/sudo", "mode": "4755", "content": "ELF"},
    {"path": "etc/sudoers.d/app", "mode": "0440", "content": "app ALL=(ALL) NOPASSWD:ALL\n"}
  ]]
})json",
        .good_example = R"json({
  "layers": [[
    {"path": "usr/bin/su", "mode": "4755", "content": "ELF"}
  ]]
})json",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "",
        .example_kind = "image",
        .check_image = check_sudo,
        .dockle = "DKL-DI-0001",
    },
};

}  // namespace

std::span<const Rule> account_rules() {
    return k_rules;
}

void check_ssh_server(const ImageContext& ctx, Reporter& out) {
    const model::ImageSpec& img = ctx.image;
    for (std::string_view path : {"/usr/sbin/sshd", "/usr/bin/sshd", "/sbin/sshd", "/usr/local/sbin/sshd",
                                  "/usr/sbin/dropbear", "/usr/bin/dropbear"}) {
        if (const model::ImageFile* f = final_file(img, path); f != nullptr) {
            out.report_at(file_location(img, path), out.rule().severity,
                          fmt::format("an SSH server ({}) is installed in the image, added by {}", path,
                                      layer_description(img, f->layer)),
                          "remove the SSH server package; use docker exec or kubectl exec for a shell",
                          file_evidence(*f));
        }
    }
}

}  // namespace bulwark::rules::image
