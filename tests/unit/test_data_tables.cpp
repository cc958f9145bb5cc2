// Knowledge tables: default users of base images, smaller variants, end-of-life dates.
#include <gtest/gtest.h>

#include <set>
#include <span>

#include "bulwark/data/base_images.hpp"
#include "bulwark/data/eol.hpp"
#include "bulwark/data/eol_tables.hpp"

using namespace bulwark;

namespace {

model::ImageRef ref(std::string_view text) {
    std::optional<model::ImageRef> r = model::parse_image_ref(text);
    EXPECT_TRUE(r.has_value()) << text;
    return r.value_or(model::ImageRef{});
}

std::string user_of(std::string_view image) {
    std::optional<data::DefaultUser> u = data::default_user(ref(image));
    return u ? std::string(u->name) : std::string("<none>");
}

std::string smaller(std::string_view image) {
    std::optional<data::SmallerVariant> v = data::smaller_variant(ref(image));
    return v ? v->suggestion : std::string("<none>");
}

std::string eol_of(std::string_view image) {
    std::optional<data::EolInfo> e = data::lookup_eol(ref(image));
    return e ? e->product + " " + e->cycle + " " + e->eol : std::string("<none>");
}

constexpr std::string_view k_today = "2026-11-23";

}  // namespace

TEST(DataBaseImages, DistrolessNonrootTags) {
    std::optional<data::DefaultUser> u = data::default_user(ref("gcr.io/distroless/static:nonroot"));
    ASSERT_TRUE(u);
    EXPECT_EQ(u->name, "nonroot");
    EXPECT_EQ(u->uid, 65532);
    EXPECT_FALSE(u->is_root);
    EXPECT_EQ(user_of("gcr.io/distroless/base-debian12:debug-nonroot"), "nonroot");
    EXPECT_EQ(user_of("gcr.io/distroless/java21-debian12:latest-nonroot"), "nonroot");
    std::optional<data::DefaultUser> root = data::default_user(ref("gcr.io/distroless/static-debian12"));
    ASSERT_TRUE(root);
    EXPECT_TRUE(root->is_root);
}

TEST(DataBaseImages, VendorImagesThatRunAsNonRoot) {
    EXPECT_EQ(user_of("cgr.dev/chainguard/python:latest"), "nonroot");
    EXPECT_EQ(user_of("cgr.dev/chainguard/python:latest-dev"), "nonroot");
    EXPECT_EQ(user_of("cgr.dev/chainguard/wolfi-base"), "root");
    EXPECT_EQ(user_of("mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled"), "app");
    EXPECT_EQ(user_of("mcr.microsoft.com/dotnet/runtime-deps:9.0-noble-chiseled-extra"), "app");
    EXPECT_EQ(user_of("mcr.microsoft.com/dotnet/aspnet:10.0-azurelinux3.0-distroless"), "app");
    EXPECT_EQ(user_of("mcr.microsoft.com/dotnet/runtime-deps:9.0-azurelinux3.0-distroless-extra"), "app");
    EXPECT_EQ(user_of("mcr.microsoft.com/dotnet/aspnet:8.0"), "<none>");
    EXPECT_EQ(user_of("mcr.microsoft.com/dotnet/aspnet:8.0-azurelinux3.0"), "<none>");
    EXPECT_EQ(user_of("bitnami/redis:7.2"), "1001");
    EXPECT_EQ(user_of("docker.io/bitnami/postgresql"), "1001");
    EXPECT_EQ(user_of("bitnami/minideb:bookworm"), "root");
    EXPECT_EQ(user_of("nginxinc/nginx-unprivileged:1.25-alpine"), "101");
    EXPECT_EQ(user_of("jenkins/jenkins:lts-jdk17"), "jenkins");
    EXPECT_EQ(user_of("python:3.12"), "<none>");
    EXPECT_EQ(user_of("registry.access.redhat.com/ubi9/python-311"), "1001");
}

TEST(DataBaseImages, WindowsAccounts) {
    std::optional<data::DefaultUser> nano =
        data::default_user(ref("mcr.microsoft.com/windows/nanoserver:ltsc2022"));
    ASSERT_TRUE(nano);
    EXPECT_EQ(nano->name, "ContainerUser");
    EXPECT_FALSE(nano->is_root);
    std::optional<data::DefaultUser> core =
        data::default_user(ref("mcr.microsoft.com/dotnet/framework/sdk:4.8-windowsservercore-ltsc2022"));
    ASSERT_TRUE(core);
    EXPECT_TRUE(core->is_root);
    EXPECT_TRUE(data::is_windows_image("mcr.microsoft.com/windows/servercore:ltsc2019"));
    EXPECT_TRUE(data::is_windows_image("mcr.microsoft.com/powershell:lts-nanoserver-1809"));
    EXPECT_TRUE(data::is_windows_image("mcr.microsoft.com/dotnet/framework/aspnet:4.8"));
    EXPECT_FALSE(data::is_windows_image("mcr.microsoft.com/dotnet/aspnet:8.0"));
    EXPECT_FALSE(data::is_windows_image("alpine:3.19"));
}

TEST(DataBaseImages, RegistryAndRepositoryQuickRejectKeepsFirstMatchOrder) {
    // default_user skips entries whose written "registry/x" start differs from the image's; these
    // sit on each side of that test: case folding, same registry other repository, a registry that
    // extends a table one, and the '*'-led Windows entries that every image is matched against.
    EXPECT_EQ(user_of("GCR.IO/Distroless/static:nonroot"), "nonroot");
    EXPECT_EQ(user_of("gcr.io/distroless/static:latest-nonroot"), "nonroot");
    EXPECT_EQ(user_of("gcr.io/other/static:nonroot"), "<none>");
    EXPECT_EQ(user_of("gcr.io.example.com/distroless/static:nonroot"), "<none>");
    EXPECT_EQ(user_of("cgr.dev/chainguard/wolfi-base"), "root");
    EXPECT_EQ(user_of("cgr.dev/chainguard/nginx"), "nonroot");
    EXPECT_EQ(user_of("bitnami/minideb"), "root");
    EXPECT_EQ(user_of("bitnamilegacy/redis"), "1001");
    EXPECT_EQ(user_of("selenium/standalone-chrome"), "seluser");
    EXPECT_EQ(user_of("sonarqube:10"), "sonarqube");
    EXPECT_EQ(user_of("library/kibana"), "kibana");
    EXPECT_EQ(user_of("quay.io/jupyter/base-notebook"), "jovyan");
    EXPECT_EQ(user_of("registry.redhat.io/ubi8/openjdk-17"), "185");
    EXPECT_EQ(user_of("localhost:5000/team/nanoserver-app"), "ContainerUser");
    EXPECT_EQ(user_of("example.com/app:ltsc2022-servercore"), "ContainerAdministrator");
    EXPECT_EQ(user_of("docker.io/bitnami/nanoserver"), "1001");  // the earlier entry wins
    EXPECT_EQ(user_of("jenkins/other"), "<none>");
}

TEST(DataBaseImages, SmallerVariants) {
    EXPECT_EQ(smaller("python:3.12"), "python:3.12-slim");
    EXPECT_EQ(smaller("python:3.12-bookworm"), "python:3.12-slim-bookworm");
    EXPECT_EQ(smaller("python"), "python:slim");
    EXPECT_EQ(smaller("python:latest"), "python:slim");
    EXPECT_EQ(smaller("python:3.12-slim"), "<none>");
    EXPECT_EQ(smaller("python:3.12-alpine3.19"), "<none>");
    EXPECT_EQ(smaller("python:3.12-windowsservercore-ltsc2022"), "<none>");
    EXPECT_EQ(smaller("node:20-bookworm"), "node:20-bookworm-slim");
    EXPECT_EQ(smaller("node:20"), "node:20-slim");
    EXPECT_EQ(smaller("node:20-alpine"), "<none>");
    EXPECT_EQ(smaller("debian:bookworm"), "debian:bookworm-slim");
    EXPECT_EQ(smaller("debian"), "debian:stable-slim");
    EXPECT_EQ(smaller("debian:bookworm-slim"), "<none>");
    EXPECT_EQ(smaller("golang:1.22"), "golang:1.22-alpine");
    EXPECT_EQ(smaller("golang:1.22-bookworm"), "golang:1.22-alpine");
    EXPECT_EQ(smaller("eclipse-temurin:21"), "eclipse-temurin:21-jre");
    EXPECT_EQ(smaller("eclipse-temurin:21-jdk-jammy"), "eclipse-temurin:21-jre-jammy");
    EXPECT_EQ(smaller("eclipse-temurin:21-jre"), "<none>");
    EXPECT_EQ(smaller("openjdk:17"), "eclipse-temurin:17-jre");
    EXPECT_EQ(smaller("openjdk:8u342-jdk"), "eclipse-temurin:8-jre");
    EXPECT_EQ(smaller("php:8.3-fpm"), "php:8.3-fpm-alpine");
    EXPECT_EQ(smaller("php:8.3"), "php:8.3-alpine");
    EXPECT_EQ(smaller("php:8.3-apache"), "<none>");
    EXPECT_EQ(smaller("ruby:3.3"), "ruby:3.3-slim");
    EXPECT_EQ(smaller("rust:1.75"), "rust:1.75-slim");
    EXPECT_EQ(smaller("perl:5.38"), "perl:5.38-slim");
    EXPECT_EQ(smaller("ubuntu:22.04"), "<none>");
    EXPECT_EQ(smaller("myorg/python:3.12"), "<none>");
    EXPECT_EQ(smaller("ghcr.io/library/python:3.12"), "<none>");
    std::optional<data::SmallerVariant> v = data::smaller_variant(ref("golang:1.22"));
    ASSERT_TRUE(v);
    EXPECT_EQ(v->kind, "alpine");
}

TEST(DataBaseImages, ShIsBusyboxAsh) {
    for (std::string_view image : {"alpine:3.20", "alpine", "busybox:1.36", "python:3.12-alpine3.20",
                                   "node:20-alpine", "golang:1.22-Alpine", "ghcr.io/org/alpine:edge"}) {
        EXPECT_TRUE(data::sh_is_busybox_ash(ref(image))) << image;
    }
    for (std::string_view image : {"debian:12-slim", "ubuntu:24.04", "python:3.12", "alpine/git:2.45",
                                   "myorg/alpinetools:1", "cgr.dev/chainguard/wolfi-base"}) {
        EXPECT_FALSE(data::sh_is_busybox_ash(ref(image))) << image;
    }
}

TEST(DataEol, LanguageImageTags) {
    EXPECT_EQ(eol_of("python:3.7-slim-buster"), "python 3.7 2023-06-27");
    EXPECT_EQ(eol_of("python:3.7.17"), "python 3.7 2023-06-27");
    EXPECT_EQ(eol_of("python:3.10-alpine"), "python 3.10 2026-10-31");
    EXPECT_EQ(eol_of("python:2"), "python 2.7 2020-01-01");
    EXPECT_EQ(eol_of("node:16-alpine"), "node 16 2023-09-11");
    EXPECT_EQ(eol_of("node:16.20.2-bullseye-slim"), "node 16 2023-09-11");
    EXPECT_EQ(eol_of("node:gallium-alpine"), "node 16 2023-09-11");
    EXPECT_EQ(eol_of("node:0.10"), "node 0.10 2016-10-31");
    EXPECT_EQ(eol_of("golang:1.16-alpine3.13"), "golang 1.16 2022-03-15");
    EXPECT_EQ(eol_of("php:7.4-fpm"), "php 7.4 2022-11-28");
    EXPECT_EQ(eol_of("php:7-apache"), "php 7.4 2022-11-28");
    EXPECT_EQ(eol_of("ruby:2.7.8-slim"), "ruby 2.7 2023-03-31");
    EXPECT_EQ(eol_of("openjdk:8-jdk-alpine"), "openjdk 8 2022-08-03");
    EXPECT_EQ(eol_of("eclipse-temurin:19-jdk"), "eclipse-temurin 19 2023-03-21");
    EXPECT_EQ(eol_of("postgres:9.6-alpine"), "postgres 9.6 2021-11-11");
    EXPECT_EQ(eol_of("postgres:12.3"), "postgres 12 2024-11-21");
    EXPECT_EQ(eol_of("mysql:5.7.42"), "mysql 5.7 2023-10-31");
    EXPECT_EQ(eol_of("mcr.microsoft.com/dotnet/aspnet:6.0"), "dotnet 6.0 2024-11-12");
    EXPECT_EQ(eol_of("public.ecr.aws/docker/library/python:3.8"), "python 3.8 2024-10-07");
}

TEST(DataEol, DistributionTags) {
    EXPECT_EQ(eol_of("debian:buster-slim"), "debian 10 2024-06-30");
    EXPECT_EQ(eol_of("debian:10"), "debian 10 2024-06-30");
    EXPECT_EQ(eol_of("debian:10.13-slim"), "debian 10 2024-06-30");
    EXPECT_EQ(eol_of("debian:jessie-20210326"), "debian 8 2020-06-30");
    EXPECT_EQ(eol_of("ubuntu:18.04"), "ubuntu 18.04 2023-05-31");
    EXPECT_EQ(eol_of("ubuntu:bionic-20230530"), "ubuntu 18.04 2023-05-31");
    EXPECT_EQ(eol_of("ubuntu:jammy"), "ubuntu 22.04 2027-04-01");
    EXPECT_EQ(eol_of("alpine:3.12"), "alpine 3.12 2022-05-01");
    EXPECT_EQ(eol_of("alpine:3.12.4"), "alpine 3.12 2022-05-01");
    EXPECT_EQ(eol_of("centos:7"), "centos 7 2024-06-30");
    EXPECT_EQ(eol_of("centos:centos7"), "centos 7 2024-06-30");
    EXPECT_EQ(eol_of("centos:7.9.2009"), "centos 7 2024-06-30");
    EXPECT_EQ(eol_of("centos:8"), "centos 8 2021-12-31");
    EXPECT_EQ(eol_of("quay.io/centos/centos:stream8"), "centos stream8 2024-05-31");
    EXPECT_EQ(eol_of("fedora:38"), "fedora 38 2024-05-21");
    EXPECT_EQ(eol_of("amazonlinux:2"), "amazonlinux 2 2026-06-30");
}

TEST(DataEol, FloatingTagsHaveNoEol) {
    EXPECT_EQ(eol_of("python"), "<none>");
    EXPECT_EQ(eol_of("python:latest"), "<none>");
    EXPECT_EQ(eol_of("python:3"), "<none>");
    EXPECT_EQ(eol_of("python:3-slim"), "<none>");
    EXPECT_EQ(eol_of("node:lts-alpine"), "<none>");
    EXPECT_EQ(eol_of("debian:stable-slim"), "<none>");
    EXPECT_EQ(eol_of("alpine:edge"), "<none>");
    EXPECT_EQ(eol_of("golang:1"), "<none>");
    EXPECT_EQ(eol_of("python@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"),
              "<none>");
    EXPECT_EQ(eol_of("myorg/app:1.2.3"), "<none>");
}

TEST(DataEol, DistributionNamedInAnotherImagesTag) {
    std::vector<data::EolInfo> all = data::lookup_eol_all(ref("python:3.12-slim-buster"));
    ASSERT_EQ(all.size(), 2U);
    EXPECT_EQ(all[0].product, "debian");  // buster (2024) ends before Python 3.12 (2028)
    EXPECT_EQ(all[0].name, "Debian 10 (buster)");
    EXPECT_EQ(all[0].suggestion, "python:3.12-slim-trixie");
    EXPECT_EQ(all[1].product, "python");

    std::optional<data::EolInfo> app = data::lookup_eol(ref("myorg/app:1.0-buster"));
    ASSERT_TRUE(app);
    EXPECT_EQ(app->cycle, "10");
    // What the other words of a third-party tag mean is its publisher's choice: no tag is guessed.
    EXPECT_EQ(app->suggestion, "");
    EXPECT_EQ(app->advice, "a tag of myorg/app built on a supported Debian release, such as 13 (trixie)");
    EXPECT_FALSE(app->image_product);

    EXPECT_EQ(eol_of("eclipse-temurin:11.0.20_8-jdk-focal"), "ubuntu 20.04 2025-05-31");
    EXPECT_EQ(eol_of("node:20-alpine3.17"), "alpine 3.17 2024-11-22");
    EXPECT_EQ(eol_of("mcr.microsoft.com/dotnet/aspnet:8.0-bullseye-slim"), "debian 11 2026-08-31");
}

TEST(DataEol, ArchitectureNamespaces) {
    // arm32v7/debian is debian's arm32v7 build: the same tags, so the same cycles.
    EXPECT_EQ(eol_of("arm32v7/debian:10"), "debian 10 2024-06-30");
    EXPECT_EQ(eol_of("docker.io/arm64v8/ubuntu:bionic"), "ubuntu 18.04 2023-05-31");
    EXPECT_EQ(eol_of("i386/alpine:3.12.4"), "alpine 3.12 2022-05-01");
    std::optional<data::EolInfo> armv7 = data::lookup_eol(ref("arm32v7/debian:stretch-slim"));
    ASSERT_TRUE(armv7);
    EXPECT_TRUE(armv7->image_product);
    EXPECT_EQ(armv7->suggestion, "arm32v7/debian:trixie-slim");
    // armhf/ is arm32v7/'s deprecated name: read the same, and the replacement names arm32v7/.
    EXPECT_EQ(eol_of("armhf/debian:10"), "debian 10 2024-06-30");
    std::optional<data::EolInfo> armhf = data::lookup_eol(ref("armhf/alpine:3.5"));
    ASSERT_TRUE(armhf);
    EXPECT_EQ(armhf->suggestion, "arm32v7/alpine:3.23");
    // armel/ and aarch64/ are arm32v5/'s and arm64v8/'s deprecated names.
    EXPECT_EQ(eol_of("armel/debian:jessie"), "debian 8 2020-06-30");
    EXPECT_EQ(data::lookup_eol(ref("armel/debian:jessie"))->suggestion, "arm32v5/debian:trixie");
    EXPECT_EQ(data::lookup_eol(ref("aarch64/ubuntu:xenial"))->suggestion, "arm64v8/ubuntu:24.04");
    // Runtimes in a namespace: the library image's cycles, its replacement in the namespace where
    // the build tables list the release for the architecture.
    EXPECT_EQ(eol_of("arm32v7/python:3.7"), "python 3.7 2023-06-27");
    EXPECT_EQ(eol_of("arm64v8/node:14-alpine"), "node 14 2023-04-30");
    std::optional<data::EolInfo> runtime = data::lookup_eol(ref("amd64/openjdk:8-jre"));
    ASSERT_TRUE(runtime);
    EXPECT_EQ(runtime->suggestion, "amd64/eclipse-temurin:8-jre");
    EXPECT_EQ(runtime->advice, "");
    std::optional<data::EolInfo> unbuilt = data::lookup_eol(ref("arm32v7/openjdk:8-jre"));
    ASSERT_TRUE(unbuilt);
    EXPECT_EQ(unbuilt->suggestion, "");
    EXPECT_EQ(unbuilt->advice,
              "a supported image built for arm32v7: eclipse-temurin:8-jre, the replacement on other "
              "platforms, is built for amd64, arm64v8, ppc64le only");
    EXPECT_EQ(data::lookup_eol(ref("winamd64/golang:1.20-nanoserver"))->suggestion,
              "winamd64/golang:1.27-nanoserver");
    // Not a namespace Docker Hub builds for: not read.
    EXPECT_EQ(eol_of("myarch/debian:10"), "<none>");
    EXPECT_EQ(eol_of("myorg/arm32v7/debian:10"), "<none>");
}

TEST(DataEol, Suggestions) {
    std::optional<data::EolInfo> py = data::lookup_eol(ref("python:3.7-slim-buster"));
    ASSERT_TRUE(py);
    EXPECT_EQ(py->name, "Python 3.7");
    EXPECT_EQ(py->suggestion, "python:3.13-slim");
    EXPECT_EQ(data::lookup_eol(ref("debian:buster-slim"))->suggestion, "debian:trixie-slim");
    EXPECT_EQ(data::lookup_eol(ref("ubuntu:18.04"))->suggestion, "ubuntu:24.04");
    EXPECT_EQ(data::lookup_eol(ref("php:7.4-fpm-alpine"))->suggestion, "php:8.4-fpm-alpine");
    EXPECT_EQ(data::lookup_eol(ref("node:14-bullseye-slim"))->suggestion, "node:24-slim");
    EXPECT_EQ(data::lookup_eol(ref("openjdk:11-jre-slim"))->suggestion, "eclipse-temurin:11-jre");
    EXPECT_EQ(data::lookup_eol(ref("centos:7"))->suggestion, "quay.io/centos/centos:stream9");
    EXPECT_EQ(data::lookup_eol(ref("mcr.microsoft.com/dotnet/sdk:6.0-alpine"))->suggestion,
              "mcr.microsoft.com/dotnet/sdk:10.0-alpine");
}

namespace {

/// The suggestion (or, when none, the advice) of the entry BD015 names on k_today: the image's own
/// product when it ended, else the earliest ended.
std::string replacement(std::string_view image) {
    std::vector<data::EolInfo> all = data::lookup_eol_all(ref(image));
    std::erase_if(all, [](const data::EolInfo& e) { return !data::eol_reached(e, k_today); });
    for (const data::EolInfo& e : all) {
        if (e.image_product) {
            return e.suggestion.empty() ? "words: " + e.advice : e.suggestion;
        }
    }
    return all.empty() ? std::string("<none>")
                       : (all[0].suggestion.empty() ? "words: " + all[0].advice : all[0].suggestion);
}

/// An image and what BD015 suggests for it on k_today ("words: ..." when it names no tag).
struct SuggestionCase {
    std::string_view image;
    std::string_view expected;
};

void expect_suggestions(std::span<const SuggestionCase> cases) {
    for (const SuggestionCase& c : cases) {
        EXPECT_EQ(replacement(c.image), c.expected) << c.image;
    }
}

}  // namespace

TEST(DataEol, DotnetSuggestionsKeepTheVariant) {
    static constexpr SuggestionCase k_cases[] = {
        {"mcr.microsoft.com/dotnet/runtime-deps:8.0.30-jammy-chiseled-extra-amd64",
         "mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled-extra"},
        {"mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled-composite",
         "mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled-composite"},
        {"mcr.microsoft.com/dotnet/aspnet:9.0-azurelinux3.0-distroless",
         "mcr.microsoft.com/dotnet/aspnet:10.0-azurelinux3.0-distroless"},
        {"mcr.microsoft.com/dotnet/aspnet:6.0-cbl-mariner2.0-distroless-extra",
         "mcr.microsoft.com/dotnet/aspnet:10.0-azurelinux3.0-distroless-extra"},
        {"mcr.microsoft.com/dotnet/runtime-deps:9.0.19-alpine3.23-extra-arm32v7",
         "mcr.microsoft.com/dotnet/runtime-deps:10.0-alpine-extra"},
        {"mcr.microsoft.com/dotnet/aspnet:8.0.30-nanoserver-1809",
         "mcr.microsoft.com/dotnet/aspnet:10.0-nanoserver-ltsc2022"},
        {"mcr.microsoft.com/dotnet/aspnet:9.0-nanoserver-ltsc2025",
         "mcr.microsoft.com/dotnet/aspnet:10.0-nanoserver-ltsc2025"},
        {"mcr.microsoft.com/dotnet/aspnet:8.0-windowsservercore-ltsc2019",
         "mcr.microsoft.com/dotnet/aspnet:10.0-windowsservercore-ltsc2022"},
        {"mcr.microsoft.com/dotnet/aspnet:8.0.30-jammy-arm64v8",
         "mcr.microsoft.com/dotnet/aspnet:10.0-noble"},
        {"mcr.microsoft.com/dotnet/sdk:8.0-jammy-aot", "mcr.microsoft.com/dotnet/sdk:10.0-noble-aot"},
        // .NET 10 has no Debian images: the default tag (Ubuntu) is the nearest.
        {"mcr.microsoft.com/dotnet/aspnet:8.0-bookworm-slim", "mcr.microsoft.com/dotnet/aspnet:10.0"},
        {"mcr.microsoft.com/dotnet/aspnet:8.0-bullseye-slim", "mcr.microsoft.com/dotnet/aspnet:10.0"},
        // The old repositories: dotnet/core/* and Docker Hub's microsoft/* hold no .NET 5+ images.
        {"mcr.microsoft.com/dotnet/core/runtime:3.1-alpine", "mcr.microsoft.com/dotnet/runtime:10.0-alpine"},
        {"microsoft/dotnet:2.2-aspnetcore-runtime-alpine", "mcr.microsoft.com/dotnet/aspnet:10.0-alpine"},
        {"microsoft/dotnet:2.1-runtime-deps", "mcr.microsoft.com/dotnet/runtime-deps:10.0"},
        {"microsoft/dotnet:2.1",
         "words: a supported .NET release of mcr.microsoft.com/dotnet/sdk, aspnet, runtime or runtime-deps"},
    };
    expect_suggestions(k_cases);
}

TEST(DataEol, JavaSuggestionsKeepTheRelease) {
    static constexpr SuggestionCase k_cases[] = {
        {"openjdk:8", "eclipse-temurin:8"},
        {"openjdk:8u342-jre-slim", "eclipse-temurin:8-jre"},
        {"openjdk:8-alpine", "eclipse-temurin:8-alpine"},
        {"openjdk:11-jdk-slim-buster", "eclipse-temurin:11-jdk"},
        {"openjdk:11-jre-alpine3.9", "eclipse-temurin:11-jre-alpine"},
        {"openjdk:17-jdk-windowsservercore-1809", "eclipse-temurin:17-jdk-windowsservercore"},
        {"openjdk:11-nanoserver", "eclipse-temurin:11-nanoserver"},
        // Releases without long-term builds move to the next long-term one.
        {"openjdk:7-jre", "eclipse-temurin:8-jre"},
        {"openjdk:13-alpine", "eclipse-temurin:17-alpine"},
        {"openjdk:22-jdk", "eclipse-temurin:25-jdk"},
        {"openjdk:26-ea-jdk", "words: a maintained build of Java 26 or later"},
        {"eclipse-temurin:19-jre-alpine", "eclipse-temurin:21-jre-alpine"},
        {"adoptopenjdk:11-jre-hotspot", "eclipse-temurin:11-jre"},
        {"adoptopenjdk:8-jdk-openj9", "ibm-semeru-runtimes:open-8-jdk"},
    };
    expect_suggestions(k_cases);
    // An ended Temurin release moves on (Temurin 11 has not ended on k_today).
    EXPECT_EQ(data::lookup_eol(ref("eclipse-temurin:11-jdk"))->suggestion, "eclipse-temurin:17-jdk");
}

TEST(DataEol, OfficialImageSuggestionsKeepTheVariant) {
    static constexpr SuggestionCase k_cases[] = {
        {"golang:1.20-windowsservercore-ltsc2022", "golang:1.27-windowsservercore"},
        {"golang:1.19-nanoserver-1809", "golang:1.27-nanoserver"},
        // Python publishes Windows images for its newest releases only.
        {"python:3.7-windowsservercore-1809", "words: a windowsservercore tag of a supported Python release"},
        {"php:7.4-zts-alpine3.12", "php:8.4-zts-alpine"},
        {"public.ecr.aws/docker/library/python:3.7-slim", "public.ecr.aws/docker/library/python:3.13-slim"},
        // A distribution swapped into a pinned patch release's tag: that tag never had the new one.
        {"python:3.12.1-slim-bullseye", "python:3.12-slim-trixie"},
        {"eclipse-temurin:17.0.8_7-jre-focal", "eclipse-temurin:17-jre-noble"},
        {"node:lts-buster-slim", "node:lts-trixie-slim"},
        {"golang:stretch", "golang:trixie"},
        // Both ended: the product's replacement moves the distribution too.
        {"python:3.9-slim-buster", "python:3.13-slim"},
        // Official images that name their Debian or Ubuntu release by codename.
        {"rust:1-bullseye", "rust:1-trixie"},
        {"rust:slim-buster", "rust:slim-trixie"},
        {"rust:1.70.0-buster", "rust:1.70-bookworm"},
        {"rust:1.88-slim-bullseye", "rust:1.88-slim-trixie"},
        {"rust:1.66-buster",
         "words: a newer Rust release: 1.66 was never built on a supported Debian release (1.67 and later "
         "have "
         "bookworm tags; rust:1-trixie follows the newest)"},
        {"rust:buster-slim", "words: a tag of rust built on a supported Debian release, such as 13 (trixie)"},
        {"buildpack-deps:buster-scm", "buildpack-deps:trixie-scm"},
        {"buildpack-deps:bionic", "buildpack-deps:noble"},
        {"buildpack-deps:buster-extra",
         "words: a tag of buildpack-deps built on a supported Debian release, such as 13 (trixie)"},
        // Architecture namespaces: where the release to move to is built for the architecture.
        {"arm64v8/ubuntu:18.04", "arm64v8/ubuntu:24.04"},
        {"i386/ubuntu:bionic",
         "words: an image of a supported Ubuntu release for another architecture: i386/ubuntu has no 24.04 "
         "(noble) image"},
        {"arm32v5/debian:buster", "arm32v5/debian:trixie"},
        {"ppc64le/buildpack-deps:focal-curl", "ppc64le/buildpack-deps:noble-curl"},
        {"i386/buildpack-deps:focal-curl",
         "words: a tag of i386/buildpack-deps built on a supported Ubuntu release, such as 24.04 (noble)"},
        {"riscv64/rust:1-bullseye", "riscv64/rust:1-trixie"},
        {"riscv64/rust:1.70-bullseye",
         "words: a supported image built for riscv64: rust:1.70-bookworm, the replacement on other "
         "platforms, "
         "is built for amd64, arm32v7, arm64v8, i386, ppc64le, s390x only"},
        // rust's Alpine tags: the recommended Alpine where the Rust release has tags on it.
        {"rust:alpine3.17", "rust:alpine3.23"},
        {"rust:1-alpine3.16", "rust:1-alpine3.23"},
        {"rust:1.92.1-alpine3.20", "rust:1.92-alpine3.23"},
        {"rust:1.70-alpine3.18",
         "words: a newer Rust release: 1.70 has no tag on a supported Alpine release newer than 3.18 (1.87 "
         "and "
         "later have alpine3.22 tags, 1.91 and later alpine3.23 ones; rust:1-alpine3.23 follows the newest)"},
        // A release older than the recommended Alpine's first build, on the newer one it has tags on.
        {"rust:1.88-alpine3.20", "rust:1.88-alpine3.22"},
        {"rust:1.90.0-alpine3.21", "rust:1.90-alpine3.22"},
        {"arm64v8/rust:1.88-alpine3.20", "arm64v8/rust:1.88-alpine3.22"},
        {"ppc64le/rust:1.88-alpine3.20",
         "words: a supported image built for ppc64le: rust:1.88-alpine3.22, the replacement on other "
         "platforms, is built for amd64, arm64v8 only"},
        {"ppc64le/rust:1-alpine3.18", "ppc64le/rust:1-alpine3.23"},
        {"arm32v7/rust:1-alpine3.18",
         "words: a supported image built for arm32v7: rust:1-alpine3.23, the replacement on other platforms, "
         "is built for amd64, arm64v8, ppc64le only"},
        {"rust:1-slim-alpine3.18", "words: a tag of rust built on a supported Alpine release, such as 3.23"},
        // Runtimes in a namespace: the library image's replacement there where the build tables list
        // the release and family for the architecture; words that say why where they do not.
        {"arm32v7/python:3.12-slim-buster", "arm32v7/python:3.12-slim-trixie"},
        {"arm32v7/python:3.7-alpine", "arm32v7/python:3.13-alpine"},
        {"i386/node:14",
         "words: a supported image built for i386: node:24, the replacement on other platforms, "
         "is built for amd64, arm64v8, ppc64le, s390x only"},
        {"arm32v7/php:7.4-fpm",
         "words: a supported release built for arm32v7 (on other platforms: php:8.4-fpm); "
         "which architectures php:8.4-fpm is built for is not in the tables"},
    };
    expect_suggestions(k_cases);
}

TEST(DataEol, OsRelease) {
    auto os = [](std::string_view id, std::string_view version) {
        std::optional<data::EolInfo> e = data::lookup_os_eol(id, version);
        return e ? e->product + " " + e->cycle + " " + e->eol : std::string("<none>");
    };
    EXPECT_EQ(os("debian", "10"), "debian 10 2024-06-30");
    EXPECT_EQ(os("debian", "\"12\""), "debian 12 2028-06-30");
    EXPECT_EQ(os("ubuntu", "20.04"), "ubuntu 20.04 2025-05-31");
    EXPECT_EQ(os("alpine", "3.18.4"), "alpine 3.18 2025-05-09");
    EXPECT_EQ(os("centos", "7"), "centos 7 2024-06-30");
    EXPECT_EQ(os("centos", "9"), "centos stream9 2027-05-31");
    EXPECT_EQ(os("fedora", "40"), "fedora 40 2025-05-13");
    EXPECT_EQ(os("amzn", "2"), "amazonlinux 2 2026-06-30");
    EXPECT_EQ(os("amzn", "2018.03"), "amazonlinux 1 2023-12-31");
    EXPECT_EQ(os("ubuntu", "22"), "<none>");
    EXPECT_EQ(os("arch", "rolling"), "<none>");
    EXPECT_EQ(data::lookup_os_eol("debian", "11")->suggestion, "debian:trixie");
}

TEST(DataEol, EolReached) {
    data::EolInfo past = *data::lookup_eol(ref("python:3.9"));
    data::EolInfo future = *data::lookup_eol(ref("python:3.12"));
    EXPECT_TRUE(data::eol_reached(past, k_today));
    EXPECT_FALSE(data::eol_reached(future, k_today));
    data::EolInfo same = past;
    same.eol = std::string(k_today);
    EXPECT_TRUE(data::eol_reached(same, k_today));
    EXPECT_FALSE(data::eol_reached(past, ""));
}

TEST(DataEol, TablesAreWellFormed) {
    for (std::span<const data::eol_tables::Product> table :
         {data::eol_tables::os_products(), data::eol_tables::runtime_products()}) {
        for (const data::eol_tables::Product& p : table) {
            std::set<std::string_view> cycles;
            for (const data::eol_tables::Cycle& c : p.cycles) {
                EXPECT_TRUE(cycles.insert(c.cycle).second) << p.id << " " << c.cycle;
                ASSERT_EQ(c.eol.size(), 10U) << p.id << " " << c.cycle;
                EXPECT_EQ(c.eol[4], '-');
                EXPECT_EQ(c.eol[7], '-');
                EXPECT_TRUE(c.eol >= "1996-01-01" && c.eol <= "2040-12-31") << p.id << " " << c.cycle;
            }
            // What we suggest must still be supported today (when the table dates it).
            const data::eol_tables::Cycle* rec = data::eol_tables::find_cycle(p, p.recommended);
            if (rec != nullptr && rec->cycle != "*") {
                EXPECT_GT(rec->eol, k_today) << p.id << " recommends " << p.recommended;
            }
            // The distributions read in architecture namespaces say where their recommended release
            // is built: without it, arm64v8/debian and buildpack-deps there get words only.
            if (p.id == "debian" || p.id == "ubuntu" || p.id == "alpine") {
                ASSERT_NE(rec, nullptr) << p.id;
                EXPECT_FALSE(rec->architectures.empty()) << p.id << " " << p.recommended;
            }
        }
    }
}
