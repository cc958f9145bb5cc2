// The JSON and SARIF renderers: exact output for a hand-built report, schema-relevant structure.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "test_render_fixture.hpp"

using namespace bulwark;
using test::render;
using Json = nlohmann::json;

namespace {

const char* const k_compact_json = R"golden({
  "schema_version": "1.0.0",
  "tool": {
    "name": "bulwark",
    "version": "9.9.9"
  },
  "files": [
    {
      "path": "web app/Dockerfile",
      "kind": "dockerfile",
      "findings": [
        {
          "rule_id": "TST001",
          "title": "Base image uses a mutable tag",
          "severity": "high",
          "category": "base-image",
          "message": "uses <latest> & \"floats\"",
          "location": {
            "file": "web app/Dockerfile",
            "line": 1,
            "column": 6,
            "end_line": 1,
            "end_column": 18
          },
          "evidence": "FROM ubuntu:latest",
          "fix": "Pin the base image by digest.\nSecond line of advice.",
          "fingerprint": "99d940198f60d6a0",
          "suppressed": false,
          "suppression": null,
          "equivalents": {
            "hadolint": [
              "DL3007"
            ],
            "trivy": [
              "DS001"
            ],
            "checkov": [],
            "cis": [
              "4.2"
            ]
          }
        },
        {
          "rule_id": "TST002",
          "title": "Secret in ENV",
          "severity": "medium",
          "category": "secrets",
          "message": "secret",
          "location": {
            "file": "web app/Dockerfile",
            "line": 2,
            "column": 5,
            "end_line": 2,
            "end_column": 13
          },
          "evidence": "ENV TOKEN=abc",
          "fix": "rotate",
          "fingerprint": "c5b392ea0fec071a",
          "suppressed": true,
          "suppression": "config: .bulwark.yaml",
          "equivalents": {
            "hadolint": [],
            "trivy": [
              "DS031"
            ],
            "checkov": [
              "CKV_DOCKER_10",
              "CKV2_DOCKER_1"
            ],
            "cis": []
          }
        }
      ],
      "diagnostics": [
        {
          "level": "warning",
          "message": "ignore for unknown rule XX1",
          "location": {
            "file": "web app/Dockerfile",
            "line": 2,
            "column": 1,
            "end_line": 0,
            "end_column": 0
          }
        }
      ]
    }
  ],
  "summary": {
    "files": 1,
    "findings": 1,
    "by_severity": {
      "critical": 0,
      "high": 1,
      "medium": 0,
      "low": 0,
      "info": 0
    },
    "suppressed": 1,
    "errors": 1,
    "warnings": 1,
    "fail_on": "high",
    "failed": true,
    "exit_code": 2
  },
  "diagnostics": [
    {
      "level": "error",
      "message": "no such file",
      "location": {
        "file": "gone",
        "line": 0,
        "column": 0,
        "end_line": 0,
        "end_column": 0
      }
    }
  ],
  "notes": [
    "a note"
  ]
}
)golden";

const char* const k_compact_sarif = R"golden({
  "$schema": "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json",
  "version": "2.1.0",
  "runs": [
    {
      "tool": {
        "driver": {
          "name": "bulwark",
          "version": "9.9.9",
          "semanticVersion": "9.9.9",
          "rules": [
            {
              "id": "TST001",
              "name": "BaseImageUsesAMutableTag",
              "shortDescription": {
                "text": "Base image uses a mutable tag"
              },
              "fullDescription": {
                "text": "Tags move; the image you scanned is not the one you ship."
              },
              "help": {
                "text": "Pin the base image by digest.\nSecond line of advice.\n\nProblem:\nFROM ubuntu:latest\n\nCorrected:\nFROM ubuntu:22.04@sha256:0123",
                "markdown": "Pin the base image by digest.\nSecond line of advice.\n\n**Problem**\n\n```dockerfile\nFROM ubuntu:latest\n```\n\n**Corrected**\n\n```dockerfile\nFROM ubuntu:22.04@sha256:0123\n```"
              },
              "defaultConfiguration": {
                "level": "error"
              },
              "properties": {
                "tags": [
                  "security",
                  "base-image",
                  "pinning",
                  "reproducibility"
                ],
                "security-severity": "8.0",
                "precision": "high"
              }
            },
            {
              "id": "TST002",
              "name": "SecretInENV",
              "shortDescription": {
                "text": "Secret in ENV"
              },
              "fullDescription": {
                "text": "ENV values are stored in the image config."
              },
              "help": {
                "text": "Pass secrets with RUN --mount=type=secret.\n\nProblem:\nENV TOKEN=abc\n\nCorrected:\nRUN --mount=type=secret,id=token true",
                "markdown": "Pass secrets with RUN --mount=type=secret.\n\n**Problem**\n\n```dockerfile\nENV TOKEN=abc\n```\n\n**Corrected**\n\n```dockerfile\nRUN --mount=type=secret,id=token true\n```"
              },
              "defaultConfiguration": {
                "level": "warning"
              },
              "properties": {
                "tags": [
                  "security",
                  "secrets"
                ],
                "security-severity": "5.5",
                "precision": "high"
              }
            }
          ]
        }
      },
      "invocations": [
        {
          "executionSuccessful": false,
          "exitCode": 2,
          "toolExecutionNotifications": [
            {
              "level": "error",
              "message": {
                "text": "no such file"
              },
              "locations": [
                {
                  "physicalLocation": {
                    "artifactLocation": {
                      "uri": "gone",
                      "uriBaseId": "%SRCROOT%"
                    }
                  }
                }
              ]
            },
            {
              "level": "warning",
              "message": {
                "text": "ignore for unknown rule XX1"
              },
              "locations": [
                {
                  "physicalLocation": {
                    "artifactLocation": {
                      "uri": "web%20app/Dockerfile",
                      "uriBaseId": "%SRCROOT%"
                    },
                    "region": {
                      "startLine": 2,
                      "startColumn": 1
                    }
                  }
                }
              ]
            },
            {
              "level": "note",
              "message": {
                "text": "a note"
              }
            }
          ]
        }
      ],
      "columnKind": "unicodeCodePoints",
      "results": [
        {
          "ruleId": "TST001",
          "ruleIndex": 0,
          "level": "error",
          "message": {
            "text": "uses <latest> & \"floats\". Fix: Pin the base image by digest.\nSecond line of advice."
          },
          "locations": [
            {
              "physicalLocation": {
                "artifactLocation": {
                  "uri": "web%20app/Dockerfile",
                  "uriBaseId": "%SRCROOT%"
                },
                "region": {
                  "startLine": 1,
                  "startColumn": 6,
                  "endLine": 1,
                  "endColumn": 19,
                  "snippet": {
                    "text": "FROM ubuntu:latest"
                  }
                }
              }
            }
          ],
          "partialFingerprints": {
            "bulwark/v1": "99d940198f60d6a0"
          },
          "properties": {
            "severity": "high",
            "security-severity": "8.0"
          }
        },
        {
          "ruleId": "TST002",
          "ruleIndex": 1,
          "level": "warning",
          "message": {
            "text": "secret. Fix: rotate"
          },
          "locations": [
            {
              "physicalLocation": {
                "artifactLocation": {
                  "uri": "web%20app/Dockerfile",
                  "uriBaseId": "%SRCROOT%"
                },
                "region": {
                  "startLine": 2,
                  "startColumn": 5,
                  "endLine": 2,
                  "endColumn": 14,
                  "snippet": {
                    "text": "ENV TOKEN=abc"
                  }
                }
              }
            }
          ],
          "partialFingerprints": {
            "bulwark/v1": "c5b392ea0fec071a"
          },
          "suppressions": [
            {
              "kind": "external",
              "justification": "config: .bulwark.yaml"
            }
          ],
          "properties": {
            "severity": "medium",
            "security-severity": "5.5"
          }
        }
      ]
    }
  ]
}
)golden";

}  // namespace

TEST(RenderJson, GoldenCompact) {
    EXPECT_EQ(render(test::compact_report(), "json"), k_compact_json);
}

TEST(RenderJson, SummaryAndEveryFindingIncludingSuppressed) {
    Json j = Json::parse(render(test::sample_report(), "json"));
    EXPECT_EQ(j["schema_version"], "1.0.0");
    EXPECT_EQ(j["tool"]["version"], "9.9.9");
    EXPECT_EQ(j["summary"]["files"], 3);
    EXPECT_EQ(j["summary"]["findings"], 3);
    EXPECT_EQ(j["summary"]["by_severity"]["critical"], 1);
    EXPECT_EQ(j["summary"]["suppressed"], 1);
    EXPECT_EQ(j["summary"]["errors"], 1);
    EXPECT_EQ(j["summary"]["exit_code"], 2);
    ASSERT_EQ(j["files"].size(), 3U);
    EXPECT_EQ(j["files"][0]["findings"].size(), 4U);
    EXPECT_EQ(j["files"][0]["findings"][2]["suppressed"], true);
    EXPECT_EQ(j["files"][0]["findings"][2]["suppression"], "inline: test token");
    EXPECT_TRUE(j["files"][0]["findings"][1]["suppression"].is_null());
    EXPECT_EQ(j["files"][0]["findings"][0]["fingerprint"].get<std::string>().size(), 16U);
    EXPECT_EQ(j["files"][2]["path"], "clean/Dockerfile");  // clean files are listed too
    EXPECT_EQ(j["files"][1]["diagnostics"][0]["location"]["line"], 2);
}

TEST(RenderJson, UnknownRuleFailOnNoneAndInvalidUtf8StayValid) {
    report::Report rep;
    rep.fail_on = static_cast<core::Severity>(static_cast<int>(core::Severity::critical) + 1);
    report::FileResult f;
    f.path = "bad\xff.Dockerfile";
    f.findings.push_back(test::make_finding("NOPE1", core::Severity::low, "bytes \xc3\x28 here\x01",
                                            {f.path, 1, 1, 0, 0, {}}, "\xe2\x82"));
    rep.files.push_back(f);
    std::string out = render(rep, "json");
    Json j = Json::parse(out);  // would throw on invalid UTF-8
    EXPECT_EQ(j["summary"]["fail_on"], "none");
    EXPECT_EQ(j["summary"]["failed"], false);
    const Json& x = j["files"][0]["findings"][0];
    EXPECT_EQ(x["title"], "");
    EXPECT_EQ(x["fix"], "");
    EXPECT_EQ(x["equivalents"]["hadolint"], Json::array());
    EXPECT_EQ(x["message"], "bytes \xef\xbf\xbd( here\x01");
    EXPECT_EQ(j["files"][0]["path"], "bad\xef\xbf\xbd.Dockerfile");
    EXPECT_NE(out.find("here\\u0001"), std::string::npos);
}

TEST(RenderSarif, GoldenCompact) {
    EXPECT_EQ(render(test::compact_report(), "sarif"), k_compact_sarif);
}

TEST(RenderSarif, RulesResultsAndLocations) {
    Json s = Json::parse(render(test::sample_report(), "sarif"));
    EXPECT_EQ(s["version"], "2.1.0");
    const Json& run = s["runs"][0];
    EXPECT_EQ(run["columnKind"], "unicodeCodePoints");
    const Json& rules = run["tool"]["driver"]["rules"];
    ASSERT_EQ(rules.size(), 3U);  // only rules with results, each once, sorted by id
    EXPECT_EQ(rules[2]["id"], "TST003");
    EXPECT_EQ(rules[2]["name"], "RemoteScriptPipedToAShell");
    EXPECT_EQ(rules[2]["defaultConfiguration"]["level"], "error");
    EXPECT_EQ(rules[2]["properties"]["security-severity"], "9.5");
    EXPECT_EQ(rules[1]["defaultConfiguration"]["level"], "warning");
    const Json& results = run["results"];
    ASSERT_EQ(results.size(), 4U);
    for (const Json& r : results) {
        EXPECT_EQ(rules[r["ruleIndex"].get<size_t>()]["id"], r["ruleId"]);
    }
    const Json& region = results[3]["locations"][0]["physicalLocation"]["region"];
    EXPECT_EQ(region["startColumn"], 6);
    EXPECT_EQ(region["endColumn"], 17);  // exclusive in SARIF, inclusive in bulwark
    EXPECT_EQ(results[3]["level"], "error");
    EXPECT_EQ(results[2]["suppressions"][0]["kind"], "inSource");
    EXPECT_FALSE(results[1].contains("suppressions"));
    EXPECT_EQ(results[0]["partialFingerprints"]["bulwark/v1"].get<std::string>().size(), 16U);
    EXPECT_EQ(run["invocations"][0]["executionSuccessful"], false);
    EXPECT_EQ(run["invocations"][0]["toolExecutionNotifications"].size(), 2U);  // parse error + note
}

TEST(RenderSarif, UrisArePercentEncodedAndAbsolutePathsBecomeFileUris) {
    report::Report rep;
    for (std::string path : {"./a b/c:d#e%.Dockerfile", "/abs/Dockerfile", "<stdin>"}) {
        report::FileResult f;
        f.path = path;
        f.findings.push_back(
            test::make_finding("TST002", core::Severity::info, "m", {path, 0, 0, 0, 0, {}}, ""));
        rep.files.push_back(f);
    }
    Json s = Json::parse(render(rep, "sarif"));
    const Json& results = s["runs"][0]["results"];
    auto artifact = [&](size_t i) {
        return results[i]["locations"][0]["physicalLocation"]["artifactLocation"];
    };
    EXPECT_EQ(artifact(0)["uri"], "a%20b/c%3Ad%23e%25.Dockerfile");
    EXPECT_EQ(artifact(0)["uriBaseId"], "%SRCROOT%");
    EXPECT_EQ(artifact(1)["uri"], "file:///abs/Dockerfile");
    EXPECT_FALSE(artifact(1).contains("uriBaseId"));
    EXPECT_EQ(artifact(2)["uri"], "%3Cstdin%3E");
    EXPECT_FALSE(results[0]["locations"][0]["physicalLocation"].contains("region"));  // no line known
    EXPECT_EQ(results[0]["level"], "note");
}

TEST(RenderSarif, UnknownRuleStillGetsADescriptor) {
    report::Report rep;
    report::FileResult f;
    f.path = "Dockerfile";
    f.findings.push_back(
        test::make_finding("NOPE1", core::Severity::medium, "m.", {f.path, 1, 1, 1, 1, {}}, "X"));
    rep.files.push_back(f);
    Json s = Json::parse(render(rep, "sarif"));
    EXPECT_EQ(s["runs"][0]["tool"]["driver"]["rules"][0], Json({{"id", "NOPE1"}}));
    EXPECT_EQ(s["runs"][0]["results"][0]["message"]["text"], "m.");
    EXPECT_EQ(s["runs"][0]["invocations"][0]["executionSuccessful"], true);
}
