/**
 * What the example checks read from VICIdial directly (not through n8n), so an example is judged
 * by what it did on the server. The password goes in the POST body only.
 */
export interface VicidialLogin {
	/** Server URL, e.g. http://127.0.0.1:8089 (the simulator's or the genuine server's). */
	url: string;
	user: string;
	password: string;
}

export async function nonAgentCall(
	login: VicidialLogin,
	fn: string,
	params: Record<string, string> = {},
): Promise<string> {
	const body = new URLSearchParams({
		source: 'examples',
		user: login.user,
		pass: login.password,
		function: fn,
		...params,
	});
	const response = await fetch(`${login.url.replace(/\/+$/, '')}/vicidial/non_agent_api.php`, {
		method: 'POST',
		body,
	});
	const text = await response.text();
	// VICIdial echoes the password in some login errors; a check's detail must never carry it.
	return text.split(login.password).join('***');
}

/** Rows of an answer asked with header=YES (first line: the column names). */
export function headerRows(text: string, delimiter = '|'): Array<Record<string, string>> {
	const lines = text
		.trim()
		.split('\n')
		.filter((l) => l !== '');
	if (lines.length < 2 || /^(ERROR|NOTICE)/.test(lines[0])) return [];
	const names = lines[0].split(delimiter);
	return lines
		.slice(1)
		.map((line) =>
			Object.fromEntries(line.split(delimiter).map((value, i) => [names[i] ?? `col${i}`, value])),
		);
}

/** Lead IDs holding this phone number (lead_search answers `phone|count|id,id`). */
export async function leadIdsByPhone(login: VicidialLogin, phone: string): Promise<string[]> {
	const text = await nonAgentCall(login, 'lead_search', { phone_number: phone });
	const fields = text.trim().split('|');
	return text.startsWith('ERROR') || fields.length < 3
		? []
		: fields[2].split(',').filter((id) => id !== '');
}

export async function leadById(
	login: VicidialLogin,
	leadId: string,
): Promise<Record<string, string> | undefined> {
	return headerRows(
		await nonAgentCall(login, 'lead_all_info', { lead_id: leadId, header: 'YES' }),
	)[0];
}

export async function leadsByPhone(
	login: VicidialLogin,
	phone: string,
): Promise<Array<Record<string, string>>> {
	const leads: Array<Record<string, string>> = [];
	for (const id of await leadIdsByPhone(login, phone)) {
		const lead = await leadById(login, id);
		if (lead) leads.push(lead);
	}
	return leads;
}
