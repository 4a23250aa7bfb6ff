/**
 * The lead's own fields, declared once for both APIs (the Non-Agent API's add_lead and
 * update_lead, the Agent API's update_fields and external_add_lead). What differs between the two
 * APIs is written next to the field: the storage rule (non_agent_api.php and api.php filter some
 * fields differently, see STORED) and a few limits.
 */
import type { ApiName, ParamSpec, StoredRule } from '../entry';
import { STORED, choice, date, decimal, digits, integer, text } from '../entry';

/** Something that differs between the Non-Agent API and the Agent API. */
interface PerApi<T> {
	nonAgent: T;
	agent: T;
}

interface LeadField {
	/** The field with what both APIs share. */
	param: ParamSpec;
	/** The storage rule, the same for both APIs or per API. */
	stored?: StoredRule | PerApi<StoredRule>;
	/** Options of one API's field only (its limits, a format rule). */
	nonAgent?: Partial<ParamSpec>;
	agent?: Partial<ParamSpec>;
	/**
	 * Among the lead fields of one API's lead writes only: the Agent API takes `phone_code` and
	 * `gmt_offset_now` beside the phone number instead (see leadField), and no `multi_alt_phones`.
	 */
	only?: ApiName;
}

const perApi = (nonAgent: StoredRule, agent: StoredRule): PerApi<StoredRule> => ({
	nonAgent,
	agent,
});

/** In the order the Non-Agent API's entries list them. */
const LEAD_FIELDS: LeadField[] = [
	{ param: text('first_name', 'First Name', { maxLength: 30, main: true }), stored: STORED.name },
	{ param: text('last_name', 'Last Name', { maxLength: 30, main: true }), stored: STORED.name },
	{
		param: digits('phone_code', 'Phone Code'),
		nonAgent: {
			minLength: 1,
			maxLength: 4,
			description: 'Country calling code; VICIdial uses 1 when empty',
		},
		agent: { maxLength: 10 },
		only: 'nonAgent',
	},
	{
		param: text('vendor_lead_code', 'Vendor Lead Code', {
			maxLength: 20,
			description: 'Your own ID for the lead, e.g. the CRM record ID',
		}),
		stored: perApi(STORED.free, STORED.agentFree),
	},
	{
		param: text('source_id', 'Source ID', { maxLength: 50 }),
		stored: perApi(STORED.free, STORED.agentFree),
	},
	{
		param: decimal('gmt_offset_now', 'GMT Offset', { min: -12, max: 14 }),
		nonAgent: {
			description: 'Time zone offset; VICIdial replaces it with its own lookup where it can',
		},
		only: 'nonAgent',
	},
	{ param: text('title', 'Title', { maxLength: 4 }), stored: STORED.title },
	{
		param: text('middle_initial', 'Middle Initial', { maxLength: 1 }),
		stored: perApi(STORED.code, STORED.agentMiddleInitial),
	},
	{ param: text('address1', 'Address 1', { maxLength: 100 }), stored: STORED.address },
	{ param: text('address2', 'Address 2', { maxLength: 100 }), stored: STORED.address },
	{ param: text('address3', 'Address 3', { maxLength: 100 }), stored: STORED.address },
	{ param: text('city', 'City', { maxLength: 50 }), stored: STORED.address },
	{
		param: text('state', 'State', { maxLength: 2, description: 'Two-letter state code' }),
		stored: STORED.state,
	},
	{ param: text('province', 'Province', { maxLength: 50 }), stored: STORED.province },
	{
		param: text('postal_code', 'Postal Code', { maxLength: 10 }),
		stored: perApi(STORED.postalCode, STORED.agentPostalCode),
	},
	{
		param: text('country_code', 'Country Code', {
			maxLength: 3,
			description: 'Three-letter country code, e.g. USA',
		}),
		stored: perApi(STORED.code, STORED.capitals),
	},
	{
		param: choice('gender', 'Gender', {
			choices: [
				{ name: 'Undefined', value: 'U' },
				{ name: 'Male', value: 'M' },
				{ name: 'Female', value: 'F' },
			],
		}),
	},
	{ param: date('date_of_birth', 'Date of Birth') },
	{ param: text('alt_phone', 'Alt Phone', { maxLength: 12 }), stored: STORED.name },
	{
		param: text('email', 'Email', { maxLength: 70 }),
		stored: STORED.email,
		nonAgent: { pattern: { regex: /^[^\s@]+@[^\s@]+$/, hint: 'must be an email address' } },
	},
	{ param: text('security_phrase', 'Security Phrase', { maxLength: 100 }), stored: STORED.address },
	{
		param: text('comments', 'Comments', { maxLength: 255 }),
		stored: perApi(STORED.free, STORED.agentFree),
	},
	{
		param: text('multi_alt_phones', 'Multiple Alt Phones', {
			minLength: 5,
			maxLength: 1024,
			placeholder: '7275551212_1_work!7275551213_1_sister house',
			description: 'Extra numbers as number_phonecode_note, separated by "!"',
		}),
		stored: STORED.multiAltPhones,
		only: 'nonAgent',
	},
	{
		param: integer('rank', 'Rank', {
			min: 0,
			max: 32767,
			description:
				'VICIdial keeps only the digits (a minus sign is dropped) and stores at most 32767',
		}),
		stored: STORED.rank,
	},
	{
		param: text('owner', 'Owner', {
			maxLength: 20,
			description: 'User ID, territory or user group that owns the lead',
		}),
		stored: STORED.address,
	},
];

function asParam(field: LeadField, api: ApiName): ParamSpec {
	const stored = field.stored && 'agent' in field.stored ? field.stored[api] : field.stored;
	return { ...field.param, ...(stored ? { stored } : {}), ...field[api] };
}

/** The lead fields of one API's lead writes, in order. */
export function leadFields(api: ApiName): ParamSpec[] {
	return LEAD_FIELDS.filter((field) => field.only === undefined || field.only === api).map(
		(field) => asParam(field, api),
	);
}

/** One lead field as one API takes it. */
export function leadField(name: string, api: ApiName): ParamSpec {
	const field = LEAD_FIELDS.find((f) => f.param.name === name);
	if (!field) throw new Error(`No lead field ${name}`);
	return asParam(field, api);
}
