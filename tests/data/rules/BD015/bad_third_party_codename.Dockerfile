# What the words of a third-party tag mean is its publisher's choice: bulwark does not swap a new
# codename into it (vscode/devcontainers has no trixie tags), it says what to look for.
#! BD015
#! fix
#! message use a tag of mcr.microsoft.com/vscode/devcontainers/python built on a supported Debian release
FROM mcr.microsoft.com/vscode/devcontainers/python:3.8-bullseye
