/**
 * Opt-in registration of the trigger's URL as an alternate call URL of campaigns (or in-groups)
 * through update_alt_url: found again instead of added twice, switched off on deactivation.
 */
import { entryOf } from '../shared/functions';
import type { Client } from '../shared/client';
import { VicidialError } from '../shared/errors';
import type { ParsedAnswer, ParsedRecord } from '../shared/parse';
import type { FunctionEntry } from '../shared/entry';
import type { CallEventEntry } from './callEvents';

export interface Registration {
	/** Campaign or in-group id. */
	owner: string;
	urlId: number;
	entryType: string;
	urlType: string;
}

export interface RegistrationSettings {
	event: CallEventEntry;
	owners: string[];
	/** The full URL (VAR + webhook URL + placeholders). */
	address: string;
	/** Marks our entries, so a changed URL (new token, new fields) still finds them. */
	description: string;
	statuses: string[];
	lists: string[];
	/** May set the campaign's Dispo Call URL to ALT (it replaces a single URL set there). */
	switchToAlt: boolean;
}

/** The VICIdial node's entry for an operation: registration does what a user could do with the node. */
const operationEntry = (resource: string, operation: string): FunctionEntry =>
	entryOf('nonAgent', resource, operation);

const listAltUrls = () => operationEntry('campaign', 'getAltUrls');
const addAltUrl = () => operationEntry('campaign', 'addAltUrl');
const updateAltUrl = () => operationEntry('campaign', 'updateAltUrl');
const updateCampaign = () => operationEntry('campaign', 'update');

const text = (v: unknown) => (v === undefined || v === null ? '' : String(v));

export async function listOurUrls(
	client: Client,
	settings: RegistrationSettings,
	owner: string,
): Promise<ParsedRecord[]> {
	const answer = await client.call(
		listAltUrls(),
		{
			campaign_id: owner,
			entry_type: settings.event.entryType,
			url_type: settings.event.altUrlType,
		},
		{ emptyOnNoRecords: true },
	);
	return answer.records.filter(
		(r) =>
			text(r.url_description) === settings.description || text(r.url_address) === settings.address,
	);
}

const statusesValue = (settings: RegistrationSettings) =>
	settings.statuses.length > 0 ? settings.statuses.join(' ') : '---ALL---';

function entryValues(
	settings: RegistrationSettings,
	owner: string,
	altUrlId: string | undefined,
	active: boolean,
): Record<string, unknown> {
	const values: Record<string, unknown> = {
		campaign_id: owner,
		entry_type: settings.event.entryType,
		url_type: settings.event.altUrlType,
		active,
		url_address: settings.address,
		url_description: settings.description,
	};
	if (altUrlId !== undefined) values.alt_url_id = altUrlId;
	// VICIdial calls a dispo entry only for the statuses it lists: ---ALL--- stands for every status.
	if (settings.event.altUrlType === 'dispo') values.url_statuses = statusesValue(settings);
	// On an update, an empty list filter must be cleared explicitly; on an add, not sending it means all lists.
	if (settings.lists.length > 0) values.url_lists = settings.lists.join(' ');
	else if (altUrlId !== undefined) values.url_lists = '--BLANK--';
	return values;
}

const registration = (
	settings: RegistrationSettings,
	owner: string,
	urlId: number,
): Registration => ({
	owner,
	urlId,
	entryType: settings.event.entryType ?? 'campaign',
	urlType: settings.event.altUrlType ?? 'dispo',
});

/** True when every owner has an active entry with exactly our current address. */
export async function registrationExists(
	client: Client,
	settings: RegistrationSettings,
): Promise<Registration[] | undefined> {
	const found: Registration[] = [];
	for (const owner of settings.owners) {
		const ours = (await listOurUrls(client, settings, owner)).filter(
			(r) =>
				text(r.active) === 'Y' &&
				text(r.url_address) === settings.address &&
				text(r.url_lists).trim() === settings.lists.join(' ') &&
				(settings.event.altUrlType !== 'dispo' ||
					text(r.url_statuses).trim() === statusesValue(settings)),
		);
		if (ours.length === 0) return undefined;
		found.push(registration(settings, owner, Number(ours[0].url_id)));
	}
	return found;
}

/**
 * Adds (or re-activates and updates) our entry on every owner. A campaign whose call URL is not
 * set to ALT is switched only when the user allowed it; otherwise the error says what to do.
 */
export async function register(
	client: Client,
	settings: RegistrationSettings,
): Promise<Registration[]> {
	const done: Registration[] = [];
	for (const owner of settings.owners) {
		const existing = await listOurUrls(client, settings, owner);
		if (existing.length > 0) {
			const urlId = Number(existing[0].url_id);
			await client.call(updateAltUrl(), entryValues(settings, owner, String(urlId), true));
			// Any second entry of ours (from an older address) is switched off.
			for (const extra of existing.slice(1))
				if (text(extra.active) === 'Y')
					await client.call(updateAltUrl(), {
						...entryValues(settings, owner, text(extra.url_id), false),
						url_address: undefined,
						url_description: undefined,
					});
			done.push(registration(settings, owner, urlId));
			continue;
		}
		const added = await client
			.call(addAltUrl(), entryValues(settings, owner, undefined, true))
			.catch((error: unknown) => error);
		let answer: ParsedAnswer;
		if (!(added instanceof Error)) {
			answer = added as ParsedAnswer;
		} else if (!(added instanceof VicidialError) || !/IS NOT SET TO ALT/.test(added.message)) {
			throw added;
		} else if (
			!settings.switchToAlt ||
			settings.event.altUrlType !== 'dispo' ||
			settings.event.entryType !== 'campaign'
		) {
			throw notAltError(settings, owner);
		} else {
			await client.call(updateCampaign(), { campaign_id: owner, dispo_call_url: 'ALT' });
			answer = await client.call(addAltUrl(), entryValues(settings, owner, undefined, true));
		}
		const printed = answer.records[0]?.url_id;
		const urlId =
			typeof printed === 'number'
				? printed
				: Number((await listOurUrls(client, settings, owner))[0]?.url_id ?? NaN);
		if (!Number.isFinite(urlId))
			throw new VicidialError(
				'malformed',
				`VICIdial did not say which alternate URL it added for ${owner}`,
				{ hint: 'Check the campaign in VICIdial.' },
			);
		done.push(registration(settings, owner, urlId));
	}
	return done;
}

function notAltError(settings: RegistrationSettings, owner: string): VicidialError {
	const campaignDispo =
		settings.event.altUrlType === 'dispo' && settings.event.entryType === 'campaign';
	return new VicidialError(
		'invalid',
		`${settings.event.setting} of ${owner} is not set to ALT, so VICIdial cannot hold more than one URL there`,
		{
			hint: campaignDispo
				? 'Set it to ALT in VICIdial (Campaigns > Detail > Dispo Call URL), or switch on "Set Campaign Dispo Call URL to ALT" (this replaces a single URL set there).'
				: 'Set that field to ALT in VICIdial, then activate the workflow again.',
		},
	);
}

/**
 * Switches our entries off (kept, so re-activation finds and reuses them). Only entries still
 * listed under that id with one of our descriptions: VICIdial would otherwise change the only URL
 * of that type when the id is unknown, which could be someone else's.
 */
export async function unregister(client: Client, registrations: Registration[]): Promise<void> {
	for (const { owner, urlId, entryType, urlType } of registrations) {
		const listed = await client.call(
			listAltUrls(),
			{ campaign_id: owner, entry_type: entryType, url_type: urlType },
			{ emptyOnNoRecords: true },
		);
		const ours = listed.records.find(
			(r) =>
				Number(r.url_id) === Number(urlId) && /^n8n (trigger|test) /.test(text(r.url_description)),
		);
		if (!ours || text(ours.active) === 'N') continue;
		await client.call(updateAltUrl(), {
			campaign_id: owner,
			entry_type: entryType,
			url_type: urlType,
			alt_url_id: String(urlId),
			active: false,
		});
	}
}
