# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
#! BD030
ADD ["setup.ps1", "C:/setup/"]
