#!/usr/bin/env bash
# A deployable build of the platform: Release, compiled ahead of time (ReadyToRun) for this machine's platform, into
# artifacts/publish (or the folder given). Run it there with `dotnet Dangjian.Web.dll` (settings as in README.md).
#
#   bash scripts/publish.sh [OUT] [RID]      # RID defaults to linux-x64 (linux-arm64 on an ARM machine)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-artifacts/publish}
case "$(uname -m)" in aarch64|arm64) default_rid=linux-arm64 ;; *) default_rid=linux-x64 ;; esac
rid=${2:-$default_rid}
dotnet publish src/Dangjian.Web -c Release -r "$rid" --self-contained false -o "$out" -nologo -v quiet
echo "published to $out ($rid, ReadyToRun): dotnet $out/Dangjian.Web.dll"
