/**
 * One decimals policy on every page and in the documents (issue 18): the sample ward's pages,
 * rendered by the production build over HTTP, and the text of its proposal packet (PDF through
 * pdftotext, DOCX through its XML) must write areas in m² with one decimal, scores with three,
 * consistency ratios with three, and never repeat a unit the label already states.
 * The scanner (tests/support/number-policy.ts) is checked first on hand-written examples.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanPage, scanText, type Finding } from '../support/number-policy';
import { loginCookie } from '../support/server';
import { startSampleServer, type SampleServer } from '../helpers/server';

describe('the scanner', () => {
	it('finds doubled units, areas, scores and CR with the wrong decimals', () => {
		const kinds = (fs: Finding[]) => fs.map((f) => `${f.kind}:${f.text}`);
		expect(kinds(scanText('Diện tích sàn (m²): 607 m²'))).toEqual([
			'doubled-unit:(m²): 607 m²',
			'area:607 m²'
		]);
		expect(kinds(scanText('Diện tích sàn (m²): 607,0'))).toEqual([]);
		expect(kinds(scanText('gồm 1.836 m², 1.285,2 m² và 398,0 m²'))).toEqual(['area:1.836 m²']);
		// A rate per person is not an area.
		expect(kinds(scanText('6 m²/người; 6 m² / người'))).toEqual([]);
		expect(kinds(scanText('CR = 0,0885 và CR 0,09; CR: 0,089'))).toEqual([
			'cr:CR = 0,0885',
			'cr:CR 0,09'
		]);
		expect(kinds(scanText('0,62 (hạng 2) 0,809 (hạng 1)'))).toEqual(['score:0,62 (hạng 2)']);
	});

	it('reads table columns by their header', () => {
		const html =
			'<table><tr><th>Phòng</th><th>Diện tích (m²)</th><th>CR</th></tr>' +
			'<tr><td>1.01</td><td>96</td><td>0,05</td></tr>' +
			'<tr><td>1.02</td><td>29,5</td><td>0,050</td></tr></table>';
		expect(scanPage(html).map((f) => `${f.kind}:${f.text}`)).toEqual(['area:96', 'cr:0,05']);
	});
});

const WARD = 'binh-trung';
let sample: SampleServer | undefined;
const cookies: Record<string, string> = {};

type Who = 'editor' | 'viewer' | 'reviewer';

async function get(p: string, who: Who = 'editor'): Promise<Response> {
	const r = await fetch(sample!.base + p, { headers: { cookie: cookies[who] } });
	expect(r.status, p).toBe(200);
	return r;
}

/** The first link of `html` matching `re` (the sample's ids are not assumed). */
function firstLink(html: string, re: RegExp): string {
	const m = re.exec(html);
	if (!m) throw new Error(`no link ${re}`);
	return m[0];
}

/**
 * Findings left on purpose, each with its reason (remove an entry once its source is fixed).
 */
const KNOWN = [
	// A legal basis quoted from Decree 155/2025 (seed text, not a computed figure).
	'chuyên viên chính 20 m²'
];
const known = (f: Finding) => !KNOWN.some((k) => f.context.includes(k));

const show = (page: string, fs: Finding[]) =>
	fs.map((f) => `${page}: ${f.kind} «${f.text}» in «${f.context}»`).join('\n');

describe('the sample ward', () => {
	beforeAll(async () => {
		sample = await startSampleServer('numbers');
		cookies.editor = await loginCookie(sample.base, 'binhtrung.editor');
		cookies.reviewer = await loginCookie(sample.base, 'city.reviewer');
		cookies.viewer = await loginCookie(sample.base, 'binhtrung.viewer');
	}, 300_000);

	afterAll(() => sample?.close());

	it('writes every page with the policy decimals and no doubled unit', async () => {
		const w = `/w/${WARD}`;
		const facilities = await (await get(`${w}/facilities`)).text();
		const facility = firstLink(facilities, new RegExp(`${w}/facilities/\\d+(?=")`));
		const facilityHtml = await (await get(facility)).text();
		const building = firstLink(facilityHtml, new RegExp(`${facility}/buildings/\\d+(?=")`));
		const buildingHtml = await (await get(building)).text();
		const room = firstLink(buildingHtml, new RegExp(`${building}/rooms/\\d+(?=")`));
		const plans = await (await get(`${w}/plans`)).text();
		const plan = firstLink(plans, new RegExp(`${w}/plans/\\d+(?=")`));
		const proposals = await (await get(`${w}/proposals`)).text();
		const proposal = firstLink(proposals, new RegExp(`${w}/proposals/\\d+(?=")`));
		const review = await (await get('/review', 'reviewer')).text();
		const reviewed = firstLink(review, /\/review\/proposals\/\d+(?=")/);
		const pages: [string, Who][] = [
			[`${w}/facilities`, 'editor'],
			[facility, 'editor'],
			[building, 'editor'],
			[room, 'editor'],
			// A viewer reads the room's facts (the editor gets the form).
			[room, 'viewer'],
			[facility, 'viewer'],
			[building, 'viewer'],
			[`${w}/needs`, 'editor'],
			[`${w}/needs/details`, 'editor'],
			[`${w}/needs/staffing`, 'editor'],
			[`${w}/needs/organisation`, 'editor'],
			[`${w}/plans`, 'editor'],
			[plan, 'editor'],
			[`${w}/proposals`, 'editor'],
			[proposal, 'editor'],
			[`${w}/sites`, 'editor'],
			[`${w}/sites/weights`, 'editor'],
			[`${w}/sites/results`, 'editor'],
			['/review', 'reviewer'],
			[reviewed, 'reviewer'],
			['/review/portfolio', 'reviewer']
		];
		const findings: string[] = [];
		for (const [p, who] of pages) {
			const found = scanPage(await (await get(p, who)).text()).filter(known);
			if (found.length) findings.push(show(p, found));
		}
		expect(findings.join('\n')).toBe('');
	}, 120_000);

	it('writes the packet (PDF and DOCX) with the policy decimals and no doubled unit', async () => {
		const proposals = await (await get(`/w/${WARD}/proposals`)).text();
		const proposal = firstLink(proposals, new RegExp(`/w/${WARD}/proposals/\\d+(?=")`));
		const pdf = Buffer.from(await (await get(`${proposal}/packet.pdf`)).arrayBuffer());
		const pdfFile = path.join(sample!.dir, 'packet.pdf');
		fs.writeFileSync(pdfFile, pdf);
		const text = spawnSync('pdftotext', ['-enc', 'UTF-8', pdfFile, '-'], { encoding: 'utf8' });
		expect(text.status, text.stderr).toBe(0);
		// Words are spread over lines and page breaks; the scanner joins whitespace.
		const pdfFindings = scanText(text.stdout);
		expect(text.stdout).toMatch(/m²/);
		const docx = await JSZip.loadAsync(await (await get(`${proposal}/packet.docx`)).arrayBuffer());
		const xml = (await docx.file('word/document.xml')?.async('string')) ?? '';
		// Paragraphs and cells as separate runs of text.
		const docText = xml
			.replace(/<\/w:p>|<\/w:tc>/g, ' | ')
			.replace(/<[^>]+>/g, '')
			.replace(/&amp;/g, '&');
		const docxFindings = scanText(docText);
		expect(
			[
				show('packet.pdf', pdfFindings.filter(known)),
				show('packet.docx', docxFindings.filter(known))
			]
				.filter(Boolean)
				.join('\n')
		).toBe('');
	}, 120_000);
});
