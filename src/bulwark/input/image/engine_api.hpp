#pragma once
// The Docker Engine API, as much as `bulwark image NAME[:TAG]` needs: a small JSON GET and a
// streamed GET (an image export) over a unix socket or TCP (plain or TLS), with libcurl.
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace bulwark::input::image {

/// The TLS flags of the docker CLI (--tls, --tlsverify, --tlscacert, --tlscert, --tlskey); what is not
/// given here comes from $DOCKER_TLS, $DOCKER_TLS_VERIFY and $DOCKER_CERT_PATH.
struct EngineTlsOptions {
    bool tls = false;     // encrypt, without verifying the engine's certificate
    bool verify = false;  // encrypt and verify the engine against the CA (implies tls)
    std::string ca_cert;  // empty: ca.pem in the cert directory
    std::string cert;     // empty: cert.pem in the cert directory, when it exists
    std::string key;      // empty: key.pem in the cert directory, when it exists
};

/// How the user asked to reach the engine.
struct EngineOptions {
    std::string host;  // empty: $DOCKER_HOST, else tcp://localhost:2376 with TLS, else the unix socket
    EngineTlsOptions tls;
};

/// Where the engine listens, and how to talk to it.
struct EngineEndpoint {
    std::string host;      // as given or defaulted: "unix:///var/run/docker.sock", "tcp://host:2375"
    std::string socket;    // unix socket path; empty for TCP
    std::string base_url;  // "http://localhost/v1.41", "http://host:2375/v1.41" or "https://host:2376/v1.41"
    bool tls = false;      // HTTPS
    bool verify = false;   // the engine's certificate and name are checked against `ca_cert` only
    std::string ca_cert;   // PEM files, found readable; ca_cert only when verifying
    std::string cert;      // client certificate, empty for none (then `key` is empty too)
    std::string key;
    std::string error;  // set when the endpoint cannot be used (unsupported scheme, missing certificate)
};

/// An environment variable's value, or nullopt when it is not set (the seam tests replace).
using EnvLookup = std::function<std::optional<std::string>(const std::string& name)>;

/// Resolves `options` as the docker CLI does, reading the process environment.
EngineEndpoint resolve_endpoint(const EngineOptions& options);

/// Resolves `options` with `env` in place of the process environment: DOCKER_HOST, DOCKER_TLS,
/// DOCKER_TLS_VERIFY (set and non-empty means on), DOCKER_CERT_PATH (else $DOCKER_CONFIG, else
/// $HOME/.docker). TLS applies to tcp:// (default port 2376, 2375 without TLS) and https://; a
/// unix socket never uses it.
EngineEndpoint resolve_endpoint(const EngineOptions& options, const EnvLookup& env);

/// How the errors of engine_get and EngineStream that are TLS failures start (a wrong CA, a
/// certificate the engine refuses, an engine that does not speak TLS).
inline constexpr std::string_view k_tls_failure = "TLS handshake failed: ";

/// GETs `path` (e.g. "/images/busybox:latest/json") and keeps the body (at most 16 MB). False with
/// `error` when the engine cannot be reached; otherwise `status` is the HTTP status.
bool engine_get(const EngineEndpoint& endpoint, const std::string& path, std::string& body, long& status,
                std::string& error);

/// The `message` of an Engine API error body, or the body itself.
std::string engine_error_message(const std::string& body);

/// A streamed GET: the body is read in pieces as it arrives, with at most a few MB buffered.
class EngineStream {
  public:
    EngineStream(const EngineEndpoint& endpoint, const std::string& path);
    ~EngineStream();
    EngineStream(const EngineStream&) = delete;
    EngineStream& operator=(const EngineStream&) = delete;

    /// The next bytes of the body into `buf`: the count, 0 at the end, -1 on an error in `error`.
    std::ptrdiff_t read(char* buf, size_t size, std::string& error);

  private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// Percent-encodes an image reference for a URL path.
std::string url_escape(const std::string& s);

}  // namespace bulwark::input::image
