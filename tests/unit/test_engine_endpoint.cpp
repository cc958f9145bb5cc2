// resolve_endpoint: the docker CLI's host and TLS settings (flags, DOCKER_HOST, DOCKER_TLS,
// DOCKER_TLS_VERIFY, DOCKER_CERT_PATH, DOCKER_CONFIG, HOME) with a fake environment, and the
// messages for missing certificate files.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "bulwark/input/image/engine_api.hpp"
#include "support/image_builder.hpp"

namespace fs = std::filesystem;
using bulwark::input::image::EngineEndpoint;
using bulwark::input::image::EngineOptions;
using bulwark::input::image::resolve_endpoint;

namespace {

using Env = std::map<std::string, std::string>;

EngineEndpoint resolve(const EngineOptions& options, const Env& env) {
    return resolve_endpoint(options, [&env](const std::string& name) -> std::optional<std::string> {
        auto it = env.find(name);
        return it == env.end() ? std::nullopt : std::optional<std::string>(it->second);
    });
}

// A cert directory holding the named files (PEM content does not matter to resolution).
std::string cert_dir(const fs::path& dir, std::initializer_list<const char*> files) {
    fs::create_directories(dir);
    for (const char* f : files) {
        std::ofstream(dir / f) << "-----BEGIN CERTIFICATE-----\n";
    }
    return dir.string();
}

EngineOptions host(const std::string& h) {
    EngineOptions o;
    o.host = h;
    return o;
}

}  // namespace

TEST(EngineEndpoint, DefaultsToTheUnixSocket) {
    EngineEndpoint e = resolve({}, {});
    EXPECT_EQ(e.error, "");
    EXPECT_EQ(e.host, "unix:///var/run/docker.sock");
    EXPECT_EQ(e.socket, "/var/run/docker.sock");
    EXPECT_EQ(e.base_url, "http://localhost/v1.41");
    EXPECT_FALSE(e.tls);
}

TEST(EngineEndpoint, PlainTcpFromEnvironmentOrFlag) {
    EngineEndpoint e = resolve({}, {{"DOCKER_HOST", "tcp://10.0.0.5:1234/"}});
    EXPECT_EQ(e.error, "");
    EXPECT_EQ(e.host, "tcp://10.0.0.5:1234/");
    EXPECT_EQ(e.socket, "");
    EXPECT_EQ(e.base_url, "http://10.0.0.5:1234/v1.41");
    EXPECT_FALSE(e.tls);
    // The flag wins over the environment; without a port, plain TCP is 2375.
    e = resolve(host("tcp://engine"), {{"DOCKER_HOST", "tcp://10.0.0.5:1234"}});
    EXPECT_EQ(e.base_url, "http://engine:2375/v1.41");
    e = resolve(host("tcp://[::1]"), {});
    EXPECT_EQ(e.base_url, "http://[::1]:2375/v1.41");
    e = resolve(host("tcp://[::1]:99"), {});
    EXPECT_EQ(e.base_url, "http://[::1]:99/v1.41");
    // An empty DOCKER_HOST is unset, as for the docker CLI.
    EXPECT_EQ(resolve({}, {{"DOCKER_HOST", ""}}).host, "unix:///var/run/docker.sock");
}

TEST(EngineEndpoint, TlsVerifyFromEnvironment) {
    bulwark::testing::TempDir tmp;
    std::string dir = cert_dir(tmp.path() / "certs", {"ca.pem", "cert.pem", "key.pem"});
    EngineEndpoint e = resolve(
        {}, {{"DOCKER_HOST", "tcp://127.0.0.1"}, {"DOCKER_TLS_VERIFY", "1"}, {"DOCKER_CERT_PATH", dir}});
    EXPECT_EQ(e.error, "");
    EXPECT_TRUE(e.tls);
    EXPECT_TRUE(e.verify);
    EXPECT_EQ(e.base_url, "https://127.0.0.1:2376/v1.41");  // 2376 is the TLS default port
    EXPECT_EQ(e.ca_cert, dir + "/ca.pem");
    EXPECT_EQ(e.cert, dir + "/cert.pem");
    EXPECT_EQ(e.key, dir + "/key.pem");
    // As the docker CLI: any non-empty value turns verification on, even "0"; an empty one does not.
    EXPECT_TRUE(resolve(host("tcp://h:1"), {{"DOCKER_TLS_VERIFY", "0"}, {"DOCKER_CERT_PATH", dir}}).verify);
    EngineEndpoint off = resolve(host("tcp://h:1"), {{"DOCKER_TLS_VERIFY", ""}, {"DOCKER_CERT_PATH", dir}});
    EXPECT_FALSE(off.tls);
    EXPECT_EQ(off.base_url, "http://h:1/v1.41");
}

TEST(EngineEndpoint, TlsWithoutAHostGoesToLocalhost2376) {
    bulwark::testing::TempDir tmp;
    std::string dir = cert_dir(tmp.path(), {"ca.pem"});
    EngineEndpoint e = resolve({}, {{"DOCKER_TLS_VERIFY", "1"}, {"DOCKER_CERT_PATH", dir}});
    EXPECT_EQ(e.error, "");
    EXPECT_EQ(e.host, "tcp://localhost:2376");
    EXPECT_EQ(e.base_url, "https://localhost:2376/v1.41");
    // No client pair in the directory: none is sent (the engine decides whether it needs one).
    EXPECT_EQ(e.cert, "");
    EXPECT_EQ(e.key, "");
}

TEST(EngineEndpoint, TlsAloneEncryptsWithoutTheCa) {
    bulwark::testing::TempDir tmp;
    std::string dir = cert_dir(tmp.path(), {});
    EngineOptions o = host("tcp://engine:2376");
    o.tls.tls = true;
    EngineEndpoint e = resolve(o, {{"DOCKER_CERT_PATH", dir}});
    EXPECT_EQ(e.error, "");  // no ca.pem needed: nothing is verified
    EXPECT_TRUE(e.tls);
    EXPECT_FALSE(e.verify);
    EXPECT_EQ(e.ca_cert, "");
    EXPECT_EQ(e.base_url, "https://engine:2376/v1.41");
    EngineEndpoint env = resolve(host("tcp://engine"), {{"DOCKER_TLS", "1"}, {"DOCKER_CERT_PATH", dir}});
    EXPECT_TRUE(env.tls);
    EXPECT_FALSE(env.verify);
    EXPECT_EQ(env.base_url, "https://engine:2376/v1.41");
    // https:// asks for TLS by itself.
    EngineEndpoint https = resolve(host("https://engine:443"), {{"DOCKER_CERT_PATH", dir}});
    EXPECT_EQ(https.error, "");
    EXPECT_TRUE(https.tls);
    EXPECT_EQ(https.base_url, "https://engine:443/v1.41");
}

TEST(EngineEndpoint, FlagsNameTheFiles) {
    bulwark::testing::TempDir tmp;
    std::string dir = cert_dir(tmp.path() / "env", {"ca.pem", "cert.pem", "key.pem"});
    std::string mine = cert_dir(tmp.path() / "mine", {"my-ca.pem", "my-cert.pem", "my-key.pem"});
    EngineOptions o = host("tcp://engine:2376");
    o.tls.verify = true;
    o.tls.ca_cert = mine + "/my-ca.pem";
    o.tls.cert = mine + "/my-cert.pem";
    o.tls.key = mine + "/my-key.pem";
    EngineEndpoint e = resolve(o, {{"DOCKER_CERT_PATH", dir}});
    EXPECT_EQ(e.error, "");
    EXPECT_TRUE(e.verify);
    EXPECT_EQ(e.ca_cert, mine + "/my-ca.pem");
    EXPECT_EQ(e.cert, mine + "/my-cert.pem");
    EXPECT_EQ(e.key, mine + "/my-key.pem");
}

TEST(EngineEndpoint, CertDirectoryFallsBackToDockerConfigThenHome) {
    bulwark::testing::TempDir tmp;
    std::string home = tmp.path().string();
    cert_dir(tmp.path() / ".docker", {"ca.pem"});
    std::string config = cert_dir(tmp.path() / "config", {"ca.pem"});
    EngineOptions o = host("tcp://engine");
    o.tls.verify = true;
    EXPECT_EQ(resolve(o, {{"HOME", home}}).ca_cert, home + "/.docker/ca.pem");
    EXPECT_EQ(resolve(o, {{"HOME", home}, {"DOCKER_CONFIG", config}}).ca_cert, config + "/ca.pem");
}

TEST(EngineEndpoint, MissingCaIsAnErrorNamingTheFile) {
    bulwark::testing::TempDir tmp;
    std::string dir = cert_dir(tmp.path(), {"cert.pem", "key.pem"});
    EngineOptions o = host("tcp://engine");
    o.tls.verify = true;
    EngineEndpoint e = resolve(o, {{"DOCKER_CERT_PATH", dir}});
    EXPECT_EQ(e.error, "cannot read the TLS CA certificate '" + dir +
                           "/ca.pem': No such file or directory (set --tlscacert, or DOCKER_CERT_PATH to the "
                           "directory holding ca.pem, cert.pem and key.pem)");
    o.tls.ca_cert = dir + "/nope.pem";
    EXPECT_EQ(
        resolve(o, {{"DOCKER_CERT_PATH", dir}}).error,
        "cannot read the TLS CA certificate '" + dir +
            "/nope.pem': No such file or directory (set --tlscacert, or DOCKER_CERT_PATH to the directory "
            "holding ca.pem, cert.pem and key.pem)");
}

TEST(EngineEndpoint, GivenClientFilesMustExist) {
    bulwark::testing::TempDir tmp;
    std::string dir = cert_dir(tmp.path(), {"ca.pem", "cert.pem", "key.pem"});
    EngineOptions o = host("tcp://engine");
    o.tls.verify = true;
    o.tls.cert = dir + "/missing-cert.pem";
    EXPECT_EQ(resolve(o, {{"DOCKER_CERT_PATH", dir}}).error,
              "cannot read the TLS client certificate '" + dir +
                  "/missing-cert.pem': No such file or directory (set --tlscert, or DOCKER_CERT_PATH to the "
                  "directory holding ca.pem, cert.pem and key.pem)");
    o.tls.cert.clear();
    o.tls.key = dir + "/missing-key.pem";
    EXPECT_EQ(resolve(o, {{"DOCKER_CERT_PATH", dir}}).error,
              "cannot read the TLS client key '" + dir +
                  "/missing-key.pem': No such file or directory (set --tlskey, or DOCKER_CERT_PATH to the "
                  "directory holding ca.pem, cert.pem and key.pem)");
}

TEST(EngineEndpoint, HalfAClientPairIsAnError) {
    bulwark::testing::TempDir tmp;
    std::string with_cert = cert_dir(tmp.path() / "a", {"ca.pem", "cert.pem"});
    std::string with_key = cert_dir(tmp.path() / "b", {"ca.pem", "key.pem"});
    EXPECT_EQ(resolve({}, {{"DOCKER_TLS_VERIFY", "1"}, {"DOCKER_CERT_PATH", with_cert}}).error,
              "the TLS client certificate '" + with_cert + "/cert.pem' has no key (set --tlskey)");
    EXPECT_EQ(resolve({}, {{"DOCKER_TLS_VERIFY", "1"}, {"DOCKER_CERT_PATH", with_key}}).error,
              "the TLS client key '" + with_key + "/key.pem' has no certificate (set --tlscert)");
}

TEST(EngineEndpoint, UnixSocketIgnoresTls) {
    EngineEndpoint e = resolve(host("unix:///run/docker.sock"),
                               {{"DOCKER_TLS_VERIFY", "1"}, {"DOCKER_CERT_PATH", "/nonexistent"}});
    EXPECT_EQ(e.error, "");
    EXPECT_FALSE(e.tls);
    EXPECT_FALSE(e.verify);
    EXPECT_EQ(e.socket, "/run/docker.sock");
}

TEST(EngineEndpoint, BadHostsAreErrors) {
    EXPECT_EQ(resolve(host("ftp://x"), {}).error,
              "unsupported Docker host 'ftp://x' (use unix:///path or tcp://host:port)");
    EXPECT_EQ(resolve(host("tcp://engine:http"), {}).error,
              "Docker host 'tcp://engine:http': invalid port 'http'");
    EXPECT_EQ(resolve(host("tcp://engine:70000"), {}).error,
              "Docker host 'tcp://engine:70000': invalid port '70000'");
    EngineOptions o = host("http://engine:2375");
    o.tls.tls = true;
    EXPECT_EQ(resolve(o, {}).error,
              "Docker host 'http://engine:2375' is plain HTTP, but TLS was asked for (--tls, --tlsverify, "
              "DOCKER_TLS or DOCKER_TLS_VERIFY); use tcp://host:port");
    EXPECT_EQ(resolve(host("http://engine:2375"), {}).base_url, "http://engine:2375/v1.41");
}
