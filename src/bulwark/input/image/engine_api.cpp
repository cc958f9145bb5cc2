#include "bulwark/input/image/engine_api.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "bulwark/input/image/libraries.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::input::image {

namespace {

constexpr std::string_view k_api_version = "/v1.41";
constexpr size_t k_max_small_body = 16U << 20U;
constexpr size_t k_stream_buffer = 4U << 20U;

void init_curl() {
    static std::once_flag once;
    std::call_once(once, [] { lib::curl().global_init(CURL_GLOBAL_DEFAULT); });
}

CURL* new_handle(const EngineEndpoint& endpoint, const std::string& path) {
    init_curl();
    CURL* c = lib::curl().easy_init();
    if (c == nullptr) {
        return nullptr;
    }
    std::string url = endpoint.base_url + path;
    lib::curl().easy_setopt(c, CURLOPT_URL, url.c_str());
    if (!endpoint.socket.empty()) {
        lib::curl().easy_setopt(c, CURLOPT_UNIX_SOCKET_PATH, endpoint.socket.c_str());
    }
    lib::curl().easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    lib::curl().easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 10L);
    lib::curl().easy_setopt(c, CURLOPT_USERAGENT, "bulwark");
    if (endpoint.tls) {
        // --tls alone encrypts without checking who answers (docker's semantics); --tlsverify trusts
        // the given CA only, not the system store.
        lib::curl().easy_setopt(c, CURLOPT_SSL_VERIFYPEER, endpoint.verify ? 1L : 0L);
        lib::curl().easy_setopt(c, CURLOPT_SSL_VERIFYHOST, endpoint.verify ? 2L : 0L);
        if (endpoint.verify) {
            lib::curl().easy_setopt(c, CURLOPT_CAINFO, endpoint.ca_cert.c_str());
            lib::curl().easy_setopt(c, CURLOPT_CAPATH, nullptr);
        }
        if (!endpoint.cert.empty()) {
            lib::curl().easy_setopt(c, CURLOPT_SSLCERT, endpoint.cert.c_str());
            lib::curl().easy_setopt(c, CURLOPT_SSLKEY, endpoint.key.c_str());
        }
    }
    return c;
}

bool is_tls_error(CURLcode r) {
    switch (r) {
        case CURLE_SSL_CONNECT_ERROR:
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_CERTPROBLEM:
        case CURLE_SSL_CIPHER:
        case CURLE_SSL_CACERT_BADFILE:
        case CURLE_SSL_ENGINE_NOTFOUND:
        case CURLE_SSL_ENGINE_SETFAILED:
        case CURLE_SSL_ENGINE_INITFAILED:
        case CURLE_SSL_CRL_BADFILE:
        case CURLE_SSL_ISSUER_ERROR:
        case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
        case CURLE_SSL_INVALIDCERTSTATUS:
        case CURLE_SSL_CLIENTCERT:
            return true;
        default:
            return false;
    }
}

// libcurl's detailed message (`detail`, its error buffer) or its generic one, said to be a TLS
// failure when it is one (a wrong CA, a certificate the engine refuses, an engine without TLS).
std::string curl_error(bool tls, CURLcode r, const char* detail) {
    std::string what =
        detail != nullptr && *detail != '\0' ? std::string(util::trim(detail)) : lib::curl().easy_strerror(r);
    if (tls && (is_tls_error(r) || what.find("SSL") != std::string::npos)) {
        return fmt::format("{}{}", k_tls_failure, what);
    }
    return what;
}

struct SmallBody {
    std::string data;
    bool too_big = false;
};

size_t on_small(char* ptr, size_t size, size_t n, void* user) {
    auto* b = static_cast<SmallBody*>(user);
    size_t len = size * n;
    if (b->data.size() + len > k_max_small_body) {
        b->too_big = true;
        return 0;
    }
    b->data.append(ptr, len);
    return len;
}

std::string env_or(const EnvLookup& env, const std::string& name, const std::string& fallback) {
    std::optional<std::string> v = env(name);
    return v && !v->empty() ? *v : fallback;
}

bool env_set(const EnvLookup& env, const std::string& name) {
    std::optional<std::string> v = env(name);
    return v && !v->empty();  // as the docker CLI: any non-empty value, even "0"
}

// "host[:port][/path]" of a tcp:// or https:// host as "host:port[/path]", the port defaulted; empty
// with `error` set when the port is not a number.
std::string authority_with_port(std::string rest, int default_port, std::string& error) {
    while (!rest.empty() && rest.back() == '/') {
        rest.pop_back();
    }
    size_t slash = rest.find('/');
    std::string path = slash == std::string::npos ? "" : rest.substr(slash);
    std::string authority = rest.substr(0, slash);
    size_t bracket = authority.rfind(']');
    size_t colon = authority.rfind(':');
    std::string name = authority;
    std::string port;
    if (colon != std::string::npos && (bracket == std::string::npos || colon > bracket)) {
        name = authority.substr(0, colon);
        port = authority.substr(colon + 1);
    }
    if (name.empty()) {
        name = "localhost";
    }
    if (port.empty()) {
        port = std::to_string(default_port);
    } else if (port.size() > 5 ||
               !std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
               std::stoi(port) > 65535) {
        error = fmt::format("invalid port '{}'", port);
        return {};
    }
    return name + ":" + port + path;
}

// The PEM file at `path`, checked readable; `error` names the file and what it is for.
bool readable(const std::string& path, std::string_view what, std::string_view flag, std::string& error) {
    std::ifstream f(path, std::ios::binary);
    if (!f) {
        error = fmt::format(
            "cannot read the TLS {} '{}': {} (set {}, or DOCKER_CERT_PATH to the directory "
            "holding ca.pem, cert.pem and key.pem)",
            what, path, std::strerror(errno), flag);
        return false;
    }
    return true;
}

std::string in_dir(const std::string& dir, const char* name) {
    return dir.empty() || dir.back() == '/' ? dir + name : dir + "/" + name;
}

// Fills the TLS part of `e` (a TCP endpoint with TLS on): the CA when verifying, the client pair.
void resolve_tls_files(const EngineTlsOptions& tls, const EnvLookup& env, EngineEndpoint& e) {
    std::string dir = env_or(env, "DOCKER_CERT_PATH", "");
    if (dir.empty()) {
        dir = env_or(env, "DOCKER_CONFIG", "");
    }
    if (dir.empty()) {
        dir = in_dir(env_or(env, "HOME", ""), ".docker");
    }
    if (e.verify) {
        e.ca_cert = tls.ca_cert.empty() ? in_dir(dir, "ca.pem") : tls.ca_cert;
        if (!readable(e.ca_cert, "CA certificate", "--tlscacert", e.error)) {
            return;
        }
    }
    // As the docker CLI: the default client pair is used when its file exists, a given one must.
    auto pick = [&](const std::string& given, const char* name, std::string_view what, std::string_view flag,
                    std::string& into) {
        std::error_code ec;
        std::string path = given.empty() ? in_dir(dir, name) : given;
        if (given.empty() && !std::filesystem::exists(path, ec)) {
            return true;
        }
        into = path;
        return readable(path, what, flag, e.error);
    };
    if (!pick(tls.cert, "cert.pem", "client certificate", "--tlscert", e.cert) ||
        !pick(tls.key, "key.pem", "client key", "--tlskey", e.key)) {
        return;
    }
    if (e.cert.empty() != e.key.empty()) {
        e.error = e.cert.empty()
                      ? fmt::format("the TLS client key '{}' has no certificate (set --tlscert)", e.key)
                      : fmt::format("the TLS client certificate '{}' has no key (set --tlskey)", e.cert);
    }
}

}  // namespace

EngineEndpoint resolve_endpoint(const EngineOptions& options) {
    return resolve_endpoint(options, [](const std::string& name) -> std::optional<std::string> {
        const char* v = std::getenv(name.c_str());  // NOLINT(concurrency-mt-unsafe): nothing sets it
        return v == nullptr ? std::nullopt : std::optional<std::string>(v);
    });
}

EngineEndpoint resolve_endpoint(const EngineOptions& options, const EnvLookup& env) {
    EngineEndpoint e;
    e.verify = options.tls.verify || env_set(env, "DOCKER_TLS_VERIFY");
    bool tls = e.verify || options.tls.tls || env_set(env, "DOCKER_TLS");
    e.host = options.host;
    if (e.host.empty()) {
        e.host = env_or(env, "DOCKER_HOST", tls ? "tcp://localhost:2376" : "unix:///var/run/docker.sock");
    }
    if (util::starts_with(e.host, "unix://")) {
        // A local socket: TLS settings (often exported for a remote engine) do not apply.
        e.verify = false;
        e.socket = e.host.substr(7);
        e.base_url = fmt::format("http://localhost{}", k_api_version);
        return e;
    }
    bool https = util::starts_with(e.host, "https://");
    if (util::starts_with(e.host, "http://") && tls) {
        e.error = fmt::format(
            "Docker host '{}' is plain HTTP, but TLS was asked for (--tls, --tlsverify, "
            "DOCKER_TLS or DOCKER_TLS_VERIFY); use tcp://host:port",
            e.host);
        return e;
    }
    if (!https && !util::starts_with(e.host, "tcp://") && !util::starts_with(e.host, "http://")) {
        e.error = fmt::format("unsupported Docker host '{}' (use unix:///path or tcp://host:port)", e.host);
        return e;
    }
    e.tls = tls || https;
    std::string port_error;
    std::string rest =
        authority_with_port(e.host.substr(e.host.find("://") + 3), e.tls ? 2376 : 2375, port_error);
    if (!port_error.empty()) {
        e.error = fmt::format("Docker host '{}': {}", e.host, port_error);
        return e;
    }
    e.base_url = fmt::format("{}://{}{}", e.tls ? "https" : "http", rest, k_api_version);
    if (e.tls) {
        resolve_tls_files(options.tls, env, e);
    }
    return e;
}

std::string url_escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) != 0 || c == '-' || c == '.' || c == '_' || c == '~' || c == ':' || c == '@' ||
            c == '/') {
            out += c;
        } else {
            out += fmt::format("%{:02X}", u);
        }
    }
    return out;
}

bool engine_get(const EngineEndpoint& endpoint, const std::string& path, std::string& body, long& status,
                std::string& error) {
    CURL* c = new_handle(endpoint, path);
    if (c == nullptr) {
        error = "cannot initialise libcurl";
        return false;
    }
    SmallBody b;
    std::array<char, CURL_ERROR_SIZE> detail{};
    lib::curl().easy_setopt(c, CURLOPT_ERRORBUFFER, detail.data());
    lib::curl().easy_setopt(c, CURLOPT_WRITEFUNCTION, on_small);
    lib::curl().easy_setopt(c, CURLOPT_WRITEDATA, &b);
    lib::curl().easy_setopt(c, CURLOPT_TIMEOUT, 60L);
    CURLcode r = lib::curl().easy_perform(c);
    lib::curl().easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    lib::curl().easy_cleanup(c);
    if (b.too_big) {
        error = "the engine's answer is larger than 16 MB";
        return false;
    }
    if (r != CURLE_OK) {
        error = curl_error(endpoint.tls, r, detail.data());
        return false;
    }
    body = std::move(b.data);
    return true;
}

std::string engine_error_message(const std::string& body) {
    try {
        nlohmann::json j = nlohmann::json::parse(body);
        if (j.is_object() && j.contains("message") && j["message"].is_string()) {
            return j["message"].get<std::string>();
        }
    } catch (const std::exception&) {
    }
    return std::string(util::trim(body.substr(0, 200)));
}

struct EngineStream::Impl {
    CURL* easy = nullptr;
    CURLM* multi = nullptr;
    std::string buffer;
    size_t pos = 0;
    bool paused = false;
    bool done = false;
    CURLcode result = CURLE_OK;
    long status = 0;
    std::string error_body;
    std::string setup_error;
    bool tls = false;
    std::array<char, CURL_ERROR_SIZE> detail{};

    static size_t on_data(char* ptr, size_t size, size_t n, void* user) {
        auto* s = static_cast<Impl*>(user);
        size_t len = size * n;
        if (s->status == 0) {
            lib::curl().easy_getinfo(s->easy, CURLINFO_RESPONSE_CODE, &s->status);
        }
        if (s->status >= 400) {
            s->error_body.append(
                ptr, std::min(len, size_t{65536} - std::min(size_t{65536}, s->error_body.size())));
            return len;
        }
        if (s->buffer.size() - s->pos >= k_stream_buffer) {
            s->paused = true;
            return CURL_WRITEFUNC_PAUSE;
        }
        if (s->pos > 0 && s->pos == s->buffer.size()) {
            s->buffer.clear();
            s->pos = 0;
        }
        s->buffer.append(ptr, len);
        return len;
    }
};

EngineStream::EngineStream(const EngineEndpoint& endpoint, const std::string& path)
    : m_impl(std::make_unique<Impl>()) {
    m_impl->easy = new_handle(endpoint, path);
    m_impl->multi = lib::curl().multi_init();
    if (m_impl->easy == nullptr || m_impl->multi == nullptr) {
        m_impl->setup_error = "cannot initialise libcurl";
        return;
    }
    m_impl->tls = endpoint.tls;
    lib::curl().easy_setopt(m_impl->easy, CURLOPT_ERRORBUFFER, m_impl->detail.data());
    lib::curl().easy_setopt(m_impl->easy, CURLOPT_WRITEFUNCTION, Impl::on_data);
    lib::curl().easy_setopt(m_impl->easy, CURLOPT_WRITEDATA, m_impl.get());
    lib::curl().multi_add_handle(m_impl->multi, m_impl->easy);
}

EngineStream::~EngineStream() {
    if (m_impl->multi != nullptr && m_impl->easy != nullptr) {
        lib::curl().multi_remove_handle(m_impl->multi, m_impl->easy);
    }
    if (m_impl->easy != nullptr) {
        lib::curl().easy_cleanup(m_impl->easy);
    }
    if (m_impl->multi != nullptr) {
        lib::curl().multi_cleanup(m_impl->multi);
    }
}

std::ptrdiff_t EngineStream::read(char* buf, size_t size, std::string& error) {
    Impl& s = *m_impl;
    if (!s.setup_error.empty()) {
        error = s.setup_error;
        return -1;
    }
    for (;;) {
        if (s.pos < s.buffer.size()) {
            size_t n = std::min(size, s.buffer.size() - s.pos);
            std::memcpy(buf, s.buffer.data() + s.pos, n);
            s.pos += n;
            return static_cast<std::ptrdiff_t>(n);
        }
        if (s.done) {
            if (s.result != CURLE_OK) {
                error =
                    fmt::format("reading from the engine: {}", curl_error(s.tls, s.result, s.detail.data()));
                return -1;
            }
            if (s.status >= 400) {
                error =
                    fmt::format("the engine answered {}: {}", s.status, engine_error_message(s.error_body));
                return -1;
            }
            return 0;
        }
        if (s.paused) {
            s.paused = false;
            lib::curl().easy_pause(s.easy, CURLPAUSE_CONT);
            continue;
        }
        int running = 0;
        CURLMcode mc = lib::curl().multi_perform(s.multi, &running);
        if (mc != CURLM_OK) {
            error = fmt::format("reading from the engine: {}", lib::curl().multi_strerror(mc));
            return -1;
        }
        if (running == 0) {
            int left = 0;
            while (CURLMsg* msg = lib::curl().multi_info_read(s.multi, &left)) {
                if (msg->msg == CURLMSG_DONE) {
                    s.result = msg->data.result;
                }
            }
            if (s.status == 0) {
                lib::curl().easy_getinfo(s.easy, CURLINFO_RESPONSE_CODE, &s.status);
            }
            s.done = true;
            continue;
        }
        if (s.pos >= s.buffer.size()) {
            lib::curl().multi_poll(s.multi, nullptr, 0, 1000, nullptr);
        }
    }
}

}  // namespace bulwark::input::image
