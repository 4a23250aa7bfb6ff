/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * Debian's Chromium driven by puppeteer-core, and the few editor gestures the checks repeat.
 * Everything is found through n8n's data-test-id attributes or visible text, never through
 * positions or pixels.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';

/** The browser objects the page callbacks touch, typed as far as used (the project's lib has no DOM). */
export interface PageElement {
	innerText: string;
	checkVisibility(): boolean;
	closest(selector: string): PageElement | null;
	querySelector(selector: string): PageElement | null;
	parentElement: PageElement | null;
}
declare const document: { querySelector(selector: string): PageElement | null };
declare const localStorage: { getItem(key: string): string | null };

/** The trimmed visible text of an element, from inside the page. */
export const innerText = (e: unknown) => (e as PageElement).innerText.trim();

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A headless Chromium with a new empty profile; background services off (the machine has no internet). */
export async function launchChromium(): Promise<{ browser: Browser; profile: string }> {
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'vicidial-editor-profile-'));
	const browser = await puppeteer.launch({
		executablePath: CHROMIUM,
		headless: true,
		userDataDir: profile,
		defaultViewport: { width: 1440, height: 900 },
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--window-size=1440,900',
		],
	});
	return { browser, profile };
}

export const tid = (id: string) => `[data-test-id="${id}"]`;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The visible text of the first element matching `selector` ('' when there is none). */
export async function textOf(page: Page, selector: string): Promise<string> {
	return page.evaluate((s) => {
		const el = document.querySelector(s);
		return el ? el.innerText : '';
	}, selector);
}

/** The elements matching `selector` that are shown on screen. */
export async function visible(page: Page, selector: string): Promise<ElementHandle[]> {
	const all = await page.$$(selector);
	const shown: ElementHandle[] = [];
	for (const el of all)
		if (await el.evaluate((e) => (e as unknown as PageElement).checkVisibility()))
			shown.push(el as ElementHandle);
	return shown;
}

/** Clicks the shown element matching `selector` whose trimmed text is `text`, waiting for it. */
export async function clickText(
	page: Page,
	selector: string,
	text: string,
	timeout = 10_000,
): Promise<void> {
	const deadline = Date.now() + timeout;
	for (;;) {
		for (const el of await visible(page, selector)) {
			if ((await el.evaluate(innerText)) === text) {
				await el.scrollIntoView();
				await el.click();
				return;
			}
		}
		if (Date.now() > deadline) {
			const seen = await Promise.all(
				(await visible(page, selector)).map((e) => e.evaluate(innerText)),
			);
			throw new Error(`no "${text}" in ${selector}; shown: ${JSON.stringify(seen)}`);
		}
		await sleep(200);
	}
}

/** Waits until the page's visible text in `selector` satisfies `test`; returns that text. */
export async function waitForText(
	page: Page,
	selector: string,
	test: (text: string) => boolean,
	what: string,
	timeout = 15_000,
): Promise<string> {
	const deadline = Date.now() + timeout;
	let last = '';
	for (;;) {
		last = await textOf(page, selector);
		if (test(last)) return last;
		if (Date.now() > deadline)
			throw new Error(
				`waited ${timeout / 1000}s for ${what}; ${selector} shows: ${JSON.stringify(last.slice(0, 600))}`,
			);
		await sleep(250);
	}
}

/** Replaces the value of an input (n8n keeps what was there on a plain type). */
export async function replaceInput(page: Page, selector: string, value: string): Promise<void> {
	const input = await page.waitForSelector(selector, { visible: true });
	if (!input) throw new Error(`no ${selector}`);
	await input.click({ count: 3 });
	await page.keyboard.down('Control');
	await page.keyboard.press('KeyA');
	await page.keyboard.up('Control');
	await page.keyboard.press('Backspace');
	await input.type(value);
	// n8n takes a parameter's value after a short debounce
	await sleep(700);
}

/** n8n's REST API from inside the logged-in page (its cookie and browser-id header). */
export async function rest<T>(page: Page, method: string, url: string, body?: unknown): Promise<T> {
	return page.evaluate(
		async (m, u, b) => {
			const headers: Record<string, string> = { 'content-type': 'application/json' };
			const browserId = localStorage.getItem('n8n-browserId');
			if (browserId) headers['browser-id'] = browserId;
			const response = await fetch(u, {
				method: m,
				headers,
				body: b === undefined ? undefined : JSON.stringify(b),
			});
			const text = await response.text();
			if (!response.ok) throw new Error(`${m} ${u}: ${response.status} ${text.slice(0, 300)}`);
			return (JSON.parse(text) as { data: unknown }).data;
		},
		method,
		url,
		body,
	) as Promise<T>;
}
