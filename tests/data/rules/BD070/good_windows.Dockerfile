# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop';"]
WORKDIR C:\app
WORKDIR c:/tools
COPY app/ .
CMD ["C:\\app\\service.exe"]
