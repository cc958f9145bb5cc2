# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command"]
RUN Invoke-WebRequest -SkipCertificateCheck https://internal/app.zip -OutFile app.zip
