/* eslint-disable no-console, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * `npm run test:editor`: the package in a real n8n editor (2.41.1, the packed tarball installed
 * as a community package), driven by headless Chromium as a new user would: the owner set up, a
 * workflow created, each node found through the node panel and opened, the credential tested
 * against the simulator. Every check reads the DOM; screenshots go to EDITOR_ARTIFACTS
 * (default .artifacts/editor/, ignored by git) for CI to keep.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import {
	CHROMIUM,
	clickText,
	innerText,
	launchChromium,
	type PageElement,
	replaceInput,
	rest,
	sleep,
	textOf,
	tid,
	visible,
	waitForText,
} from './browser';
import {
	createN8n,
	ensureN8n,
	freePort,
	packThisBuild,
	ROOT,
	spawnTracked,
	stopTracked,
} from '../../scripts/lib/realN8n';
import { builtNodes, operationOption, optionsOf, squash, type BuiltNodes } from './expected';

declare const location: { pathname: string };

const ARTIFACTS = path.resolve(
	process.env.EDITOR_ARTIFACTS ?? path.join(ROOT, '.artifacts', 'editor'),
);
const API_USER = '6666';
const API_PASSWORD = '1234';
/** Seven seeded leads of the simulator have this phone; lead 1's last name is lead01. */
const SEEDED_PHONE = '7275551212';
const SEEDED_LAST_NAME = 'lead01';
/** The search option that reads each lead found (one item per lead). */
const FULL_RECORDS_OPTION = 'fullLeadRecords';

interface Result {
	name: string;
	ok: boolean;
	detail: string;
}

class Checks {
	readonly results: Result[] = [];
	private shots = 0;
	constructor(private readonly page: Page) {}

	async shot(label: string): Promise<string> {
		const file = path.join(
			ARTIFACTS,
			`${String(++this.shots).padStart(2, '0')}-${label.replace(/[^A-Za-z0-9]+/g, '-').slice(0, 60)}.png`,
		);
		await this.page.screenshot({ path: file as `${string}.png` }).catch(() => undefined);
		return file;
	}

	/** Runs steps that hold checks; only a failure of the steps themselves is recorded. */
	async step(name: string, run: () => Promise<void>): Promise<boolean> {
		try {
			await run();
			return true;
		} catch (error) {
			const file = await this.shot(`FAIL ${name}`);
			const detail = `${error instanceof Error ? error.message : String(error)} [${path.basename(file)}]`;
			this.results.push({ name, ok: false, detail });
			console.log(`  FAIL  ${name}: ${detail}`);
			return false;
		}
	}

	/** Runs one check; a failure is recorded (with a screenshot) and the next check still runs. */
	async check(name: string, run: () => Promise<string | void>): Promise<boolean> {
		try {
			const detail = (await run()) ?? '';
			this.results.push({ name, ok: true, detail });
			console.log(`  ok    ${name}${detail ? ` (${detail})` : ''}`);
			return true;
		} catch (error) {
			const file = await this.shot(`FAIL ${name}`);
			const detail = `${error instanceof Error ? error.message : String(error)} [${path.basename(file)}]`;
			this.results.push({ name, ok: false, detail });
			console.log(`  FAIL  ${name}: ${detail}`);
			return false;
		}
	}
}

function expect(condition: boolean, message: string): void {
	if (!condition) throw new Error(message);
}

async function waitForHttp(
	url: string,
	accept: (status: number, body: string) => boolean,
	what: string,
	timeoutMs: number,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		try {
			const response = await fetch(url);
			if (accept(response.status, await response.text())) return;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline)
			throw new Error(`${what} did not answer at ${url} within ${timeoutMs / 1000}s`);
		await sleep(300);
	}
}

// ---------------------------------------------------------------------------------------------
// the steps a user takes, each followed by its checks

async function ownerSetup(page: Page, checks: Checks, baseUrl: string): Promise<void> {
	await checks.check('the owner is set up in the setup form', async () => {
		await page.goto(`${baseUrl}/`, { waitUntil: 'domcontentloaded' });
		await page.waitForSelector(tid('setup-form'), { visible: true, timeout: 30_000 });
		await page.type('#email', 'owner@example.com');
		await page.type('#firstName', 'Olga');
		await page.type('#lastName', 'Owner');
		await page.type('#password', 'Editor-check-1');
		await checks.shot('owner setup form');
		await page.click(tid('form-submit-button'));
		await page.waitForFunction(() => !location.pathname.startsWith('/setup'), { timeout: 30_000 });
		const me = await rest<{ email: string; role: string }>(page, 'GET', `${baseUrl}/rest/login`);
		expect(me.email === 'owner@example.com', `logged in as ${me.email}`);
		return `${me.email}, ${me.role}`;
	});
}

async function newWorkflow(page: Page, baseUrl: string): Promise<string> {
	await page.goto(`${baseUrl}/workflow/new`, { waitUntil: 'domcontentloaded' });
	await page.waitForSelector(tid('canvas-add-button'), { visible: true, timeout: 30_000 });
	await page.waitForFunction(
		() => /\/workflow\/[A-Za-z0-9]+/.test(location.pathname) && !location.pathname.endsWith('/new'),
		{ timeout: 30_000 },
	);
	return /\/workflow\/([A-Za-z0-9]+)/.exec(new URL(page.url()).pathname)![1];
}

/** Opens the node panel (first step or next step) and searches for "VICIdial". */
async function searchNodePanel(page: Page, firstStep: boolean): Promise<void> {
	await page.click(tid(firstStep ? 'canvas-plus-button' : 'node-creator-plus-button'));
	await page.waitForSelector(`${tid('node-creator')} ${tid('node-creator-search-bar')}`, {
		visible: true,
	});
	await page.type(`${tid('node-creator')} ${tid('node-creator-search-bar')}`, 'VICIdial');
	await page.waitForSelector(`${tid('node-creator')} ${tid('node-creator-item-name')}`, {
		visible: true,
	});
	await sleep(500);
}

interface Card {
	name: string;
	description: string;
}

async function panelCards(page: Page): Promise<Card[]> {
	return page.$$eval(`${tid('node-creator')} ${tid('node-creator-item-name')}`, (names) =>
		(names as unknown as PageElement[])
			.filter((n) => n.checkVisibility())
			.map((n) => {
				const card =
					n.closest(
						'[data-test-id="node-creator-action-item"], [data-test-id="node-creator-node-item"], [data-test-id="item-iterator-item"]',
					) ?? n.parentElement!;
				const description = card.querySelector('[data-test-id="node-creator-item-description"]');
				return { name: n.innerText.trim(), description: description?.innerText.trim() ?? '' };
			}),
	);
}

/** In a node's actions panel: expands a collapsed section ("Actions (73)") and clicks an item. */
async function pickAction(page: Page, text: string): Promise<void> {
	for (const category of await visible(
		page,
		`${tid('node-creator')} ${tid('node-creator-category-item')}`,
	)) {
		const label = await category.evaluate(innerText);
		const items = await visible(page, `${tid('node-creator')} ${tid('item-iterator-item')}`);
		const shownTexts = await Promise.all(items.map((i) => i.evaluate(innerText)));
		if (!shownTexts.includes(text) && /^(Actions|Triggers) \(\d+\)$/.test(label))
			await category.click();
	}
	await clickText(page, `${tid('node-creator')} ${tid('item-iterator-item')}`, text);
	await page.waitForSelector(tid('ndv'), { visible: true, timeout: 15_000 });
	await page.waitForSelector(`${tid('ndv')} ${tid('node-parameters')}`, { visible: true });
	await sleep(800);
}

async function closeNdv(page: Page): Promise<void> {
	await page.click(`${tid('ndv')} ${tid('ndv-close-button')}`);
	await page.waitForSelector(tid('ndv'), { hidden: true });
}

/** After a failed step: closes whatever it left open (dialog, node, node panel), back to the canvas. */
async function backToCanvas(page: Page): Promise<void> {
	for (let i = 0; i < 4; i++) {
		if ((await visible(page, tid('editCredential-modal'))).length)
			await page
				.click(`${tid('editCredential-modal')} .el-dialog__headerbtn`)
				.catch(() => undefined);
		else if ((await visible(page, `${tid('ndv')} ${tid('ndv-close-button')}`)).length)
			await page.click(`${tid('ndv')} ${tid('ndv-close-button')}`).catch(() => undefined);
		else if ((await visible(page, tid('node-creator'))).length) await page.keyboard.press('Escape');
		else return;
		await sleep(700);
	}
}

/** The node panel: the three cards a search for "VICIdial" shows, with the right descriptions. */
async function nodePanelChecks(page: Page, checks: Checks, nodes: BuiltNodes): Promise<void> {
	await searchNodePanel(page, true);
	await checks.shot('node panel search VICIdial');
	const cards = await panelCards(page);
	const cardOf = (name: string) => {
		const card = cards.find((c) => c.name === name);
		expect(
			card !== undefined,
			`no card "${name}" among ${JSON.stringify(cards.map((c) => c.name))}`,
		);
		return card!;
	};
	for (const [name, node] of [
		['VICIdial Agent', nodes.agent],
		['VICIdial Call Event', nodes.callEventTrigger],
	] as const) {
		await checks.check(
			`node panel: searching "VICIdial" shows the "${name}" card with its node's description`,
			async () => {
				const card = cardOf(name);
				expect(
					squash(card.description) === squash(node.description),
					`the card reads ${JSON.stringify(card.description)}, the node's description is ${JSON.stringify(node.description)}`,
				);
				return card.description;
			},
		);
	}
	// n8n folds the poll trigger into the VICIdial node's card and shows one of the two descriptions
	const speaksForLeads = (text: string) =>
		/\blead/i.test(text) && !/^starts a workflow/i.test(text.trim());
	await checks.check(
		'node panel: the "VICIdial" card (node and poll trigger in one) tells someone looking for leads that this is the node',
		async () => {
			const card = cardOf('VICIdial');
			const known = [nodes.vicidial.description, nodes.pollTrigger.description].map(squash);
			expect(
				known.includes(squash(card.description)),
				`the card reads ${JSON.stringify(card.description)}, which is neither node's description`,
			);
			expect(
				speaksForLeads(card.description),
				`the card reads ${JSON.stringify(card.description)}`,
			);
			return card.description;
		},
	);

	await clickText(page, `${tid('node-creator')} ${tid('node-creator-item-name')}`, 'VICIdial');
	await page.waitForSelector(`${tid('node-creator')} ${tid('node-creator-category-item')}`, {
		visible: true,
	});
	await sleep(500);
	await checks.shot('VICIdial actions panel');
	await checks.check(
		'actions panel of "VICIdial": its text speaks of leads, not only of starting workflows',
		async () => {
			const text = squash(await textOf(page, tid('node-creator')));
			const shown = [nodes.vicidial.description, nodes.pollTrigger.description].find((d) =>
				text.includes(squash(d)),
			);
			expect(
				shown !== undefined,
				`the panel shows neither node's description: ${JSON.stringify(text.slice(0, 300))}`,
			);
			expect(speaksForLeads(shown!), `the panel reads ${JSON.stringify(shown)}`);
		},
	);
	await checks.check(
		'actions panel of "VICIdial": the poll trigger\'s events are listed, with their capitals (DID, not did)',
		async () => {
			const events = optionsOf(nodes.pollTrigger, 'event');
			const shown = await page.$$eval(
				`${tid('node-creator')} ${tid('node-creator-item-name')}`,
				(els) =>
					(els as unknown as PageElement[])
						.filter((e) => e.checkVisibility())
						.map((e) => e.innerText.trim()),
			);
			const problems: string[] = [];
			for (const event of events) {
				const item = shown.find((s) =>
					squash(s).toLowerCase().includes(squash(event.name).toLowerCase()),
				);
				if (!item) {
					problems.push(`no item for "${event.name}"`);
					continue;
				}
				for (const word of event.name.match(/\b[A-Z]{2,}\b/g) ?? [])
					if (!new RegExp(`\\b${word}\\b`).test(item))
						problems.push(`"${item}" lost the capitals of ${word}`);
			}
			expect(problems.length === 0, `${problems.join('; ')} (shown: ${JSON.stringify(shown)})`);
			return `${events.length} events`;
		},
	);
}

/** The credential, created from the node as a user does, tested right and wrong. */
async function credentialChecks(page: Page, checks: Checks, simulatorUrl: string): Promise<void> {
	const modal = tid('editCredential-modal');
	const saveAndWait = async () => {
		await page.click(`${modal} ${tid('credential-save-button')}`);
		await sleep(500);
	};
	const okBanner = `${modal} ${tid('credentials-config-container-test-success')}`;
	await checks.check(
		'credential: created from the node ("Connect to VICIdial"), the Test succeeds against the simulator',
		async () => {
			await page.click(`${tid('ndv')} ${tid('node-credentials-empty-state')}`);
			await page.waitForSelector(`${modal} ${tid('parameter-input-serverUrl')} input`, {
				visible: true,
			});
			await page.type(`${modal} ${tid('parameter-input-serverUrl')} input`, simulatorUrl);
			await page.type(`${modal} ${tid('parameter-input-apiUser')} input`, API_USER);
			await page.type(`${modal} ${tid('parameter-input-password')} input`, API_PASSWORD);
			await sleep(700);
			await checks.shot('credential filled in');
			await saveAndWait();
			// n8n closes the dialog of a new credential whose test passed; reopened, it tests again and says so
			await page.waitForSelector(modal, { hidden: true, timeout: 20_000 });
			await page.click(`${tid('ndv')} ${tid('credential-edit-button')}`);
			await page.waitForSelector(okBanner, { visible: true, timeout: 20_000 });
			await checks.shot('credential test succeeded');
			return squash(await textOf(page, okBanner));
		},
	);
	await checks.check(
		'credential: a wrong password fails the Test with the friendly message, and the message does not echo the password',
		async () => {
			if (!(await page.$(modal))) {
				await page.click(`${tid('ndv')} ${tid('credential-edit-button')}`);
				await page.waitForSelector(`${modal} ${tid('parameter-input-password')} input`, {
					visible: true,
				});
			}
			const wrong = 'Wrong5pass';
			await replaceInput(page, `${modal} ${tid('parameter-input-password')} input`, wrong);
			await saveAndWait();
			await waitForText(
				page,
				modal,
				(t) => t.includes('Couldn’t connect') || t.includes("Couldn't connect"),
				'the failed test banner',
				20_000,
			);
			await clickText(page, `${modal} a, ${modal} span`, 'More details');
			const text = await waitForText(
				page,
				modal,
				(t) => /did not accept user "6666" with this password/.test(t),
				'the friendly message',
				10_000,
			);
			await checks.shot('credential wrong password');
			expect(!text.includes(wrong), 'the dialog shows the password typed');
			return /VICIdial did not accept[^\n]*/.exec(text)![0];
		},
	);
	await checks.check('credential: the right password again passes the Test', async () => {
		await replaceInput(page, `${modal} ${tid('parameter-input-password')} input`, API_PASSWORD);
		await saveAndWait();
		await page.waitForSelector(okBanner, { visible: true, timeout: 20_000 });
		await page.click(`${modal} .el-dialog__headerbtn`);
		await page.waitForSelector(modal, { hidden: true });
	});
}

async function searchByPhoneChecks(
	page: Page,
	checks: Checks,
	nodes: BuiltNodes,
	simulatorUrl: string,
): Promise<void> {
	const action = operationOption(nodes.vicidial, 'lead', 'searchByPhone').action!;
	// first step: n8n puts a manual trigger in front of an action, so "Execute step" runs at once
	await checks.check(`node panel: "VICIdial" → "${action}" opens the node`, async () => {
		await pickAction(page, action);
		await checks.shot('search by phone opened');
	});
	await credentialChecks(page, checks, simulatorUrl);
	await checks.check(
		'Lead → Search by Phone: with the option to return full lead records on, "Execute step" shows the lead itself',
		async () => {
			await replaceInput(
				page,
				`${tid('ndv')} ${tid('parameter-input-phoneNumber')} input`,
				SEEDED_PHONE,
			);
			// as a builder does: Options → Add Option → the full records switch, turned on
			const options = nodes.vicidial.properties.find(
				(p) =>
					p.name === 'options' &&
					(p.displayOptions?.show?.operation ?? []).includes('searchByPhone') &&
					(p.displayOptions?.show?.resource ?? []).includes('lead'),
			);
			const full = (
				options?.options as Array<{ name: string; displayName: string }> | undefined
			)?.find((o) => o.name === FULL_RECORDS_OPTION);
			expect(
				full !== undefined,
				`Lead → Search by Phone offers no "${FULL_RECORDS_OPTION}" option`,
			);
			await addCollectionOption(page, 'Options', full!.displayName);
			const toggle = await page.waitForSelector(
				`${tid('ndv')} ${tid(`parameter-input-${FULL_RECORDS_OPTION}`)} .el-switch`,
				{ visible: true, timeout: 10_000 },
			);
			await toggle!.click();
			await sleep(700);
			await checks.shot('search by phone full records on');
			await page.click(`${tid('ndv')} ${tid('node-execute-button')}`);
			await waitForText(
				page,
				`${tid('ndv')} ${tid('output-panel')}`,
				(t) => /\d+ items?/.test(t) || /error/i.test(t),
				'the output of the step',
				30_000,
			);
			// the item count comes first, the table a moment later
			const output = await waitForText(
				page,
				`${tid('ndv')} ${tid('output-panel')}`,
				(t) => t.includes(SEEDED_LAST_NAME),
				'the lead in the output',
				5_000,
			).catch(() => textOf(page, `${tid('ndv')} ${tid('output-panel')}`));
			await checks.shot('search by phone output');
			expect(
				output.includes(SEEDED_LAST_NAME),
				`the output shows no lead (no "${SEEDED_LAST_NAME}"): ${JSON.stringify(squash(output).slice(0, 300))}`,
			);
			return squash(output).slice(0, 80);
		},
	);
	await closeNdv(page);
}

/** The options a collection ("Add Field") offers, read from its open dropdown. */
async function collectionOptions(page: Page, item: ElementHandle): Promise<string[]> {
	const add = await item.$(`${tid('collection-parameter-add')} input`);
	if (!add) return [];
	await add.scrollIntoView();
	await add.click();
	await sleep(600);
	const options = await page.$$eval('.el-select-dropdown__item', (els) =>
		(els as unknown as PageElement[])
			.filter((e) => e.checkVisibility())
			.map((e) => e.innerText.trim()),
	);
	await add.click();
	await sleep(300);
	return options;
}

/** Picks an entry of a collection's "Add …" dropdown (the collection labelled `label`). */
async function addCollectionOption(page: Page, label: string, option: string): Promise<void> {
	for (const item of await page.$$(
		`${tid('ndv')} ${tid('node-parameters')} ${tid('parameter-item')}`,
	)) {
		if (!(await item.$(tid('collection-parameter-add')))) continue;
		if (squash(await item.$eval(tid('input-label'), innerText).catch(() => '')) !== label) continue;
		const add = (await item.$(`${tid('collection-parameter-add')} input`))!;
		await add.scrollIntoView();
		await add.click();
		await sleep(500);
		await clickText(page, '.el-select-dropdown__item', option);
		await sleep(500);
		return;
	}
	throw new Error(`no collection "${label}"`);
}

/** Contact data and dialer controls a builder should not find in one list. */
const CONTACT_FIELDS = ['City', 'Email', 'Postal Code'];
const DIALER_CONTROLS = ['NANPA Prefix Check', 'Hopper Priority', 'Time Zone Method'];

async function leadAddChecks(page: Page, checks: Checks, nodes: BuiltNodes): Promise<void> {
	const action = operationOption(nodes.vicidial, 'lead', 'add').action!;
	await checks.check(`node panel: "VICIdial" → "${action}" opens the node`, async () => {
		await addFromPanel(page, 'VICIdial', action);
		await checks.shot('lead add opened');
	});
	const ndv = tid('ndv');
	await checks.check('Lead → Add: Phone Number and List ID show placeholders', async () => {
		const placeholders = await page.$$eval(
			`${ndv} ${tid('parameter-input-phoneNumber')} input, ${ndv} ${tid('parameter-input-listId')} input, ${ndv} ${tid('resource-locator-listId')} input`,
			(els) =>
				(els as unknown as Array<{ placeholder: string; readOnly: boolean }>)
					.filter((e) => !e.readOnly)
					.map((e) => e.placeholder),
		);
		expect(
			placeholders.length >= 2 && placeholders.every((p) => p.trim() !== ''),
			`placeholders: ${JSON.stringify(placeholders)}`,
		);
		return placeholders.join(' / ');
	});
	await checks.check(
		'Lead → Add: the VICIdial function it calls is named in a notice, not at the end of descriptions',
		async () => {
			const notice = nodes.vicidial.properties.find(
				(p) =>
					p.type === 'notice' &&
					(p.displayOptions?.show?.resource ?? []).includes('lead') &&
					(p.displayOptions?.show?.operation ?? []).includes('add') &&
					p.displayName.includes('add_lead'),
			);
			expect(notice !== undefined, 'the node has no notice naming add_lead for Lead → Add');
			const text = squash(await textOf(page, `${ndv} ${tid('node-parameters')}`));
			expect(
				text.includes(squash(notice!.displayName)),
				`the parameters do not show ${JSON.stringify(notice!.displayName)}`,
			);
			expect(!/\(add_lead\)/.test(text), 'a text still ends in (add_lead)');
			return notice!.displayName;
		},
	);
	await checks.check(
		'Lead → Add: List ID is a resource locator offering "From list" and "By ID"',
		async () => {
			const locator = await page.$(`${ndv} ${tid('resource-locator-listId')}`);
			expect(locator !== null, 'List ID is not a resource locator');
			const selector = await locator!.$(`${tid('rlc-mode-selector')} input`);
			expect(selector !== null, 'no mode selector');
			await selector!.click();
			await sleep(500);
			const modes = await page.$$eval('.el-select-dropdown__item', (els) =>
				(els as unknown as PageElement[])
					.filter((e) => e.checkVisibility())
					.map((e) => e.innerText.trim()),
			);
			await selector!.click();
			await sleep(300);
			expect(
				modes.some((m) => /^from list$/i.test(m)) && modes.some((m) => /^by id$/i.test(m)),
				`modes: ${JSON.stringify(modes)}`,
			);
			return modes.join(', ');
		},
	);
	await checks.check(
		'Lead → Add: the additional fields come in groups, contact data apart from dialer controls',
		async () => {
			const groups: Array<{ label: string; options: string[] }> = [];
			for (const item of await page.$$(
				`${ndv} ${tid('node-parameters')} ${tid('parameter-item')}`,
			)) {
				if (!(await item.$(tid('collection-parameter-add')))) continue;
				const label = squash(await item.$eval(tid('input-label'), innerText).catch(() => ''));
				if (label === 'Options') continue;
				groups.push({ label, options: await collectionOptions(page, item) });
			}
			await checks.shot('lead add groups');
			const holding = (field: string) =>
				groups.filter((g) => g.options.includes(field)).map((g) => g.label);
			const mixed = groups.filter(
				(g) =>
					CONTACT_FIELDS.some((c) => g.options.includes(c)) &&
					DIALER_CONTROLS.some((d) => g.options.includes(d)),
			);
			const missing = [...CONTACT_FIELDS, ...DIALER_CONTROLS].filter(
				(f) => holding(f).length === 0,
			);
			expect(
				groups.length >= 2,
				`one group only: ${JSON.stringify(groups.map((g) => `${g.label} (${g.options.length})`))}`,
			);
			expect(
				mixed.length === 0,
				`${mixed.map((g) => g.label).join(', ')} mixes contact data with dialer controls`,
			);
			expect(missing.length === 0, `no group offers ${missing.join(', ')}`);
			return groups.map((g) => `${g.label} (${g.options.length})`).join(', ');
		},
	);
	await closeNdv(page);
}

/** Adds a node through the node panel: search "VICIdial", open the card, pick the item. */
async function addFromPanel(page: Page, card: string, item: string): Promise<void> {
	await searchNodePanel(page, false);
	await clickText(page, `${tid('node-creator')} ${tid('node-creator-item-name')}`, card);
	await page.waitForSelector(`${tid('node-creator')} ${tid('node-creator-category-item')}`, {
		visible: true,
	});
	await sleep(400);
	await pickAction(page, item);
}

/** The trigger n8n lists as "On <event name>" (its own wording of an option name). */
function triggerItem(eventName: string): string {
	return `On ${eventName.toLowerCase()}`;
}

async function callEventTriggerChecks(
	page: Page,
	checks: Checks,
	nodes: BuiltNodes,
	n8nUrl: string,
): Promise<void> {
	const dispo = optionsOf(nodes.callEventTrigger, 'event').find((o) => o.value === 'dispo')!;
	await searchNodePanel(page, false);
	await clickText(
		page,
		`${tid('node-creator')} ${tid('node-creator-item-name')}`,
		'VICIdial Call Event',
	);
	await page.waitForSelector(`${tid('node-creator')} ${tid('item-iterator-item')}`, {
		visible: true,
	});
	await pickAction(page, triggerItem(dispo.name));
	const params = `${tid('ndv')} ${tid('node-parameters')}`;
	// the panel that shows the URL to give VICIdial, on its production tab
	await page.click(`${params} .webhooks .headline`);
	await page.waitForSelector(`${params} ${tid('radio-button-production')}`, { visible: true });
	await page.click(`${params} ${tid('radio-button-production')}`);
	await sleep(500);
	await checks.shot('call event trigger opened');
	await checks.check(
		'Call Event Trigger: no {{ expression }} or other code in any of its parameters',
		async () => {
			const text = await textOf(page, params);
			const code = ['{{', '}}', '$parameter', '$json', '$node', 'VAR<'].filter((c) =>
				text.includes(c),
			);
			expect(
				code.length === 0,
				`the parameters show ${JSON.stringify(code)}: ${JSON.stringify(squash(text).slice(0, 400))}`,
			);
			const editors = await visible(
				page,
				`${params} .cm-editor, ${params} ${tid('inline-expression-editor-input')}`,
			);
			expect(editors.length === 0, `${editors.length} code editor(s) shown`);
			const inputs = await page.$$eval(`${params} input, ${params} textarea`, (els) =>
				(els as unknown as Array<{ value: string }>).map((e) => e.value),
			);
			const codeInput = inputs.find((v) => v.includes('{{'));
			expect(codeInput === undefined, `an input holds ${JSON.stringify(codeInput)}`);
		},
	);
	const urlOnScreen = async () => squash(await textOf(page, `${params} .webhook-url`));
	let generated = '';
	await checks.check(
		'Call Event Trigger: the Production URL to paste is complete, with a generated token (at least 32 letters and digits)',
		async () => {
			const url = await urlOnScreen();
			const match = new RegExp(
				`^${n8nUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/webhook/[^?\\s]+\\?n8n_token=([A-Za-z0-9]*)(&|$)`,
			).exec(url);
			expect(
				match !== null,
				`the panel shows ${JSON.stringify(url)}, not ${n8nUrl}/webhook/…?n8n_token=…`,
			);
			generated = match![1];
			expect(generated.length >= 32, `the token in the URL is ${JSON.stringify(generated)}`);
			expect(
				url.includes('lead_id=--A--lead_id--B--') && url.includes('dispo=--A--dispo--B--'),
				`no VICIdial fields in ${url}`,
			);
			return url.slice(0, 100) + '…';
		},
	);
	await checks.check(
		'Call Event Trigger: the URL follows the token typed, without reopening the node',
		async () => {
			const typed = 'EditorCheck0Token0abcdefghij';
			await replaceInput(page, `${params} ${tid('parameter-input-token')} input`, typed);
			const url = await waitForText(
				page,
				`${params} .webhook-url`,
				(t) => t.includes(`n8n_token=${typed}&`),
				'the typed token in the URL',
				10_000,
			).catch(async () => urlOnScreen());
			await checks.shot('call event trigger token typed');
			expect(
				url.includes(`n8n_token=${typed}&`),
				`after typing the token the panel shows ${JSON.stringify(squash(url).slice(0, 200))}`,
			);
			expect(
				generated === '' || !url.includes(generated),
				'the generated token is still in the URL',
			);
		},
	);
	await closeNdv(page);
}

async function pollTriggerChecks(page: Page, checks: Checks, nodes: BuiltNodes): Promise<void> {
	const event = optionsOf(nodes.pollTrigger, 'event').find((o) => o.value === 'leadStatus')!;
	await checks.check(
		`node panel: "VICIdial" → trigger "${triggerItem(event.name)}" opens the poll trigger on that event`,
		async () => {
			await searchNodePanel(page, false);
			await clickText(page, `${tid('node-creator')} ${tid('node-creator-item-name')}`, 'VICIdial');
			await page.waitForSelector(`${tid('node-creator')} ${tid('node-creator-category-item')}`, {
				visible: true,
			});
			await pickAction(page, triggerItem(event.name));
			await checks.shot('poll trigger opened');
			const shown = await page.$eval(
				`${tid('ndv')} ${tid('parameter-input-event')} input`,
				(e) => (e as unknown as { value: string }).value,
			);
			expect(shown === event.name, `Event shows ${JSON.stringify(shown)}`);
			const text = await textOf(page, `${tid('ndv')} ${tid('node-parameters')}`);
			expect(!text.includes('{{'), 'an expression is shown');
		},
	);
	await closeNdv(page);
}

async function agentChecks(page: Page, checks: Checks, nodes: BuiltNodes): Promise<void> {
	const action = operationOption(nodes.agent, 'session', 'pauseOrResume').action!;
	await checks.check(`node panel: "VICIdial Agent" → "${action}" opens the node`, async () => {
		await addFromPanel(page, 'VICIdial Agent', action);
		await checks.shot('agent node opened');
		const operation = await page.$eval(
			`${tid('ndv')} ${tid('parameter-input-operation')} input`,
			(e) => (e as unknown as { value: string }).value,
		);
		expect(
			operation === operationOption(nodes.agent, 'session', 'pauseOrResume').name,
			`Operation shows ${JSON.stringify(operation)}`,
		);
	});
	await closeNdv(page);
}

/** Canvas: each node's subtitle in display names, never the internal values (`add: lead`). */
async function canvasChecks(
	page: Page,
	checks: Checks,
	nodes: BuiltNodes,
	baseUrl: string,
	workflowId: string,
): Promise<void> {
	// n8n puts a second trigger where the first one is: tidy up so the screenshot shows every node
	await page.click(tid('tidy-up-button')).catch(() => undefined);
	await sleep(600);
	await page.click(tid('zoom-to-fit')).catch(() => undefined);
	await sleep(600);
	await checks.shot('canvas');
	const shown = await page.$$eval(tid('canvas-node'), (els) =>
		(els as unknown as Array<PageElement & { getAttribute(n: string): string | null }>).map((e) => {
			const subtitle = (
				e as unknown as {
					querySelector(s: string): { scrollWidth: number; clientWidth: number } | null;
				}
			).querySelector('[class*="_subtitle_"]');
			return {
				type: e.getAttribute('data-node-type') ?? '',
				name: e.getAttribute('data-node-name') ?? '',
				lines: e.innerText
					.split('\n')
					.map((l) => l.trim())
					.filter((l) => l !== ''),
				subtitleCut: subtitle ? subtitle.scrollWidth > subtitle.clientWidth + 1 : false,
			};
		}),
	);
	const actionNodes: Array<[string, BuiltNodes[keyof BuiltNodes], string, string]> = [
		['n8n-nodes-vicidial-suite.vicidial', nodes.vicidial, 'lead', 'searchByPhone'],
		['n8n-nodes-vicidial-suite.vicidial', nodes.vicidial, 'lead', 'add'],
		['n8n-nodes-vicidial-suite.vicidialAgent', nodes.agent, 'session', 'pauseOrResume'],
	];
	for (const [type, node, resource, operation] of actionNodes) {
		const option = operationOption(node, resource, operation);
		const resourceName = optionsOf(node, 'resource').find((o) => o.value === resource)!.name;
		await checks.check(
			`canvas: the ${resourceName} → ${option.name} node's subtitle uses display names`,
			async () => {
				const onCanvas = shown.find((n) => n.type === type && n.name === option.action);
				expect(
					onCanvas !== undefined,
					`no node "${option.action}" on the canvas: ${JSON.stringify(shown.map((n) => n.name))}`,
				);
				const subtitle = onCanvas!.lines.slice(1).join(' ');
				expect(
					!subtitle.includes(`${operation}: ${resource}`) &&
						!new RegExp(`\\b${operation}\\b`).test(subtitle),
					`the subtitle is ${JSON.stringify(subtitle)}`,
				);
				expect(
					subtitle.toLowerCase().includes(String(option.name).toLowerCase()),
					`the subtitle ${JSON.stringify(subtitle)} does not name "${option.name}"`,
				);
				return onCanvas!.subtitleCut
					? `${subtitle}; note: the canvas cuts it with an ellipsis`
					: subtitle;
			},
		);
	}
	await checks.check(
		"canvas: every VICIdial node's default name is shown whole (n8n cuts a name after two lines)",
		async () => {
			const labels = await page.$$eval(tid('canvas-node'), (els) =>
				(
					els as unknown as Array<{
						getAttribute(n: string): string | null;
						querySelector(s: string): { scrollHeight: number; clientHeight: number } | null;
					}>
				)
					.filter((e) =>
						(e.getAttribute('data-node-type') ?? '').startsWith('n8n-nodes-vicidial-suite.'),
					)
					.map((e) => {
						const label = e.querySelector('[class*="_label_"]');
						return {
							name: e.getAttribute('data-node-name') ?? '',
							cut: label ? label.scrollHeight > label.clientHeight + 1 : true,
						};
					}),
			);
			expect(labels.length >= 5, `${labels.length} VICIdial nodes on the canvas`);
			const cut = labels.filter((l) => l.cut).map((l) => l.name);
			expect(cut.length === 0, `cut on the canvas: ${JSON.stringify(cut)}`);
			return labels.map((l) => l.name).join(', ');
		},
	);
	const triggers: Array<[string, BuiltNodes[keyof BuiltNodes], string]> = [
		['n8n-nodes-vicidial-suite.vicidialTrigger', nodes.pollTrigger, 'leadStatus'],
		['n8n-nodes-vicidial-suite.vicidialCallEventTrigger', nodes.callEventTrigger, 'dispo'],
	];
	for (const [type, node, event] of triggers) {
		const option = optionsOf(node, 'event').find((o) => o.value === event)!;
		await checks.check(
			`canvas: the ${node.displayName}'s subtitle is the event's name ("${option.name}"), not its value`,
			async () => {
				const onCanvas = shown.find((n) => n.type === type);
				expect(onCanvas !== undefined, `no ${node.displayName} on the canvas`);
				const subtitle = onCanvas!.lines
					.slice(1)
					.filter((l) => !/^Execute/.test(l))
					.join(' ');
				expect(subtitle === option.name, `the subtitle is ${JSON.stringify(subtitle)}`);
			},
		);
	}
	await checks.check('the workflow is saved with the four VICIdial nodes', async () => {
		await page.keyboard.down('Control');
		await page.keyboard.press('KeyS');
		await page.keyboard.up('Control');
		await sleep(1500);
		const saved = await rest<{ nodes: Array<{ type: string }> }>(
			page,
			'GET',
			`${baseUrl}/rest/workflows/${workflowId}`,
		);
		const types = new Set(saved.nodes.map((n) => n.type));
		const ours = ['vicidial', 'vicidialAgent', 'vicidialTrigger', 'vicidialCallEventTrigger'].map(
			(t) => `n8n-nodes-vicidial-suite.${t}`,
		);
		const missing = ours.filter((t) => !types.has(t));
		expect(missing.length === 0, `the saved workflow lacks ${missing.join(', ')}`);
		return `${saved.nodes.length} nodes`;
	});
}

async function main(): Promise<void> {
	const started = Date.now();
	const say = (line: string) => console.log(`[test:editor] ${line}`);
	fs.rmSync(ARTIFACTS, { recursive: true, force: true });
	fs.mkdirSync(ARTIFACTS, { recursive: true });
	say(`screenshots: ${ARTIFACTS}`);

	const install = await ensureN8n(say);
	const packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'editor-pack-'));
	const n8n = await createN8n({ install, tarball: packThisBuild(packDir, say) });
	const simulatorPort = await freePort();
	const simulatorUrl = `http://127.0.0.1:${simulatorPort}`;
	const simulator = spawnTracked(
		process.execPath,
		[
			path.join(ROOT, 'scripts', 'run-ts.js'),
			path.join(ROOT, 'test', 'simulator', 'cli.ts'),
			'--port',
			String(simulatorPort),
		],
		{
			cwd: ROOT,
			env: process.env,
			logFile: path.join(ARTIFACTS, 'simulator.log'),
		},
	);
	let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
	let checks: Checks | undefined;
	let n8nLog = '';
	try {
		await waitForHttp(
			`${simulatorUrl}/vicidial/non_agent_api.php?function=version`,
			(_s, body) => body.includes('VERSION'),
			'the simulator',
			120_000,
		);
		const main = await n8n.start();
		n8nLog = main.logFile;
		// readiness comes a little before the editor's page is served
		await waitForHttp(
			`${main.url}/`,
			(status, body) => status === 200 && !body.includes('starting up'),
			'the editor',
			120_000,
		);
		say(
			`n8n ${install.version} at ${main.url}, simulator at ${simulatorUrl}, Chromium ${CHROMIUM}`,
		);
		const nodes = builtNodes();
		browser = await launchChromium();
		const page = await browser.browser.newPage();
		// generous: CI machines are shared, and n8n's editor bundle is large
		page.setDefaultNavigationTimeout(180_000);
		page.setDefaultTimeout(60_000);
		checks = new Checks(page);

		await ownerSetup(page, checks, main.url);
		let workflowId = '';
		await checks.check('a workflow is created', async () => {
			workflowId = await newWorkflow(page, main.url);
			return workflowId;
		});
		const sections: Array<[string, () => Promise<void>]> = [
			['the node panel', () => nodePanelChecks(page, checks!, nodes)],
			[
				'Lead → Search by Phone and the credential',
				() => searchByPhoneChecks(page, checks!, nodes, simulatorUrl),
			],
			['Lead → Add', () => leadAddChecks(page, checks!, nodes)],
			['the Agent node', () => agentChecks(page, checks!, nodes)],
			['the poll trigger', () => pollTriggerChecks(page, checks!, nodes)],
			['the Call Event Trigger', () => callEventTriggerChecks(page, checks!, nodes, main.url)],
			['the canvas', () => canvasChecks(page, checks!, nodes, main.url, workflowId)],
		];
		for (const [name, run] of sections) {
			// a step that broke is a failure of its own; the next part starts again from the canvas
			if (!(await checks.step(`walking through ${name}`, run))) await backToCanvas(page);
		}
	} finally {
		if (browser) {
			await browser.browser.close().catch(() => undefined);
			fs.rmSync(browser.profile, { recursive: true, force: true });
		}
		await stopTracked(simulator, 3000);
		if (n8nLog && fs.existsSync(n8nLog)) fs.copyFileSync(n8nLog, path.join(ARTIFACTS, 'n8n.log'));
		await n8n.stop();
		fs.rmSync(packDir, { recursive: true, force: true });
	}

	const failed = checks!.results.filter((r) => !r.ok);
	say(
		`${checks!.results.length - failed.length} of ${checks!.results.length} checks passed in ${Math.round((Date.now() - started) / 1000)} s; screenshots in ${ARTIFACTS}`,
	);
	for (const f of failed) say(`FAIL ${f.name}: ${f.detail}`);
	process.exitCode = failed.length ? 1 : 0;
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
