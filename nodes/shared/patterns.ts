/**
 * Format rules for ID-like values, defined once for every entry. VICIdial keeps only letters,
 * digits, - and _ in its IDs and codes (users, groups, campaigns, statuses, pause codes...) and
 * silently drops any other character, so such a value could reach another record: it is refused.
 */

/** A format rule of a parameter (ParamSpec.pattern): the error says the field `hint`. */
export interface Pattern {
	regex: RegExp;
	hint: string;
}

/** One character VICIdial keeps in IDs and codes, to build other patterns from. */
export const WORD_CHAR = '[-_0-9a-zA-Z]';

/** One ID or code. */
export const WORD = new RegExp(`^${WORD_CHAR}+$`);

const CHARS_NAMED = 'letters, digits, - and _';

/** A value of those characters that is no ID of a kind worth naming (a file name suffix, a password). */
export const WORD_CHARS: Pattern = {
	regex: WORD,
	hint: `may contain only ${CHARS_NAMED} (VICIdial drops other characters)`,
};

/** One ID of a kind: `what` names it in the error ("a status code"). */
export function idPattern(what: string): Pattern {
	return { regex: WORD, hint: `must be ${what} (${CHARS_NAMED})` };
}

/** Several IDs of a kind joined by `separator` ("in-group IDs", "|"). */
export function idListPattern(what: string, separator: string): Pattern {
	const joint = separator.replace(/[|\\^$.*+?()[\]{}-]/g, '\\$&');
	return {
		regex: new RegExp(`^${WORD_CHAR}+(?:${joint}${WORD_CHAR}+)*$`),
		hint: `must be ${what} (${CHARS_NAMED}) separated by "${separator}"`,
	};
}

export const USER_ID = idPattern('a VICIdial user ID');
export const STATUS_CODE = idPattern('a status code');
export const CAMPAIGN_ID = idPattern('a campaign ID');
export const IN_GROUP_ID = idPattern('an in-group ID');
export const PHONE_LOGIN = idPattern('a phone login');

/** What VICIdial keeps of a URL (web forms, dispo and start/stop URLs): anything else is silently dropped from it. */
export const URL_CHARS: Pattern = {
	regex: /^[- %=+.:/@?&_0-9a-zA-Z]+$/,
	hint: 'may only contain letters, digits, spaces and - % = + . : / @ ? & _ (VICIdial drops other characters)',
};

/** What VICIdial keeps of a DID's or CID group entry's description. */
export const DESCRIPTION_CHARS: Pattern = {
	regex: /^[- .,_0-9A-Za-z]+$/,
	hint: 'may contain only letters, digits, spaces and - . , _',
};

/** A user's or phone's email: VICIdial keeps only letters, digits and - . : / @ % _ of an address and turns + into a space. */
export const EMAIL: Pattern = {
	regex: /^[-.:/%_0-9a-zA-Z]+@[-.:/%_0-9a-zA-Z]+$/,
	hint: 'must be an email address of letters, digits and - . _ % (VICIdial drops or changes other characters)',
};
/** The same, or --BLANK-- (empties it in an update). */
export const EMAIL_OR_BLANK: Pattern = {
	regex: new RegExp(`${EMAIL.regex.source}|^--BLANK--$`),
	hint: `${EMAIL.hint}, or --BLANK--`,
};
