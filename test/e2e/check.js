// Checks what `n8n execute --rawOutput` printed for test/e2e/workflow.json.
'use strict';
const fs = require('node:fs');
const text = fs.readFileSync(process.argv[2], 'utf8');
// With N8N_LOG_FORMAT=json every log line is a JSON object; the result is the message that is a run.
let run;
for (const line of text.split('\n')) {
	try {
		const message = JSON.parse(JSON.parse(line).message);
		if (message && (message.data?.resultData || message.resultData)) run = message;
	} catch {
		// not the result line
	}
}
if (!run) throw new Error(`n8n printed no result:\n${text.slice(0, 3000)}`);
const runData = run.data?.resultData?.runData ?? run.resultData?.runData;
if (!runData) throw new Error(`no run data in:\n${text.slice(0, 2000)}`);
const out = (name) => runData[name]?.[0]?.data?.main?.[0]?.map((i) => i.json) ?? [];
const error = run.data?.resultData?.error;
if (error) throw new Error(`the workflow failed: ${error.message}`);
const [added] = out('Add Lead');
const [found] = out('Search by Phone');
const [list] = out('Get List');
const agents = out('Logged-In Agents');
const [resumed] = out('Resume Agent');
const expect = (what, ok) => {
	if (!ok)
		throw new Error(
			`e2e: ${what}\n${JSON.stringify({ added, found, list, agents, resumed }, null, 1)}`,
		);
};
expect(
	'Add Lead returned lead 16',
	added && added.lead_id === 16 && added.list_id === 101 && Array.isArray(added.notices),
);
expect(
	'Search by Phone found lead 16',
	found && found.search_key === '3125550177' && JSON.stringify(found.lead_ids) === '[16]',
);
expect(
	'Get List counted the new lead',
	list && list.list_id === 101 && list.all_leads_count === 13,
);
expect(
	'Logged-In Agents listed 1001 (paused) and 1003 (in a call)',
	JSON.stringify(agents.map((a) => [a.user, a.status])) ===
		JSON.stringify([
			['1001', 'PAUSED'],
			['1003', 'INCALL'],
		]),
);
expect(
	'the VICIdial Agent node queued a resume for 1001',
	resumed && resumed.agent_user === '1001' && resumed.queued === true,
);
if (text.includes('"1234"') || /pass=1234/.test(text))
	throw new Error('the password appears in the execution output');
console.log(
	`e2e OK: real n8n ran Add Lead (lead ${added.lead_id}), Search by Phone (${found.lead_ids}), Get List (${list.all_leads_count} leads), Logged-In Agents (${agents.length}), Resume Agent (${resumed.agent_user}, queued)`,
);
