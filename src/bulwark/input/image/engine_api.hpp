#pragma once
// The Docker Engine API, as much as `bulwark image NAME[:TAG]` needs: a small JSON GET and a
// streamed GET (an image export) over a unix socket or TCP, with libcurl.
#include <cstddef>
#include <memory>
#include <string>

namespace bulwark::input::image {

/// Where the engine listens.
struct EngineEndpoint {
    std::string host;      // as given or defaulted: "unix:///var/run/docker.sock", "tcp://host:2375"
    std::string socket;    // unix socket path; empty for TCP
    std::string base_url;  // "http://localhost/v1.41" or "http://host:2375/v1.41"
    std::string error;     // set when `host` cannot be used (unsupported scheme)
};

/// `docker_host` or, when empty, $DOCKER_HOST, else unix:///var/run/docker.sock.
EngineEndpoint resolve_endpoint(const std::string& docker_host);

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
