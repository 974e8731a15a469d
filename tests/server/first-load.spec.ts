/**
 * Only the active language reaches the browser (issue 17): the JavaScript a page loads first
 * carries no message catalogue; the root layout fetches the user's language alone from
 * GET /lang/{locale}. Read from the production build (its manifest names the files the login
 * page preloads) and over HTTP from the built server.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en, vi } from '$lib/i18n/catalogues';
import { firstLoad, firstLoadFiles, firstLoadText, pageRoutes } from '../helpers/bundle';
import { reachableTexts } from '../helpers/page-chunks';
import { startSampleServer, type SampleServer } from '../helpers/server';

const root = path.resolve(import.meta.dirname, '..', '..');
const buildDir = path.join(root, process.env.TRUSO_BUILD_DIR || 'build');
let sample: SampleServer | undefined;

/** Messages long enough to be found only where the catalogue itself was bundled. */
const distinctive = (messages: Record<string, string>) =>
	Object.values(messages).filter((m) => m.length >= 25);
/** English messages that are not also Vietnamese ones (a few are the same in both). */
const englishOnly = () => {
	const viValues = new Set(Object.values(vi));
	return distinctive(en).filter((m) => !viValues.has(m));
};

beforeAll(async () => {
	sample = await startSampleServer('first-load');
}, 600_000);

afterAll(() => sample?.close());

describe('the login page first load', () => {
	it('carries no message of either catalogue in its JavaScript', () => {
		const text = firstLoadText(buildDir, '/login');
		// Before the change the catalogue chunk held every one of them (over 1,000 each).
		expect(distinctive(vi).length).toBeGreaterThan(500);
		expect(distinctive(vi).filter((m) => text.includes(JSON.stringify(m).slice(1, -1)))).toEqual(
			[]
		);
		expect(englishOnly().filter((m) => text.includes(JSON.stringify(m).slice(1, -1)))).toEqual([]);
	});

	it('and no other page loads a catalogue either', () => {
		const routes = pageRoutes(buildDir);
		expect(routes).toContain('/w/[ward]/facilities');
		const sample = distinctive(vi).slice(0, 50);
		const leaking = routes.filter((r) => {
			const text = firstLoadText(buildDir, r);
			return sample.filter((m) => text.includes(JSON.stringify(m).slice(1, -1))).length > 10;
		});
		// The proposal pages leaked until they imported $lib/packet/view instead of the index
		// (whose builders translate labels in both languages).
		expect(leaking).toEqual([]);
	});

	// `npm run build`: 91.0 KB gzip with both catalogues, 41.9 KB now (docs/benchmarks.md). The
	// build the tests make (vite under vitest's environment) is larger: 52.5 KB now.
	it('stays under 60 KB of gzip JavaScript', () => {
		const { gzip, files } = firstLoad(buildDir, '/login');
		expect(files.length).toBeGreaterThan(3);
		expect(gzip / 1024).toBeLessThan(60);
	});
});

describe('the proposal pages', () => {
	const found = (text: string, messages: string[]) =>
		messages.filter((m) => text.includes(JSON.stringify(m).slice(1, -1))).length;

	// Before $lib/packet/view, one chunk of each page (statically imported) held 655 of the
	// Vietnamese and 627 of the English-only messages; a few short matches in other chunks are
	// words of the page itself (at most 2 here), hence the threshold of 10.
	for (const route of ['/w/[ward]/proposals/[id=id]', '/review/proposals/[id=id]']) {
		it(`${route}: no chunk it can load (first load or later) carries a catalogue`, () => {
			const texts = reachableTexts(buildDir, route);
			expect(texts.size).toBeGreaterThanOrEqual(firstLoadFiles(buildDir, route).length);
			const catalogues = [...texts]
				.map(([file, text]) => ({
					file,
					vi: found(text, distinctive(vi)),
					en: found(text, englishOnly())
				}))
				.filter((c) => c.vi > 10 || c.en > 10);
			expect(catalogues).toEqual([]);
		});
	}
});

describe('GET /lang/{locale}', () => {
	const version = () =>
		(
			JSON.parse(
				fs.readFileSync(path.join(buildDir, 'client', '_app', 'version.json'), 'utf8')
			) as { version: string }
		).version;

	it('sends the Vietnamese messages alone, kept a year for the current build', async () => {
		const res = await fetch(`${sample!.base}/lang/vi?v=${encodeURIComponent(version())}`);
		expect(res.status).toBe(200);
		expect(res.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
		const body = await res.text();
		const messages = JSON.parse(body) as Record<string, string>;
		// Every message is the Vietnamese one (keys added since the build aside).
		const shared = Object.keys(messages).filter((k) => k in vi);
		expect(shared.length).toBeGreaterThan(Object.keys(vi).length - 20);
		expect(shared.filter((k) => messages[k] !== vi[k as keyof typeof vi])).toEqual([]);
		expect(messages['common.saving']).toBe('Đang lưu…');
		expect(englishOnly().filter((m) => body.includes(JSON.stringify(m).slice(1, -1)))).toEqual([]);
	});

	it('sends English on request and revalidates an old build’s address', async () => {
		const res = await fetch(`${sample!.base}/lang/en?v=old`);
		expect(res.status).toBe(200);
		expect(res.headers.get('cache-control')).toBe('private, no-cache');
		const messages = (await res.json()) as Record<string, string>;
		expect(messages['common.saving']).toBe('Saving…');
		expect(messages['login.title']).toBe(en['login.title']);
	});

	it('answers 404 for a language it does not have', async () => {
		expect((await fetch(`${sample!.base}/lang/fr`)).status).toBe(404);
	});

	it('serves the login page in the cookie’s language, server-rendered', async () => {
		const viPage = await (await fetch(`${sample!.base}/login`)).text();
		expect(viPage).toContain(`<html lang="vi"`);
		expect(viPage).toContain(vi['login.title']);
		const enPage = await (
			await fetch(`${sample!.base}/login`, { headers: { cookie: 'truso_lang=en' } })
		).text();
		expect(enPage).toContain(en['login.title']);
		expect(enPage).not.toContain(vi['login.submit']);
	});
});
