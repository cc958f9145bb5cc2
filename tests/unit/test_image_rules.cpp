// Image rules on hand-built ImageSpecs: config checks (shared verdicts with the Dockerfile rules),
// history checks (the Dockerfile shell rules over `created_by`), and filesystem checks.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "bulwark/input/image/history.hpp"
#include "bulwark/rules/rule.hpp"
#include "support/scan_helpers.hpp"

using namespace bulwark;
using core::Severity;
using model::ImageFileType;

namespace {

/// An image whose config JSON is `json`; `add_origin` gives values ranges inside it.
struct TestImage {
    model::ImageSpec spec;

    TestImage() {
        spec.name = "test.tar";
        spec.os = "linux";
        spec.config_source =
            std::make_shared<const util::SourceFile>("test.tar:config.json", "{\n\"config\": {}\n}\n");
        spec.config.origin = model::Origin{spec.config_source, model::Range{2, 14}};
        spec.config.user = {"10001", {}, true, true};
        spec.config.healthcheck.set = true;
        spec.config.healthcheck.value = {"CMD", "/app/health"};
    }

    /// A config JSON holding `text` at a known range, so findings get a line.
    model::Origin origin_of(const std::string& text) {
        std::string json = spec.config_source->text() + text + "\n";
        auto src = std::make_shared<const util::SourceFile>("test.tar:config.json", json);
        // Re-point every origin to the new source (same offsets).
        size_t begin = json.size() - text.size() - 1;
        spec.config_source = src;
        rebase(src);
        return model::Origin{
            src, model::Range{static_cast<uint32_t>(begin), static_cast<uint32_t>(begin + text.size())}};
    }

    void rebase(const util::SourcePtr& src) {
        auto fix = [&](model::Origin& o) {
            if (o.file != nullptr) {
                o.file = src;
            }
        };
        fix(spec.config.origin);
        fix(spec.config.user.origin);
        fix(spec.config.healthcheck.origin);
        for (auto& e : spec.config.env) {
            fix(e.origin);
        }
        for (auto& e : spec.history) {
            fix(e.origin);
        }
    }

    void add_history(const std::string& created_by, bool empty = false) {
        model::ImageHistoryEntry e;
        e.created_by = created_by;
        e.empty_layer = empty;
        e.origin = origin_of("\"created_by\": \"" + created_by + "\"");
        if (!empty) {
            model::ImageLayer l;
            l.index = static_cast<int>(spec.layers.size());
            l.digest = "sha256:ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12";
            l.history = static_cast<int>(spec.history.size());
            e.layer = l.index;
            spec.layers.push_back(l);
        }
        spec.history.push_back(e);
        spec.history_dockerfile = input::image::build_history_dockerfile(spec);
    }

    void add_file(const std::string& path, uint32_t mode, ImageFileType type = ImageFileType::regular,
                  int layer = 0, bool removed = false, uint32_t uid = 0) {
        model::ImageFile f;
        f.path = path;
        f.mode = mode;
        f.type = type;
        f.layer = layer;
        f.removed = removed;
        f.uid = uid;
        f.size = 100;
        spec.files.push_back(f);
    }

    void add_content(const std::string& path, const std::string& data, int layer = 0, bool removed = false) {
        spec.contents.push_back(model::ImageFileContent{path, layer, removed, data});
    }
};

std::vector<core::Finding> run(const std::string& id, const model::ImageSpec& image,
                               const core::Policy& policy = bulwark::testing::test_policy()) {
    const rules::Rule* rule = rules::find_rule(id);
    std::vector<core::Finding> out;
    EXPECT_NE(rule, nullptr) << id;
    if (rule == nullptr || rule->check_image == nullptr) {
        ADD_FAILURE() << id << " has no image check";
        return out;
    }
    rules::Reporter reporter(*rule, *image.config_source, out);
    rule->check_image(rules::ImageContext{image, policy}, reporter);
    return out;
}

std::string pointers(const std::vector<core::Finding>& fs) {
    std::string out;
    for (const core::Finding& f : fs) {
        out += (out.empty() ? "" : " ") + f.location.pointer;
    }
    return out;
}

// ---- history as a Dockerfile ----

TEST(ImageHistory, InstructionsFromCreatedBy) {
    using input::image::history_instruction;
    EXPECT_EQ(history_instruction("/bin/sh -c apt-get update && apt-get install -y curl"),
              "RUN apt-get update && apt-get install -y curl");
    EXPECT_EQ(history_instruction("/bin/sh -c #(nop)  CMD [\"bash\"]"), "");
    EXPECT_EQ(history_instruction("/bin/sh -c #(nop) ADD file:ab12 in / "), "ADD file:ab12 /");
    EXPECT_EQ(history_instruction("/bin/sh -c #(nop) COPY dir:cd34 in /app "), "COPY dir:cd34 /app");
    EXPECT_EQ(history_instruction("/bin/sh -c #(nop)  ENV PATH=/usr/local/bin:/usr/bin LANG=C.UTF-8"),
              "ENV PATH=\"/usr/local/bin:/usr/bin\" LANG=\"C.UTF-8\"");
    EXPECT_EQ(history_instruction("/bin/sh -c #(nop)  USER app"), "USER app");
    EXPECT_EQ(history_instruction("RUN /bin/sh -c make install # buildkit"), "RUN make install");
    EXPECT_EQ(history_instruction("RUN |2 TOKEN=abc def V=1 /bin/sh -c make # buildkit"),
              "ARG TOKEN=\"abc def\"\nARG V=\"1\"\nRUN make");
    EXPECT_EQ(history_instruction("|1 PRICE=$5 /bin/sh -c echo"), "ARG PRICE=\"\\$5\"\nRUN echo");
    EXPECT_EQ(history_instruction("/bin/bash -o pipefail -c curl -s x | tar x"), "RUN curl -s x | tar x");
    EXPECT_EQ(history_instruction("COPY --chown=app /src /dst # buildkit"), "COPY --chown=app /src /dst");
    EXPECT_EQ(history_instruction("EXPOSE map[80/tcp:{}]"), "");
    EXPECT_EQ(history_instruction("cmd /S /C powershell -Command Install"), "");
    EXPECT_EQ(history_instruction(""), "");
    // A trailing backslash must not continue into the next entry's line.
    EXPECT_EQ(history_instruction("/bin/sh -c echo a \\"),
              "RUN <<'BULWARK_HISTORY'\necho a \\\nBULWARK_HISTORY");
    EXPECT_EQ(history_instruction("/bin/sh -c #(nop) ADD https://example.com/a.tgz in /opt "),
              "ADD https://example.com/a.tgz /opt");
    EXPECT_EQ(history_instruction("RUN /bin/sh -c set -e\necho a\necho b # buildkit"),
              "RUN <<'BULWARK_HISTORY'\nset -e\necho a\necho b\nBULWARK_HISTORY");
}

TEST(ImageHistory, LinesMapBackToEntries) {
    TestImage img;
    img.add_history("/bin/sh -c #(nop) ADD file:ab12 in / ");
    img.add_history("/bin/sh -c #(nop)  CMD [\"bash\"]", true);
    img.add_history("RUN |1 A=b /bin/sh -c make # buildkit");
    const model::HistoryDockerfile& hd = *img.spec.history_dockerfile;
    // FROM scratch, ADD, (blank), ARG, RUN
    ASSERT_EQ(hd.entry_of_line.size(), 6u);
    EXPECT_EQ(hd.entry_of_line[1], -1);
    EXPECT_EQ(hd.entry_of_line[2], 0);
    EXPECT_EQ(hd.entry_of_line[3], 1);
    EXPECT_EQ(hd.entry_of_line[4], 2);
    EXPECT_EQ(hd.entry_of_line[5], 2);
}

TEST(ImageHistory, ShellRulesReportAtTheHistoryEntry) {
    TestImage img;
    img.add_history("/bin/sh -c #(nop) ADD file:ab12 in / ");
    img.add_history("/bin/sh -c curl -fsSL https://get.example.com/install.sh | sh");
    auto found = run("BD032", img.spec);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].location.file, "test.tar:config.json");
    EXPECT_EQ(found[0].location.line, 5u);  // the second created_by
    EXPECT_NE(found[0].message.find("in the image history (layer 1, sha256:ab12cd34ef56"), std::string::npos)
        << found[0].message;

    TestImage clean;
    clean.add_history("/bin/sh -c #(nop) ADD file:ab12 in / ");
    clean.add_history("/bin/sh -c apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*");
    EXPECT_TRUE(run("BD032", clean.spec).empty());
    EXPECT_TRUE(run("BD053", clean.spec).empty());
    EXPECT_TRUE(run("BD034", clean.spec).empty());
}

TEST(ImageHistory, UpdateAloneTlsOffAndSudo) {
    TestImage img;
    img.add_history("/bin/sh -c apt-get update");
    img.add_history("RUN /bin/sh -c curl -k https://example.com/x -o /x # buildkit");
    img.add_history("/bin/sh -c sudo make install");
    EXPECT_EQ(run("BD053", img.spec).size(), 1u);
    EXPECT_EQ(run("BD034", img.spec).size(), 1u);
    EXPECT_EQ(run("BD040", img.spec).size(), 1u);
}

TEST(ImageHistory, SecretBuildArgsVisibleInHistory) {
    TestImage img;
    img.add_history(
        "RUN |2 GITHUB_TOKEN=ghp_Zx8Yw7Vu6Ts5Rq4Po3Nm2Lk1Jh0GfEdCbA99 V=1 /bin/sh -c make # buildkit");
    auto found = run("BD020", img.spec);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_NE(found[0].message.find("ARG GITHUB_TOKEN"), std::string::npos) << found[0].message;
    EXPECT_NE(found[0].message.find("in the image history"), std::string::npos);
    // A build argument that is not a secret, and ENV entries (judged from the config), are not.
    TestImage plain;
    plain.add_history("RUN |1 VERSION=1.2 /bin/sh -c make # buildkit");
    plain.add_history("/bin/sh -c #(nop)  ENV API_TOKEN=abcdefgh12345678");
    EXPECT_TRUE(run("BD020", plain.spec).empty());
}

// ---- config ----

TEST(ImageConfig, User) {
    TestImage img;
    EXPECT_TRUE(run("BD001", img.spec).empty());
    EXPECT_TRUE(run("BD002", img.spec).empty());
    img.spec.config.user.value = "";
    EXPECT_EQ(run("BD001", img.spec).size(), 1u);
    EXPECT_TRUE(run("BD002", img.spec).empty());
    for (const char* root : {"root", "0", "0:0", "root:app"}) {
        img.spec.config.user.value = root;
        EXPECT_EQ(run("BD002", img.spec).size(), 1u) << root;
        EXPECT_TRUE(run("BD001", img.spec).empty()) << root;
    }
    img.spec.config.user.value = "app:app";
    EXPECT_TRUE(run("BD002", img.spec).empty());
}

TEST(ImageConfig, Healthcheck) {
    TestImage img;
    EXPECT_TRUE(run("BD079", img.spec).empty());
    img.spec.config.healthcheck.value = {"NONE"};
    auto none = run("BD079", img.spec);
    ASSERT_EQ(none.size(), 1u);
    EXPECT_NE(none[0].message.find("disables"), std::string::npos);
    img.spec.config.healthcheck = {};
    auto missing = run("BD079", img.spec);
    ASSERT_EQ(missing.size(), 1u);
    EXPECT_EQ(missing[0].location.line, 2u);  // the config object
}

TEST(ImageConfig, ExposedPorts) {
    TestImage img;
    for (const char* p : {"8080/tcp", "22/udp", "53/udp", "5432/tcp"}) {
        img.spec.config.exposed_ports.push_back({p, {}, true, true});
    }
    EXPECT_TRUE(run("BD043", img.spec).empty());
    EXPECT_TRUE(run("BD309", img.spec).empty());
    img.spec.config.exposed_ports.push_back({"22/tcp", {}, true, true});
    img.spec.config.exposed_ports.push_back({"2375/tcp", {}, true, true});
    img.spec.config.exposed_ports.push_back({"23", {}, true, true});
    EXPECT_EQ(run("BD043", img.spec).size(), 1u);
    auto sensitive = run("BD309", img.spec);
    ASSERT_EQ(sensitive.size(), 2u);
    EXPECT_EQ(sensitive[0].severity, Severity::critical);  // Docker API without TLS
    EXPECT_NE(sensitive[1].message.find("Telnet"), std::string::npos);
}

TEST(ImageConfig, SecretEnvAndLabels) {
    TestImage img;
    auto nv = [](std::string name, std::string value) {
        model::NamedValue v;
        v.name = std::move(name);
        v.value = {std::move(value), {}, true, true};
        return v;
    };
    img.spec.config.env = {nv("PATH", "/usr/bin"), nv("POSTGRES_PASSWORD_FILE", "/run/secrets/pg"),
                           nv("API_TOKEN", "changeme"), nv("DB_PASSWORD", "")};
    img.spec.config.labels = {nv("maintainer", "a@example.com")};
    EXPECT_TRUE(run("BD020", img.spec).empty());
    img.spec.config.env.push_back(nv("POSTGRES_PASSWORD", "Sup3rS3cretValue"));
    img.spec.config.labels.push_back(nv("deploy.api_key", "k8s-9f8e7d6c5b4a"));
    auto found = run("BD020", img.spec);
    ASSERT_EQ(found.size(), 2u);
    EXPECT_NE(found[0].message.find("ENV POSTGRES_PASSWORD"), std::string::npos);
    EXPECT_EQ(found[0].message.find("Sup3rS3cretValue"), std::string::npos) << "not redacted";
    EXPECT_NE(found[1].message.find("label deploy.api_key"), std::string::npos);
}

TEST(ImageConfig, SystemVolumes) {
    TestImage img;
    img.spec.config.volumes = {{"/data", {}, true, true}, {"/var/lib/postgresql/data", {}, true, true}};
    EXPECT_TRUE(run("BD071", img.spec).empty());
    img.spec.config.volumes.push_back({"/proc/", {}, true, true});
    img.spec.config.volumes.push_back({"/var/run/docker.sock", {}, true, true});
    EXPECT_EQ(run("BD071", img.spec).size(), 2u);
}

TEST(ImageConfig, Age) {
    TestImage img;
    core::Policy policy = bulwark::testing::test_policy();  // today 2026-11-23
    img.spec.created = "2026-10-01T12:00:00Z";
    EXPECT_TRUE(run("BD308", img.spec, policy).empty());
    img.spec.created = "2026-08-24T00:00:00Z";  // 91 days
    auto old = run("BD308", img.spec, policy);
    ASSERT_EQ(old.size(), 1u);
    EXPECT_NE(old[0].message.find("91 days ago"), std::string::npos) << old[0].message;
    policy.image_max_age_days = 100;
    EXPECT_TRUE(run("BD308", img.spec, policy).empty());
    img.spec.created = "1970-01-01T00:00:00Z";  // reproducible build: no date
    EXPECT_TRUE(run("BD308", img.spec).empty());
    img.spec.created = "garbage";
    EXPECT_TRUE(run("BD308", img.spec).empty());
}

TEST(ImageConfig, CreatedIsLocatedInTheConfig) {
    TestImage img;
    img.spec.created = "2020-01-01T00:00:00Z";
    std::string json =
        "{\n  \"config\": {},\n  \"created\": \"2020-01-01T00:00:00Z\",\n  \"history\": []\n}\n";
    img.spec.config_source = std::make_shared<const util::SourceFile>("c.json", json);
    auto found = run("BD308", img.spec);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].location.line, 3u);
    EXPECT_EQ(found[0].location.column, 14u);
}

TEST(ImageConfig, OsEndOfLife) {
    TestImage img;
    img.spec.os_release = {"debian", "12", "Debian GNU/Linux 12 (bookworm)", "/etc/os-release", 0};
    EXPECT_TRUE(run("BD015", img.spec).empty());
    img.spec.os_release = {"debian", "9", "Debian GNU/Linux 9 (stretch)", "/etc/os-release", 0};
    auto found = run("BD015", img.spec);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].location.pointer, "/etc/os-release");
    EXPECT_EQ(found[0].location.file, "test.tar");
    EXPECT_NE(found[0].message.find("end of life"), std::string::npos);
}

// ---- filesystem ----

TEST(ImageFiles, SetuidOutsideTheAllowList) {
    TestImage img;
    img.add_file("/usr/bin/passwd", 04755);
    img.add_file("/bin/su", 04755);
    img.add_file("/usr/bin/chage", 02755);
    img.add_file("/usr/local/bin/tool", 0755);
    EXPECT_TRUE(run("BD300", img.spec).empty());
    img.add_file("/usr/local/bin/backdoor", 04755);
    img.add_file("/opt/app/helper", 02755);
    img.add_file("/usr/local/bin/gone", 04755, ImageFileType::regular, 0, true);  // not in the final fs
    img.add_file("/tmp/passwd", 04755);  // allow-listed name outside a system directory
    auto found = run("BD300", img.spec);
    EXPECT_EQ(pointers(found), "/usr/local/bin/backdoor /opt/app/helper /tmp/passwd");
    EXPECT_EQ(found[0].severity, Severity::high);
    EXPECT_EQ(found[1].severity, Severity::medium);
    EXPECT_NE(found[0].evidence.find("-rwsr-xr-x"), std::string::npos) << found[0].evidence;
}

TEST(ImageFiles, MessagesNameTheLayerButNotBuildArguments) {
    TestImage img;
    img.add_history("/bin/sh -c #(nop) ADD file:ab12 in / ");
    img.add_history(
        "RUN |1 NPM_TOKEN=npm_84iqh4gVJjrsMnTvnRO2qGFq562dfOB1rcav /bin/sh -c make install # buildkit");
    img.add_file("/usr/local/bin/tool", 04755, ImageFileType::regular, 1);
    auto found = run("BD300", img.spec);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_NE(found[0].message.find("added by layer 1 (sha256:ab12cd34ef56…, `RUN make install`)"),
              std::string::npos)
        << found[0].message;
    EXPECT_EQ(found[0].message.find("npm_84iq"), std::string::npos) << found[0].message;
}

TEST(ImageFiles, WorldWritable) {
    TestImage img;
    img.add_file("/tmp", 01777, ImageFileType::directory);
    img.add_file("/bin/sh", 0777, ImageFileType::symlink);
    img.add_file("/app/run.sh", 0755);
    EXPECT_TRUE(run("BD301", img.spec).empty());
    img.add_file("/app/data", 0777, ImageFileType::directory);
    img.add_file("/app/config.yml", 0666);
    EXPECT_EQ(pointers(run("BD301", img.spec)), "/app/data /app/config.yml");
}

TEST(ImageFiles, ManyFindingsAreCapped) {
    TestImage img;
    for (int i = 0; i < 60; ++i) {
        img.add_file("/app/f" + std::to_string(i), 0666);
    }
    auto found = run("BD301", img.spec);
    ASSERT_EQ(found.size(), 51u);
    EXPECT_NE(found.back().message.find("10 more"), std::string::npos);
}

TEST(ImageFiles, CredentialFiles) {
    TestImage img;
    img.add_file("/root/.ssh/id_rsa.pub", 0644);
    img.add_file("/etc/ssl/certs/ca-certificates.crt", 0644);
    img.add_file("/etc/ssl/certs/Izenpe.com.pem", 0644);
    img.add_file("/usr/lib/python3/dist-packages/tests/key.pem", 0644);
    img.add_file("/usr/lib/python3.11/test/keycert.pem", 0644);
    img.add_file("/app/node_modules/agent-base/test/ssl-cert-snakeoil.key", 0644);
    img.add_file("/root/.docker/config.json", 0600);
    img.add_content("/root/.docker/config.json", "{\"credsStore\": \"desktop\"}");
    EXPECT_TRUE(run("BD302", img.spec).empty());
    img.add_file("/root/.ssh/id_rsa", 0600, ImageFileType::regular, 1, true);
    img.add_file("/app/.env", 0644);
    img.add_file("/home/app/.npmrc", 0600);
    img.add_content("/home/app/.npmrc", "//registry.npmjs.org/:_authToken=npm_abc\n");
    auto found = run("BD302", img.spec);
    ASSERT_EQ(pointers(found), "/root/.ssh/id_rsa /app/.env /home/app/.npmrc");
    EXPECT_EQ(found[0].severity, Severity::critical);  // deleted later: still ships
    EXPECT_NE(found[0].message.find("still ship in layer 1"), std::string::npos) << found[0].message;
    EXPECT_EQ(found[1].severity, Severity::critical);  // readable by others
    EXPECT_EQ(found[2].severity, Severity::high);      // owner-only
}

TEST(ImageFiles, SecretsInContents) {
    TestImage img;
    EXPECT_TRUE(run("BD303", img.spec).empty());
    model::ImageSecret s;
    s.path = "/app/settings.py";
    s.layer = 0;
    s.removed = true;
    s.line = 12;
    s.pattern_id = "aws-access-key-id";
    s.pattern_name = "AWS access key id";
    s.severity = Severity::critical;
    s.preview = "AKIA****";
    img.spec.secrets.push_back(s);
    auto found = run("BD303", img.spec);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].severity, Severity::critical);
    EXPECT_EQ(found[0].location.pointer, "/app/settings.py");
    EXPECT_NE(found[0].message.find("/app/settings.py:12"), std::string::npos);
    EXPECT_NE(found[0].message.find("still ship"), std::string::npos);
}

TEST(ImageFiles, Junk) {
    TestImage img;
    img.add_file("/var/lib/apt/lists/lock", 0640);
    img.add_file("/var/lib/apt/lists/partial", 0700, ImageFileType::directory);
    img.add_file("/usr/lib/node_modules/x/.git/HEAD", 0644);
    img.add_file("/usr/share/doc/x/Dockerfile", 0644);
    img.add_file("/usr/lib/go/src/Dockerfile", 0644);
    EXPECT_TRUE(run("BD306", img.spec).empty());
    img.add_file("/var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_InRelease", 0644);
    img.add_file("/var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages.lz4",
                 0644);
    img.add_file("/app/.git", 0755, ImageFileType::directory);
    img.add_file("/app/.git/config", 0644);
    img.add_file("/app/.DS_Store", 0644);
    img.add_file("/app/Dockerfile", 0644);
    img.add_file("/root/.cache/pip/http/a/b", 0644, ImageFileType::regular, 0, true);  // deleted
    auto found = run("BD306", img.spec);
    EXPECT_EQ(pointers(found), "/app/.DS_Store /app/.git /app/Dockerfile /var/lib/apt/lists");
    EXPECT_NE(found[3].message.find("2 files"), std::string::npos) << found[3].message;
}

TEST(ImageAccounts, EmptyPasswords) {
    TestImage img;
    img.add_content("/etc/shadow", "root:*:19000:0:99999:7:::\napp:!:19000::::::\n");
    img.add_content("/etc/passwd", "root:x:0:0:root:/root:/bin/sh\n");
    EXPECT_TRUE(run("BD304", img.spec).empty());
    img.spec.contents.clear();
    img.add_content("/etc/shadow", "root:*:19000:0:99999:7:::\n# comment\nguest::19000::::::\n");
    auto found = run("BD304", img.spec);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_NE(found[0].message.find("/etc/shadow:3: account `guest`"), std::string::npos) << found[0].message;
    // A removed version of the file is not the image's account database.
    img.spec.contents.back().removed = true;
    EXPECT_TRUE(run("BD304", img.spec).empty());
}

TEST(ImageAccounts, DuplicateIds) {
    TestImage img;
    img.add_content("/etc/passwd", "root:x:0:0::/root:/bin/sh\napp:x:1000:1000::/home/app:/bin/sh\n");
    img.add_content("/etc/group", "root:x:0:\napp:x:1000:\n");
    EXPECT_TRUE(run("BD305", img.spec).empty());
    img.spec.contents.clear();
    img.add_content("/etc/passwd", "root:x:0:0::/root:/bin/sh\ntoor:x:0:0::/root:/bin/sh\n");
    img.add_content("/etc/group", "a:x:1000:\nb:x:1000:\n");
    auto found = run("BD305", img.spec);
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(found[0].severity, Severity::high);  // a second root
    EXPECT_NE(found[0].message.find("`root` (line 1), `toor` (line 2)"), std::string::npos)
        << found[0].message;
    EXPECT_EQ(found[1].location.pointer, "/etc/group");
}

TEST(ImageAccounts, SudoAndSshd) {
    TestImage img;
    img.add_file("/usr/bin/su", 04755);
    EXPECT_TRUE(run("BD307", img.spec).empty());
    EXPECT_TRUE(run("BD044", img.spec).empty());
    img.add_file("/usr/bin/sudo", 04755);
    img.add_content("/etc/sudoers.d/app", "# app\napp ALL=(ALL) NOPASSWD:ALL\n");
    img.add_file("/usr/sbin/sshd", 0755);
    auto sudo = run("BD307", img.spec);
    ASSERT_EQ(sudo.size(), 2u);
    EXPECT_EQ(sudo[1].severity, Severity::high);
    EXPECT_NE(sudo[1].message.find("/etc/sudoers.d/app:2"), std::string::npos);
    EXPECT_EQ(pointers(run("BD044", img.spec)), "/usr/sbin/sshd");
}

TEST(ImageRules, EveryImageOnlyRuleIsInTheFilesystemRange) {
    for (const rules::Rule* r : rules::all_rules()) {
        if (r->example_kind == "image") {
            EXPECT_NE(r->check_image, nullptr) << r->id;
            EXPECT_GE(r->id, "BD300") << r->id;
            EXPECT_LT(r->id, "BD350") << r->id;
        }
    }
}

}  // namespace
