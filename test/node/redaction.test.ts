/**
 * Redaction never touches the user's own values: with the API password 1234, a phone number,
 * a name or a vendor code holding 1234 comes back (in items and in errors) exactly as sent.
 */
import { startTarget, targetNames } from '../support/targets';
import type { Target } from '../support/targets';
import { json, runVicidial } from './run';

describe.each(targetNames)('redaction against the %s (API password 1234)', (targetName) => {
	let target: Target;
	beforeAll(async () => {
		target = await startTarget(targetName);
	});
	afterAll(async () => target.close());
	beforeEach(() => target.reset());
	const run = (options: Omit<Parameters<typeof runVicidial>[0], 'url'>) =>
		runVicidial({ url: target.url, password: '1234', ...options });

	test('values holding the password come back whole in items', async () => {
		const added = await run({
			parameters: {
				resource: 'lead',
				operation: 'add',
				phoneNumber: '3125551234',
				listId: '101',
				firstName: 'Ann1234',
				additionalFields: { vendorLeadCode: '1234', city: 'x1234y' },
			},
		});
		expect(added.error).toBeUndefined();
		expect(json(added)[0]).toMatchObject({ phone_number: '3125551234', list_id: 101 });
		const leadId = json(added)[0].lead_id;
		const info = await run({
			parameters: {
				resource: 'lead',
				operation: 'getAllInfo',
				leadId: String(leadId),
				options: { includeRaw: true },
			},
		});
		expect(info.error).toBeUndefined();
		const [lead] = json(info);
		expect(lead).toMatchObject({
			phone_number: '3125551234',
			first_name: 'Ann1234',
			vendor_lead_code: '1234',
			city: 'x1234y',
		});
		expect(JSON.stringify(json(info))).not.toContain('[redacted]');
	});

	test('an error about a value holding the password shows the value whole', async () => {
		const result = await run({
			continueOnFail: true,
			parameters: {
				resource: 'lead',
				operation: 'add',
				phoneNumber: '41555501061234567890',
				listId: '101',
			},
		});
		const shown = JSON.stringify(json(result));
		expect(shown).not.toContain('[redacted]');
		expect(shown).toContain('41555501061234567890');
	});

	test('the login error still hides the password VICIdial echoes', async () => {
		const result = await run({
			password: 'Wr0ngCanary',
			continueOnFail: true,
			parameters: { resource: 'lead', operation: 'getAllInfo', leadId: '11' },
		});
		const shown = JSON.stringify(json(result));
		expect(shown).toMatch(/Login incorrect|Invalid Username/);
		expect(shown).not.toContain('Wr0ngCanary');
	});
});
