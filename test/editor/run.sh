#!/usr/bin/env bash
# The editor in a real browser (test/editor/editor.ts). Debian's chromium is installed here when
# missing, so a clean CI machine works; puppeteer-core never downloads a browser.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
	echo "== installing Debian's chromium"
	apt-get update >/dev/null
	DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium >/dev/null
fi
exec node "$ROOT/scripts/run-ts.js" "$ROOT/test/editor/editor.ts"
