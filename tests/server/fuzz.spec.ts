/**
 * Property-based fuzzing (fast-check) of every form action and every endpoint, on the
 * production build over HTTP, with random and hostile payloads: wrong types, huge strings,
 * unicode edge cases, negative/NaN/Infinity numbers, SQL and HTML/script fragments, broken
 * GeoJSON, CSV files in wrong encodings or with formulas, hostile route parameters.
 *
 * The targets are read from src/routes (every `export const actions` key of a
 * +page.server.ts, every method of a +server.ts), so a new route is fuzzed automatically.
 * Each form starts from the real form of its page (scraped from the rendered HTML, so most
 * fields are valid and the hostile ones reach the service code) with a few fields replaced.
 *
 * Properties: never a 5xx; a 2xx/3xx/4xx answer; a 400 page shows a message; a 4xx JSON
 * answer has { error: { code, message } }; no page ever contains the hostile markup unescaped
 * (checked on every answer and, after the run, on every page and export).
 *
 * Bounded for CI: a fixed seed and FUZZ_RUNS (default 10) runs per target; raise it locally,
 * e.g. FUZZ_RUNS=200 FUZZ_SEED=7 npx vitest run tests/server/fuzz.spec.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import ts from 'typescript';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { startSampleServer, type SampleServer } from '../helpers/server';
import { loginCookie } from '../support/server';

const RUNS = Math.max(1, Number(process.env.FUZZ_RUNS) || 10);
const SEED = Number(process.env.FUZZ_SEED) || 20250808;
const ROUTES_DIR = path.resolve('src/routes');

// ---------------------------------------------------------------------------------------------
// The targets, read from the filesystem
// ---------------------------------------------------------------------------------------------

interface Target {
	routeId: string;
	file: string;
	kind: 'action' | 'endpoint';
	/** The action name ('default' for the default action) or the HTTP method. */
	name: string;
}

function routeIdOf(dir: string): string {
	const rel = path.relative(ROUTES_DIR, dir).split(path.sep).filter(Boolean);
	return '/' + rel.filter((s) => !/^\(.+\)$/.test(s)).join('/');
}

function walk(dir: string, out: string[] = []): string[] {
	for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, e.name);
		if (e.isDirectory()) walk(full, out);
		else out.push(full);
	}
	return out;
}

/** The keys of `export const actions = { … }` (TypeScript's own parser, so any style counts). */
function actionNames(file: string): string[] {
	const src = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
	const names: string[] = [];
	for (const st of src.statements) {
		if (!ts.isVariableStatement(st)) continue;
		if (!st.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
		for (const d of st.declarationList.declarations) {
			if (!ts.isIdentifier(d.name) || d.name.text !== 'actions' || !d.initializer) continue;
			let init: ts.Expression = d.initializer;
			while (ts.isSatisfiesExpression(init) || ts.isAsExpression(init)) init = init.expression;
			if (!ts.isObjectLiteralExpression(init)) throw new Error(`${file}: actions not a literal`);
			for (const p of init.properties) {
				if (p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) {
					names.push(p.name.text);
				} else throw new Error(`${file}: an action whose name cannot be read`);
			}
		}
	}
	return names;
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** The HTTP methods a +server.ts exports (const, function or `export { x as GET }`). */
function endpointMethods(file: string): string[] {
	const src = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
	const found = new Set<string>();
	for (const st of src.statements) {
		const exported = ts.canHaveModifiers(st)
			? ts.getModifiers(st)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
			: false;
		if (ts.isVariableStatement(st) && exported) {
			for (const d of st.declarationList.declarations) {
				if (ts.isIdentifier(d.name)) found.add(d.name.text);
			}
		}
		if (ts.isFunctionDeclaration(st) && exported && st.name) found.add(st.name.text);
		if (ts.isExportDeclaration(st) && st.exportClause && ts.isNamedExports(st.exportClause)) {
			for (const el of st.exportClause.elements) found.add(el.name.text);
		}
	}
	return METHODS.filter((m) => found.has(m) || (m !== 'GET' && found.has('fallback')));
}

function discoverTargets(): Target[] {
	const targets: Target[] = [];
	for (const file of walk(ROUTES_DIR).sort()) {
		const base = path.basename(file);
		const routeId = routeIdOf(path.dirname(file));
		if (base === '+page.server.ts') {
			for (const name of actionNames(file)) targets.push({ routeId, file, kind: 'action', name });
		}
		if (base === '+server.ts') {
			for (const name of endpointMethods(file)) {
				targets.push({ routeId, file, kind: 'endpoint', name });
			}
		}
	}
	return targets;
}

/** Page routes (for the final escaping check and for scraping the forms). */
function pageRouteIds(): string[] {
	return walk(ROUTES_DIR)
		.filter((f) => path.basename(f) === '+page.svelte')
		.map((f) => routeIdOf(path.dirname(f)))
		.sort();
}

/** Field names a route's source reads or renders (used when its form is not on the page). */
function sourceFieldNames(target: Target): string[] {
	const dir = path.dirname(target.file);
	const names = new Set<string>();
	const files = [target.file, ...fs.readdirSync(dir).map((f) => path.join(dir, f))];
	// Components next to the page or one level up (e.g. sites/SiteForm.svelte).
	const parent = path.dirname(dir);
	if (parent.startsWith(ROUTES_DIR)) {
		for (const f of fs.readdirSync(parent)) {
			if (/^[A-Z].*\.svelte$/.test(f)) files.push(path.join(parent, f));
		}
	}
	for (const f of files) {
		if (!fs.statSync(f).isFile()) continue;
		const text = fs.readFileSync(f, 'utf8');
		for (const m of text.matchAll(/\.get(?:All)?\(\s*['"]([^'"]+)['"]\s*\)/g)) names.add(m[1]);
		if (f.endsWith('.svelte')) {
			for (const m of text.matchAll(/\bname=["']([\w.[\]-]+)["']/g)) names.add(m[1]);
		}
	}
	return [...names];
}

// ---------------------------------------------------------------------------------------------
// Hostile values
// ---------------------------------------------------------------------------------------------

const HUGE = 'Đ'.repeat(100_000);
const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(1)>';
const SVG_ONLOAD = '<svg onload=alert(1)>';
const JS_URL = 'javascript:alert(1)';
/** Markup that must never come back unescaped in a page. */
const RAW_MARKERS = [SCRIPT, IMG, SVG_ONLOAD, '<iframe src=x>', '"><b>x</b>'];

const HOSTILE_TEXT = [
	'',
	' ',
	'\t\n\r',
	HUGE,
	'x'.repeat(5001),
	SCRIPT,
	IMG,
	SVG_ONLOAD,
	'<iframe src=x>',
	'"><b>x</b>',
	JS_URL,
	'JaVaScRiPt:alert(1)',
	' javascript:alert(1)',
	"' OR 1=1 --",
	"'; DROP TABLE facilities; --",
	'" OR ""="',
	'1; SELECT * FROM users',
	'%',
	'_',
	'\\',
	'../../../../etc/passwd',
	'${7*7}{{7*7}}',
	'__proto__',
	'constructor',
	'null',
	'undefined',
	'true',
	'[]',
	'{}',
	'\u0000',
	'a\u0000b',
	'\u202eRTL override\u202c',
	'\u200b\u200c\u200d\ufeff',
	'\ud800',
	'a\udc00b',
	'😀👨‍👩‍👧‍👦🏳️‍🌈',
	'e\u0301\u0301\u0301\u0301\u0301\u0301\u0301',
	'Phường Bình Trưng'.normalize('NFD'),
	'Trụ sở Ủy ban nhân dân',
	'ﷺ',
	'\u0085\u2028\u2029',
	'=HYPERLINK("http://evil.example","x")',
	"+cmd|' /C calc'!A0",
	'@SUM(1+1)',
	'-1+1',
	'=1+1',
	'\t=1',
	'\r=1'
];

const HOSTILE_NUMBERS = [
	'0',
	'-0',
	'-1',
	'-999999',
	'1',
	'2',
	'NaN',
	'nan',
	'Infinity',
	'-Infinity',
	'1e308',
	'-1e308',
	'1e309',
	'5e-324',
	'1e-320',
	'9007199254740993',
	'99999999999999999999999',
	'0x10',
	'0b1',
	'1_000',
	'1,5',
	'1.234,5',
	'1.234.567,89',
	'1,2,3',
	' 12 ',
	'12abc',
	'٣',
	'１２',
	'+5',
	'.5',
	'5.',
	'1e',
	'2024-02-30',
	'2024-13-01',
	'9999-12-31',
	'0000-00-00',
	'on',
	'off'
];

const ring = (pts: number[][]) => JSON.stringify(pts);
const polygon = (rings: string) => `{"type":"Polygon","coordinates":[${rings}]}`;
const HOSTILE_GEOJSON = [
	// A bow tie (self-intersecting).
	polygon(
		ring([
			[106.76, 10.79],
			[106.77, 10.8],
			[106.77, 10.79],
			[106.76, 10.8],
			[106.76, 10.79]
		])
	),
	// Unclosed ring, too few points.
	polygon(
		ring([
			[106.76, 10.79],
			[106.77, 10.8],
			[106.77, 10.79]
		])
	),
	polygon(
		ring([
			[106.76, 10.79],
			[106.77, 10.8]
		])
	),
	polygon(''),
	// Latitude and longitude swapped.
	polygon(
		ring([
			[10.79, 106.76],
			[10.8, 106.77],
			[10.79, 106.77],
			[10.79, 106.76]
		])
	),
	// Huge and out-of-range coordinates.
	polygon(
		ring([
			[1e308, 1e308],
			[-1e308, 1e308],
			[1e308, -1e308],
			[1e308, 1e308]
		])
	),
	polygon(
		ring([
			[500, 95],
			[600, 95],
			[600, -95],
			[500, 95]
		])
	),
	'{"type":"Polygon","coordinates":[[["a","b"],["c","d"],["e","f"],["a","b"]]]}',
	'{"type":"Polygon","coordinates":null}',
	'{"type":"Polygon","coordinates":[[[[[[[[1]]]]]]]]}',
	'{"type":"Polygon"}',
	'{"type":"Point","coordinates":[106.76,10.79]}',
	'{"type":"MultiPolygon","coordinates":[[]]}',
	'{"type":"GeometryCollection","geometries":[]}',
	'{"type":"FeatureCollection","features":[]}',
	'{"type":"FeatureCollection","features":[{"type":"Feature","geometry":null,"properties":{"name":"<script>alert(1)</script>","code":"=1+1"}}]}',
	'{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[106.76,10.79],[106.77,10.8],[106.77,10.79],[106.76,10.8],[106.76,10.79]]]},"properties":{"code":"S-<img src=x onerror=alert(1)>","name":"=HYPERLINK(\\"x\\")","areaM2":-5}}]}',
	'{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[106.76,10.79],[106.77,10.79],[106.77,10.8],[106.76,10.79]]]},"properties":null}',
	'{"__proto__":{"polluted":true},"type":"Polygon","coordinates":[]}',
	'{"type":"Polygon","coordinates":[[[106.76,10.79],[106.77,10.79],[106.77,10.8],[106.76,10.79]]]',
	'[1,2,3]',
	'"string"',
	'1e999',
	'{' + '"a":{'.repeat(2000) + '}'.repeat(2001),
	polygon(
		ring(
			Array.from({ length: 20_000 }, (_, i) => [
				106.7 + Math.cos(i) / 100,
				10.8 + Math.sin(i * 1.7) / 100
			]).concat([[106.7 + 1 / 100, 10.8]])
		)
	)
];

/** A file part. */
interface FilePart {
	file: { name: string; type: string; bytes: Uint8Array };
}
type Value = string | Uint8Array | FilePart;

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const bytes = (...parts: (string | number[] | Uint8Array)[]) =>
	new Uint8Array(
		Buffer.concat(
			parts.map((p) =>
				typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p as Uint8Array)
			)
		)
	);

/** Raw byte values (sent as they are): invalid UTF-8, overlong encodings, Latin-1. */
const RAW_BYTES: Uint8Array[] = [
	new Uint8Array([0xff, 0xfe, 0xfd]),
	new Uint8Array([0xc0, 0xaf]),
	new Uint8Array([0xed, 0xa0, 0x80]),
	new Uint8Array([0x50, 0x68, 0xec, 0x6e, 0x67]), // 'Phìng' in Latin-1
	new Uint8Array([0x00, 0x00, 0x00])
];

const FACILITY_HEADER = 'code,name,kind,address,lat,lng,legal_status,notes';
const ROOM_HEADER =
	'facility_code,building_code,room_code,name,level,type,area_m2,org_unit,occupants,notes';
const SITE_HEADER = 'code,name,address,lat,lng,area_m2,ownership,notes';

function csvFiles(): FilePart[] {
	const rows = [
		'F-1,=HYPERLINK("http://evil.example"),office,"+cmd|\' /C calc\'!A0",10.79,106.76,unknown,@SUM(1+1)',
		'R-1,<script>alert(1)</script>,-1+1,x,NaN,Infinity,x,"a\nb"',
		'\'=1+1,Bình Trưng,office,,1e308,-1e308,unknown,""""',
		',,,,,,,',
		'a,b'
	];
	const body = (header: string) => [header, ...rows].join('\r\n');
	const f = (name: string, type: string, b: Uint8Array): FilePart => ({
		file: { name, type, bytes: b }
	});
	// Windows-1258 bytes of "Phường Bình Trưng" (ư = 0xFD, ờ = 0xF5 + 0xEC tone, ì = 0xEC).
	const cp1258 = new Uint8Array([
		0x50, 0x68, 0xfd, 0xf5, 0x6e, 0x67, 0x20, 0x42, 0xec, 0x6e, 0x68, 0x20, 0x54, 0x72, 0xfd, 0x6e,
		0x67
	]);
	const utf16le = (s: string) => new Uint8Array([0xff, 0xfe, ...Buffer.from(s, 'utf16le')]);
	const utf16be = (s: string) =>
		new Uint8Array([0xfe, 0xff, ...Buffer.from(s, 'utf16le').swap16()]);
	return [
		f('facilities.csv', 'text/csv', utf8(body(FACILITY_HEADER))),
		f('rooms.csv', 'text/csv', utf8(body(ROOM_HEADER))),
		f('sites.csv', 'text/csv', utf8(body(SITE_HEADER))),
		f('bom.csv', 'text/csv', bytes([0xef, 0xbb, 0xbf], body(FACILITY_HEADER))),
		f('double-bom.csv', 'text/csv', bytes([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], body(ROOM_HEADER))),
		f('utf16le.csv', 'text/csv', utf16le(body(FACILITY_HEADER))),
		f('utf16be.csv', 'text/csv', utf16be(body(ROOM_HEADER))),
		f('cp1258.csv', 'text/csv', bytes(SITE_HEADER + '\r\nS-1,', cp1258, ',,10.79,106.76,100,,')),
		f('latin1.csv', 'text/csv', new Uint8Array(Buffer.from(body(FACILITY_HEADER), 'latin1'))),
		f('nul.csv', 'text/csv', bytes(FACILITY_HEADER, [0, 0, 0], '\n', [0xff, 0xfe, 0x00])),
		f('semicolon.csv', 'text/csv', utf8(FACILITY_HEADER.replaceAll(',', ';') + '\nF-9;X;office')),
		f('empty.csv', 'text/csv', new Uint8Array(0)),
		f('header-only.csv', 'text/csv', utf8(ROOM_HEADER)),
		f(
			'many.csv',
			'text/csv',
			utf8([ROOM_HEADER, ...Array(5000).fill('F,B,R,x,1,office,10,,1,')].join('\n'))
		),
		f(
			'wide.csv',
			'text/csv',
			utf8(Array(3000).fill('c').join(',') + '\n' + Array(3000).fill('=1').join(','))
		),
		f('quotes.csv', 'text/csv', utf8(FACILITY_HEADER + '\n"unterminated,x\n"""",,"')),
		f(
			'fake.xlsx',
			'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			utf8(body(FACILITY_HEADER))
		),
		f('fake.xlsx', 'application/zip', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5])),
		f('sites.geojson', 'application/geo+json', utf8(HOSTILE_GEOJSON[16])),
		f('sites.json', 'application/json', utf8(HOSTILE_GEOJSON[0])),
		f('broken.geojson', 'application/geo+json', utf8('{"type":"FeatureCollection","features":[')),
		f('../../../etc/passwd', 'text/plain', utf8('root:x:0:0')),
		f('<script>alert(1)</script>.csv', 'text/csv', utf8(body(FACILITY_HEADER))),
		f('x'.repeat(300) + '.csv', 'text/csv', utf8(body(ROOM_HEADER)))
	];
}

function imageFiles(): FilePart[] {
	const f = (name: string, type: string, b: Uint8Array): FilePart => ({
		file: { name, type, bytes: b }
	});
	return [
		f('photo.jpg', 'image/jpeg', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])),
		f(
			'photo.png',
			'image/png',
			new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])
		),
		f(
			'x.svg',
			'image/svg+xml',
			utf8(
				'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>'
			)
		),
		f('x.html', 'text/html', utf8(`<html><body>${SCRIPT}</body></html>`)),
		f('x.jpg', 'image/jpeg', utf8(`<html><body>${SCRIPT}</body></html>`)),
		f(`${IMG}.jpg`, 'image/jpeg', new Uint8Array(2048).fill(7)),
		f('', 'application/octet-stream', new Uint8Array(16))
	];
}

// ---------------------------------------------------------------------------------------------
// The server, the callers and the real ids
// ---------------------------------------------------------------------------------------------

let sample: SampleServer | undefined;
let base = '';
let dbFile = '';
const cookies: Record<'editor' | 'admin' | 'reviewer' | 'viewer' | 'ankhanh', string> = {
	editor: '',
	admin: '',
	reviewer: '',
	viewer: '',
	ankhanh: ''
};
const WARD = 'binh-trung';

/** Real values per route parameter, looked up in the database. */
const real = {
	facility: [] as string[],
	building: [] as [string, string][],
	room: [] as [string, string, string][],
	site: [] as string[],
	plan: [] as string[],
	proposal: [] as string[],
	submittedProposal: [] as string[],
	version: [] as [string, string][],
	run: [] as string[],
	photo: [] as string[],
	norm: [] as string[],
	viewerId: '',
	otherWardId: '',
	otherIds: [] as string[]
};

/** The form a page renders for each action: `${path}?/${action}` → fields. */
const scraped = new Map<string, { fields: [string, string][]; files: string[] }>();

function readIds() {
	const db = new Database(dbFile, { readonly: true });
	const all = <T>(sql: string, ...p: unknown[]) => db.prepare(sql).all(...p) as T[];
	const one = <T>(sql: string, ...p: unknown[]) => db.prepare(sql).get(...p) as T;
	const ward = one<{ id: number }>('select id from wards where code = ?', WARD).id;
	const s = (x: unknown) => String(x);
	real.facility = all<{ id: number }>(
		'select id from facilities where ward_id = ? order by id desc',
		ward
	).map((r) => s(r.id));
	real.building = all<{ f: number; b: number }>(
		'select f.id f, b.id b from buildings b join facilities f on f.id = b.facility_id where f.ward_id = ? order by b.id desc',
		ward
	).map((r) => [s(r.f), s(r.b)]);
	real.room = all<{ f: number; b: number; r: number }>(
		`select f.id f, b.id b, r.id r from rooms r join buildings b on b.id = r.building_id
		 join facilities f on f.id = b.facility_id where f.ward_id = ? order by r.id desc limit 20`,
		ward
	).map((r) => [s(r.f), s(r.b), s(r.r)]);
	real.site = all<{ id: number }>(
		'select id from sites where ward_id = ? order by id desc',
		ward
	).map((r) => s(r.id));
	real.plan = all<{ id: number }>(
		'select id from scenarios where ward_id = ? order by id desc',
		ward
	).map((r) => s(r.id));
	real.proposal = all<{ id: number }>(
		'select id from proposals where ward_id = ? order by id desc',
		ward
	).map((r) => s(r.id));
	real.submittedProposal = all<{ id: number }>(
		"select id from proposals where status <> 'draft'"
	).map((r) => s(r.id));
	real.version = all<{ p: number; n: number }>(
		'select proposal_id p, number n from proposal_versions'
	).map((r) => [s(r.p), s(r.n)]);
	real.run = all<{ id: number }>(
		'select id from scoring_runs where ward_id = ? order by id desc',
		ward
	).map((r) => s(r.id));
	real.photo = all<{ id: number }>(
		'select id from photos where ward_id = ? order by id desc',
		ward
	).map((r) => s(r.id));
	real.norm = all<{ id: number }>('select id from norm_sets').map((r) => s(r.id));
	real.viewerId = s(
		one<{ id: number }>("select id from users where username = 'binhtrung.viewer'").id
	);
	real.otherWardId = s(
		one<{ id: number }>('select id from wards where code <> ? order by id limit 1', WARD).id
	);
	// Ids of another ward's rows (to put into hidden id fields).
	real.otherIds = all<{ id: number }>(
		`select id from facilities where ward_id <> ? union select id from sites where ward_id <> ?
		 union select r.id from rooms r join buildings b on b.id = r.building_id
		 join facilities f on f.id = b.facility_id where f.ward_id <> ? limit 20`,
		ward,
		ward,
		ward
	).map((r) => s(r.id));
	db.close();
}

/** The accounts and ward codes as seeded (the fuzzing may disable, reset or rename them). */
let accountsSnapshot: Record<string, unknown>[] = [];
let wardsSnapshot: { id: number; code: string }[] = [];

function snapshotAccounts() {
	const db = new Database(dbFile, { readonly: true });
	accountsSnapshot = db
		.prepare('select id, username, password_hash, role, ward_id, disabled from users')
		.all() as Record<string, unknown>[];
	wardsSnapshot = db.prepare('select id, code from wards').all() as typeof wardsSnapshot;
	db.close();
}

/** Puts the accounts back, clears the login throttle and signs everybody in again. */
async function restoreAccounts() {
	const db = new Database(dbFile);
	db.pragma('busy_timeout = 5000');
	db.transaction(() => {
		for (const w of wardsSnapshot) {
			db.prepare('update wards set code = ? where id = ?').run(w.code + '.tmp', w.id);
		}
		for (const w of wardsSnapshot) {
			db.prepare('update wards set code = ? where id = ?').run(w.code, w.id);
		}
		for (const u of accountsSnapshot) {
			db.prepare('update users set username = ? where id = ?').run(
				`${String(u.username)}.tmp`,
				u.id
			);
		}
		for (const u of accountsSnapshot) {
			db.prepare(
				'update users set username = @username, password_hash = @password_hash, role = @role, ward_id = @ward_id, disabled = @disabled where id = @id'
			).run(u);
		}
		db.prepare('delete from login_attempts').run();
	})();
	db.close();
	await signIn();
}

async function signIn() {
	cookies.editor = await loginCookie(base, 'binhtrung.editor');
	cookies.admin = await loginCookie(base, 'admin');
	cookies.reviewer = await loginCookie(base, 'city.reviewer');
	cookies.viewer = await loginCookie(base, 'binhtrung.viewer');
	cookies.ankhanh = await loginCookie(base, 'ankhanh.editor');
}

const pick = <T>(xs: T[], fallback: T): T => (xs.length ? xs[0] : fallback);

/** The real parameters of a route (a consistent facility/building/room chain). */
function realParams(routeId: string, variant = 0): Record<string, string> {
	const params: Record<string, string> = {};
	const room = real.room[variant % Math.max(1, real.room.length)] ?? ['1', '1', '1'];
	const segs = routeId.split('/');
	for (let i = 0; i < segs.length; i++) {
		const m = /\[(?:\.\.\.)?([^\]=]+)(?:=[^\]]+)?\]/.exec(segs[i]);
		if (!m) continue;
		const name = m[1];
		const prev = segs[i - 1] ?? '';
		const at = <T>(xs: T[], fb: T) => (xs.length ? xs[variant % xs.length] : fb);
		let v = '1';
		if (name === 'ward' || name === 'code') v = WARD;
		else if (name === 'bid') v = room[1];
		else if (name === 'rid') v = room[2];
		else if (name === 'file') {
			v = at(['rooms.csv', 'facilities.csv', 'rooms.xlsx', 'facilities.xlsx'], '');
		} else if (name === 'format') {
			// The move list comes as XLSX (or PDF, not read here); the other lists as CSV or XLSX.
			v = segs[i].startsWith('moves.') ? 'xlsx' : at(['csv', 'xlsx'], 'csv');
		} else if (name === 'ext') v = at(['pdf', 'docx', 'xlsx', 'zip'], 'pdf');
		else if (name === 'variant') v = at(['thumb', 'full'], 'thumb');
		else if (name === 'n') v = pick(real.version, ['1', '1'])[1];
		else if (name === 'id') {
			if (prev === 'facilities') {
				v = routeId.includes('/buildings/') ? room[0] : at(real.facility, '1');
			} else if (prev === 'sites') v = at(real.site, '1');
			else if (prev === 'plans') v = at(real.plan, '1');
			else if (prev === 'runs' || prev === 'scoring-runs') v = at(real.run, '1');
			else if (prev === 'photos') v = at(real.photo, '1');
			else if (prev === 'norms') v = at(real.norm, '1');
			else if (prev === 'users') v = real.viewerId;
			else if (prev === 'wards') v = real.otherWardId;
			else if (prev === 'proposals' && routeId.startsWith('/review/')) {
				v = at(real.submittedProposal, '1');
			} else if (prev === 'proposals' && routeId.startsWith('/api/v1/proposals/')) {
				v = pick(real.version, ['1', '1'])[0];
			} else if (prev === 'proposals') v = at(real.proposal, '1');
		}
		params[name] = v;
	}
	return params;
}

function routePath(routeId: string, params: Record<string, string>): string {
	return routeId.replace(/\[(?:\.\.\.)?([^\]=]+)(?:=[^\]]+)?\]/g, (_, name: string) => {
		const v = params[name] ?? '1';
		try {
			return encodeURIComponent(v);
		} catch {
			return encodeURIComponent(v.replace(/[\ud800-\udfff]/g, '\ufffd'));
		}
	});
}

const HOSTILE_PARAMS = [
	'0',
	'-1',
	'1.5',
	'1e3',
	'NaN',
	'Infinity',
	'99999999999999999999',
	'0x1',
	' 1',
	'an-khanh',
	'BINH-TRUNG',
	'no-such-ward',
	'..',
	'%2e%2e',
	'a/b',
	"' OR 1=1 --",
	SCRIPT,
	'\u0000',
	'😀',
	'x'.repeat(2000),
	'rooms.exe',
	'.csv',
	'thumb.jpg',
	'xlsx ',
	'pdf'
];

/** Who calls a route: the ward's editor, an admin, the city's reviewer, or nobody. */
function callerOf(routeId: string): string {
	if (routeId.startsWith('/admin')) return cookies.admin;
	if (routeId.startsWith('/review')) return cookies.reviewer;
	if (routeId === '/login' || routeId === '/lang' || routeId === '/health' || routeId === '/help') {
		return '';
	}
	if (routeId === '/logout') return cookies.ankhanh;
	if (routeId === '/account' || routeId === '/notifications') return cookies.reviewer;
	return cookies.editor;
}

// ---------------------------------------------------------------------------------------------
// Scraping the forms of the pages
// ---------------------------------------------------------------------------------------------

const unescape = (s: string) =>
	s
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
		.replace(/&amp;/g, '&');

const attr = (tag: string, name: string): string | undefined => {
	const m = new RegExp(`\\s${name}(?:="([^"]*)"|='([^']*)'|(?=[\\s/>]))`, 'i').exec(tag);
	if (!m) return undefined;
	return unescape(m[1] ?? m[2] ?? '');
};

let filled = 0;

/** A plausible value for an empty required field, so the form can succeed. */
function plausible(attrs: string, type: string): string {
	if (type === 'password') return 'Fuzz-Passw0rd-2025!';
	if (type === 'number' || /decimal|numeric/.test(attr(attrs, 'inputmode') ?? '')) {
		return attr(attrs, 'min') ?? '1';
	}
	if (type === 'date') return '2025-07-01';
	if (type === 'email') return `fz${++filled}@example.com`;
	return `fz${++filled}`;
}

/**
 * The successful controls of one form, in document order, as a browser would send them with
 * `submitter` (a submit button's tag, or null): text-like inputs (hidden, number, date, …) with
 * their value, checked checkboxes and radios, every selected option of a select (the first
 * enabled option when none is selected and the select is single), textareas with their text,
 * file inputs (listed apart), disabled controls left out. A tokenizer over the tags (a regex
 * per element would run from an input to the next </select> and swallow what lies between).
 */
function formControls(
	inner: string,
	submitter: string | null
): { fields: [string, string][]; files: string[] } {
	const fields: [string, string][] = [];
	const files: string[] = [];
	const tags = /<(input|select|textarea|button)\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;
	let m: RegExpExecArray | null;
	while ((m = tags.exec(inner))) {
		const [whole, tagName, attrs] = m;
		const t = tagName.toLowerCase();
		const after = m.index + whole.length;
		let content = '';
		if (t === 'select' || t === 'textarea') {
			const end = inner.toLowerCase().indexOf(`</${t}>`, after);
			content = inner.slice(after, end < 0 ? inner.length : end);
			tags.lastIndex = end < 0 ? inner.length : end;
		}
		const name = attr(attrs, 'name');
		if (!name || attr(attrs, 'disabled') !== undefined) continue;
		const type = (attr(attrs, 'type') ?? (t === 'button' ? 'submit' : 'text')).toLowerCase();
		if (t === 'select') {
			const options = [
				...content.matchAll(/<option\b((?:[^>"']|"[^"]*"|'[^']*')*)>([^<]*)/gi)
			].filter((o) => attr(o[1], 'disabled') === undefined);
			const value = (o: RegExpMatchArray) => attr(o[1], 'value') ?? unescape(o[2]).trim();
			const selected = options.filter((o) => attr(o[1], 'selected') !== undefined);
			const multiple = attr(attrs, 'multiple') !== undefined;
			const chosen = selected.length ? (multiple ? selected : [selected[0]]) : [];
			if (!chosen.length && !multiple && options.length) {
				// A required select whose first option is an empty placeholder: take the first real one.
				const first =
					attr(attrs, 'required') !== undefined
						? (options.find((o) => value(o) !== '') ?? options[0])
						: options[0];
				chosen.push(first);
			}
			for (const o of chosen) fields.push([name, value(o)]);
		} else if (t === 'textarea') {
			// The HTML parser drops one newline right after <textarea>.
			let v = unescape(content.replace(/^\r?\n/, ''));
			if (!v && attr(attrs, 'required') !== undefined) v = plausible(attrs, 'text');
			fields.push([name, v]);
		} else if (type === 'file') files.push(name);
		else if (type === 'checkbox' || type === 'radio') {
			if (attr(attrs, 'checked') !== undefined) fields.push([name, attr(attrs, 'value') ?? 'on']);
		} else if (type === 'submit' || type === 'image') {
			if (whole === submitter) fields.push([name, attr(attrs, 'value') ?? '']);
		} else if (type === 'button' || type === 'reset') continue;
		else {
			let v = attr(attrs, 'value') ?? '';
			if (!v && attr(attrs, 'required') !== undefined) v = plausible(attrs, type);
			fields.push([name, v]);
		}
	}
	// A required radio group with none checked: the first of the group.
	for (const r of inner.matchAll(/<input\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi)) {
		const a = r[1];
		if ((attr(a, 'type') ?? '').toLowerCase() !== 'radio' || attr(a, 'required') === undefined) {
			continue;
		}
		const n = attr(a, 'name');
		if (n && !fields.some(([k]) => k === n)) fields.push([n, attr(a, 'value') ?? 'on']);
	}
	return { fields, files };
}

/**
 * Records every POST form of a page under the path and action it posts to: the form's own
 * action with its first plain submit button, and each submit button with a formaction under
 * that action (with that button as the submitter).
 */
function scrapeForms(pageUrl: string, html: string, fresh = false) {
	const seen = new Set<string>();
	for (const fm of html.matchAll(/<form\b((?:[^>"']|"[^"]*"|'[^']*')*)>([\s\S]*?)<\/form>/gi)) {
		const [, tagAttrs, inner] = fm;
		if ((attr(tagAttrs, 'method') ?? 'get').toLowerCase() !== 'post') continue;
		const submits = [
			...inner.matchAll(/<(?:button|input)\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi)
		].filter((b) => {
			const isButton = /^<button/i.test(b[0]);
			const type = (attr(b[1], 'type') ?? (isButton ? 'submit' : 'text')).toLowerCase();
			return (type === 'submit' || type === 'image') && attr(b[1], 'disabled') === undefined;
		});
		const plain = submits.find((b) => attr(b[1], 'formaction') === undefined) ?? null;
		const variants: [string, string | null][] = [
			[attr(tagAttrs, 'action') ?? '', plain?.[0] ?? null]
		];
		for (const b of submits) {
			const fa = attr(b[1], 'formaction');
			if (fa !== undefined) variants.push([fa, b[0]]);
		}
		for (const [action, submitter] of variants) {
			const url = new URL(action, pageUrl);
			const q = url.search.startsWith('?/') ? url.search.slice(2) : 'default';
			const key = `${url.pathname}?/${q}`;
			// The first form for an action is the baseline (later ones are e.g. other rows' buttons).
			if (seen.has(key) || (!fresh && scraped.has(key))) continue;
			seen.add(key);
			scraped.set(key, formControls(inner, submitter));
		}
	}
}

/**
 * Edit forms carry their record's version (optimistic concurrency: a save from a stale version
 * is refused with 409 and writes nothing), so after one accepted save the scraped form is
 * stale. Returns the fields with the version the page shows now in place of the scraped one;
 * a version a run replaced, mutated or dropped on purpose is left as it is. The scraped
 * baselines are not touched.
 */
async function withCurrentVersion<V>(
	fields: [string, V][],
	scrapedVersion: string | undefined,
	pageUrl: string,
	key: string,
	cookie: string
): Promise<[string, V][]> {
	if (scrapedVersion === undefined) return fields;
	if (!fields.some(([k, v]) => k === 'version' && v === scrapedVersion)) return fields;
	const page = await send('GET', pageUrl, { cookie });
	if (page.status !== 200) return fields;
	const kept = new Map(scraped);
	scrapeForms(pageUrl, page.text, true);
	const now = scraped.get(key)?.fields.find(([k]) => k === 'version')?.[1];
	scraped.clear();
	for (const [k, v] of kept) scraped.set(k, v);
	if (now === undefined) return fields;
	return fields.map(([k, v]): [string, V] => [
		k,
		k === 'version' && v === scrapedVersion ? (now as V) : v
	]);
}

// ---------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------

interface Answer {
	status: number;
	type: string;
	text: string;
	location: string | null;
}

function encodeBody(
	fields: [string, Value][],
	mode: 'urlencoded' | 'multipart'
): { body: Uint8Array; type: string } {
	if (mode === 'urlencoded') {
		const pct = (b: Uint8Array) =>
			[...b]
				.map((x) =>
					/[A-Za-z0-9_.~-]/.test(String.fromCharCode(x))
						? String.fromCharCode(x)
						: '%' + x.toString(16).padStart(2, '0')
				)
				.join('');
		const parts = fields.map(([k, v]) => {
			const b = typeof v === 'string' ? utf8(v) : v instanceof Uint8Array ? v : v.file.bytes;
			return `${pct(utf8(k))}=${pct(b)}`;
		});
		return { body: utf8(parts.join('&')), type: 'application/x-www-form-urlencoded' };
	}
	const boundary = '----truso-fuzz-' + Math.random().toString(36).slice(2);
	const chunks: Buffer[] = [];
	const q = (s: string) => s.replace(/["\r\n]/g, (c) => encodeURIComponent(c));
	for (const [k, v] of fields) {
		chunks.push(Buffer.from(`--${boundary}\r\n`));
		if (typeof v === 'object' && !(v instanceof Uint8Array)) {
			chunks.push(
				Buffer.from(
					`Content-Disposition: form-data; name="${q(k)}"; filename="${q(v.file.name)}"\r\nContent-Type: ${v.file.type}\r\n\r\n`
				),
				Buffer.from(v.file.bytes),
				Buffer.from('\r\n')
			);
		} else {
			chunks.push(
				Buffer.from(`Content-Disposition: form-data; name="${q(k)}"\r\n\r\n`),
				Buffer.from(typeof v === 'string' ? v : v),
				Buffer.from('\r\n')
			);
		}
	}
	chunks.push(Buffer.from(`--${boundary}--\r\n`));
	return {
		body: new Uint8Array(Buffer.concat(chunks)),
		type: `multipart/form-data; boundary=${boundary}`
	};
}

/**
 * One request on a connection of its own (node:http, agent: false): the server may answer
 * before reading a body it refuses (404, 413), which would leave a shared keep-alive
 * connection (fetch) in a state where the next request hangs.
 */
function send(
	method: string,
	url: string,
	opts: {
		cookie?: string;
		body?: Uint8Array;
		type?: string;
		accept?: string;
		headers?: Record<string, string>;
	} = {}
): Promise<Answer> {
	return new Promise((resolve, reject) => {
		let answered = false;
		const req = http.request(url, {
			method,
			agent: false,
			// A refused page redirects to /login?next=<the whole URL>: allow long headers.
			maxHeaderSize: 1024 * 1024,
			headers: {
				origin: base,
				accept: opts.accept ?? 'text/html',
				...(opts.cookie ? { cookie: opts.cookie } : {}),
				...(opts.type ? { 'content-type': opts.type } : {}),
				...(opts.body ? { 'content-length': String(opts.body.length) } : {}),
				...opts.headers
			}
		});
		req.setTimeout(120_000, () => req.destroy(new Error(`no answer in 120 s: ${method} ${url}`)));
		req.on('response', (res) => {
			answered = true;
			const chunks: Buffer[] = [];
			res.on('data', (d: Buffer) => chunks.push(d));
			res.on('error', reject);
			res.on('end', () => {
				const type = String(res.headers['content-type'] ?? '');
				const isText = /text|json|javascript|xml/.test(type) || type === '';
				resolve({
					status: res.statusCode ?? 0,
					type,
					text: isText ? Buffer.concat(chunks).toString('utf8') : '',
					location: (res.headers.location as string | undefined) ?? null
				});
				req.destroy();
			});
		});
		req.on('error', (e: NodeJS.ErrnoException) => {
			if (answered) return;
			// The server may answer and close before the whole body is written: wait for it.
			if (e.code === 'EPIPE' || e.code === 'ECONNRESET') setTimeout(() => reject(e), 3000);
			else reject(e);
		});
		req.end(opts.body ? Buffer.from(opts.body) : undefined);
	});
}

/**
 * The visible messages of a page: elements with role="alert" or an "error" class that have
 * some text (possibly inside nested tags).
 */
function messages(html: string): number {
	let n = 0;
	for (const m of html.matchAll(
		/<(\w+)\b[^>]*(?:role="alert"|class="[^"]*\berror\b[^"]*")[^>]*>/g
	)) {
		const rest = html.slice(m.index + m[0].length, m.index + m[0].length + 2000);
		const end = rest.indexOf(`</${m[1]}>`);
		const text = (end < 0 ? rest : rest.slice(0, end)).replace(/<[^>]*>/g, '').trim();
		if (text) n++;
	}
	return n;
}

/** Messages the page shows without any form posted (a refusal must add one). */
const pageMessages = new Map<string, number>();

/** A refused form (400) must show more messages than the page shows by itself. */
async function explainsRefusal(a: Answer, url: string, cookie: string): Promise<string | null> {
	if (a.status !== 400 || !a.type.includes('text/html')) return null;
	const page = url.replace(/\?.*$/, '');
	if (!pageMessages.has(page)) {
		const plain = await send('GET', page, { cookie });
		pageMessages.set(page, plain.status === 200 ? messages(plain.text) : 0);
	}
	const before = pageMessages.get(page)!;
	const after = messages(a.text);
	return after > before
		? null
		: `POST ${url.slice(base.length, base.length + 200)}: a 400 page with no message for the refusal (${after} message(s), ${before} without posting)`;
}

/** Checks one answer; returns a description of the problem or null. */
function problem(a: Answer, what: string): string | null {
	const key = what.split(' ').slice(0, 3).join(' ');
	const h = (statusCounts[key] ??= {});
	h[a.status] = (h[a.status] ?? 0) + 1;
	if (a.status >= 500) return `${what}: ${a.status} ${a.text.slice(0, 300)}`;
	if (a.status < 200 || a.status >= 500) return `${what}: status ${a.status}`;
	if (a.type.includes('text/html')) {
		for (const marker of RAW_MARKERS) {
			if (a.text.includes(marker)) return `${what}: unescaped ${marker} in the page`;
		}
		if (/<a\b[^>]*href\s*=\s*["']?\s*javascript:/i.test(a.text)) {
			return `${what}: a javascript: link in the page`;
		}
	}
	if (a.status === 400 && a.type.includes('text/html') && messages(a.text) === 0) {
		return `${what}: a 400 page without a visible message`;
	}
	if (a.status >= 400 && a.type.includes('application/json') && what.includes('/api/')) {
		try {
			const j = JSON.parse(a.text) as { error?: { code?: unknown; message?: unknown } };
			if (
				typeof j.error?.code !== 'string' ||
				typeof j.error?.message !== 'string' ||
				!j.error.message
			) {
				return `${what}: a ${a.status} JSON without { error: { code, message } }`;
			}
		} catch {
			return `${what}: a ${a.status} answer that is not JSON`;
		}
	}
	if (a.status >= 400 && a.text.trim() === '' && ![405, 414, 431].includes(a.status)) {
		return `${what}: an empty ${a.status} answer`;
	}
	return null;
}

// ---------------------------------------------------------------------------------------------
// Arbitraries
// ---------------------------------------------------------------------------------------------

const textValue: fc.Arbitrary<Value> = fc.oneof(
	{ weight: 6, arbitrary: fc.constantFrom(...HOSTILE_TEXT) },
	{ weight: 4, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) },
	{ weight: 2, arbitrary: fc.constantFrom(...HOSTILE_GEOJSON) },
	{ weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
	{ weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
	{ weight: 2, arbitrary: fc.double().map((x) => String(x)) },
	{ weight: 1, arbitrary: fc.bigInt().map((x) => String(x)) },
	{ weight: 1, arbitrary: fc.constantFrom(...RAW_BYTES) }
);

/** `arb` in `percent` % of the runs, otherwise undefined. */
const sometimes = <T>(percent: number, arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
	fc.oneof(
		{ weight: 100 - percent, arbitrary: fc.constant(undefined) },
		{ weight: percent, arbitrary: arb }
	);

/** A hostile value for a field (or a real id of this or another ward). */
const valueFor = (ids: string[]): fc.Arbitrary<Value> =>
	fc.oneof(
		{ weight: 8, arbitrary: textValue },
		{ weight: 2, arbitrary: fc.constantFrom(...(ids.length ? ids : ['1'])) }
	);

/** Ways to spoil a valid value while keeping it recognisable. */
const MUTATIONS: ((v: string) => string)[] = [
	(v) => v.normalize('NFD'),
	(v) => ` ${v}\u200b `,
	(v) => `${v}${SCRIPT}`,
	(v) => `=${v}`,
	(v) => v.repeat(300),
	(v) => `-${v}`,
	(v) => `${v}\u0000`,
	(v) => v.toUpperCase()
];

const fileValue: fc.Arbitrary<Value> = fc.constantFrom(...csvFiles(), ...imageFiles());

type Op =
	| { op: 'replace'; value: Value }
	| { op: 'mutate'; kind: number }
	| { op: 'drop' }
	| { op: 'duplicate'; value: Value };

/** The fields of one hostile submission of a form. */
function formArb(
	baseline: { fields: [string, string][]; files: string[] },
	extraNames: string[],
	ids: string[]
) {
	const names = [...new Set([...baseline.fields.map(([k]) => k), ...extraNames])];
	const fileNames = baseline.files.length
		? baseline.files
		: extraNames.filter((n) => /file|photo|upload/i.test(n));
	const op: fc.Arbitrary<Op> = fc.oneof(
		{ weight: 6, arbitrary: valueFor(ids).map((value) => ({ op: 'replace' as const, value })) },
		{ weight: 1, arbitrary: fileValue.map((value) => ({ op: 'replace' as const, value })) },
		{
			weight: 3,
			arbitrary: fc.nat(MUTATIONS.length - 1).map((kind) => ({ op: 'mutate' as const, kind }))
		},
		{ weight: 1, arbitrary: fc.constant({ op: 'drop' as const }) },
		{ weight: 1, arbitrary: valueFor(ids).map((value) => ({ op: 'duplicate' as const, value })) }
	);
	return fc
		.record({
			changes: names.length
				? fc.uniqueArray(fc.tuple(fc.constantFrom(...names), op), {
						minLength: 1,
						maxLength: Math.min(3, names.length),
						size: '-1',
						selector: ([n]) => n
					})
				: fc.constant([] as [string, Op][]),
			junk: sometimes(
				25,
				fc.tuple(
					fc.constantFrom(
						'__proto__',
						'constructor',
						'a[b]',
						'',
						'\u0000',
						SCRIPT,
						'x'.repeat(1000)
					),
					textValue
				)
			),
			file: fileNames.length ? sometimes(50, fileValue) : fc.constant(undefined),
			multipart: fc.boolean()
		})
		.map((r) => {
			const out: [string, Value][] = [];
			const changes = new Map(r.changes);
			const apply = (k: string, v: string | undefined, o: Op) => {
				if (o.op === 'drop') return;
				if (o.op === 'replace') out.push([k, o.value]);
				else if (o.op === 'mutate') out.push([k, MUTATIONS[o.kind](v ?? '1')]);
				else out.push([k, v ?? '1'], [k, o.value]);
			};
			for (const [k, v] of baseline.fields) {
				const o = changes.get(k);
				if (!o) out.push([k, v]);
				else {
					changes.delete(k);
					apply(k, v, o);
				}
			}
			// Fields the page did not render (hidden ones of another state, or no form found).
			for (const [k, o] of changes) apply(k, undefined, o);
			if (r.junk) out.push(r.junk);
			if (r.file) out.push([fileNames[0], r.file]);
			const hasFile = out.some(([, v]) => typeof v === 'object' && !(v instanceof Uint8Array));
			return {
				fields: out,
				mode: hasFile || r.multipart ? ('multipart' as const) : ('urlencoded' as const)
			};
		});
}

/** Route parameters: mostly real, sometimes hostile. */
function paramsArb(routeId: string) {
	const names = [...routeId.matchAll(/\[(?:\.\.\.)?([^\]=]+)(?:=[^\]]+)?\]/g)].map((m) => m[1]);
	if (!names.length) return fc.constant({} as Record<string, string>);
	return fc
		.record({
			variant: fc.nat(20),
			hostile: sometimes(
				25,
				fc.tuple(fc.constantFrom(...names), fc.constantFrom(...HOSTILE_PARAMS, ...real.otherIds))
			)
		})
		.map(({ variant, hostile }) => {
			const p = realParams(routeId, variant);
			if (hostile) p[hostile[0]] = hostile[1];
			return p;
		});
}

const queryArb = (names: string[]) =>
	fc
		.array(
			fc.tuple(
				fc.constantFrom(
					...names,
					'q',
					'page',
					'sort',
					'lang',
					'format',
					'limit',
					'offset',
					'from',
					'to',
					'c'
				),
				textValue
			),
			{
				maxLength: 4
			}
		)
		.map((pairs) =>
			pairs
				.map(([k, v]) => {
					const b =
						typeof v === 'string'
							? utf8(v.replace(/[\ud800-\udfff]/g, '\ufffd'))
							: (v as Uint8Array);
					const s = Buffer.from(b).toString('latin1');
					return `${encodeURIComponent(k)}=${[...s]
						.map((c) => '%' + c.charCodeAt(0).toString(16).padStart(2, '0'))
						.join('')
						.slice(0, 12_000)}`;
				})
				.join('&')
		);

// ---------------------------------------------------------------------------------------------
// Setup
// ---------------------------------------------------------------------------------------------

const targets = discoverTargets();
// Writes that destroy what later targets need run last (deleting a facility, logging out).
const destructive = (t: Target) =>
	/delete|revoke|reset|logout|submit|decide/i.test(t.name + t.routeId);
const ordered = [...targets.filter((t) => !destructive(t)), ...targets.filter(destructive)];
const found: string[] = [];
/** Answers per target and status (printed with FUZZ_VERBOSE=1, to see how deep runs go). */
const statusCounts: Record<string, Record<number, number>> = {};
/** Answers of a target that got past validation (2xx, 3xx or a 409 state conflict). */
const passedValidation = (label: string) =>
	Object.entries(statusCounts[label] ?? {})
		.filter(([status]) => reached(Number(status)))
		.reduce((n, [, c]) => n + c, 0);
/** Per form target: the answer to its unchanged baseline. */
const baselines: Record<string, { status: number; required: boolean }> = {};
/** Per form target: hostile submissions that got past validation. */
const hostilePassed: Record<string, number> = {};
/** Forms with no free-text field whose hostile runs all met validation (printed). */
const noFreeText = new Set<string>();
/** Per form target: why its hostile free text was refused (when it was). */
const refusedHostile: Record<string, string> = {};
/** The "required" messages (vi and en) of a refused form. */
const REQUIRED = ['Trường này là bắt buộc', 'This field is required'];
/**
 * Forms whose unchanged baseline is refused for a reason the scraper cannot supply, with that
 * reason (each is still fuzzed). Keep this list short: every entry is a form whose services
 * hostile values may never reach.
 */
const BASELINE_REFUSED: Record<string, string> = {
	'POST /account ?/password': 'the current password is not on the page',
	'POST /login ?/default': 'the credentials are not on the page',
	'POST /w/[ward]/facilities/io ?/preview': 'needs a file, which the page does not hold',
	'POST /w/[ward]/needs/organisation ?/importPositions':
		'needs a file, which the page does not hold',
	'POST /w/[ward]/sites/import ?/default': 'needs a file, which the page does not hold'
};
/**
 * Values a user types into a blank form before it can be accepted (fields the server requires
 * that the page renders empty, without a `required` attribute): the baseline of a "new …" form.
 */
let rateBands = 0;
const BASELINE_FILL: Record<string, Record<string, () => string>> = {
	'POST /admin/investment-rates ?/create': {
		// A fresh band above the sample's (1–20 storeys) each time: bands may not overlap.
		storeysFrom: () => String(21 + 2 * rateBands),
		storeysTo: () => String(22 + 2 * rateBands++),
		vndPerM2: () => '9800000',
		source: () => 'Bộ Xây dựng, suất vốn đầu tư 2024'
	},
	'POST /admin/legal-refs ?/create': { title: () => 'Nghị định thử nghiệm' },
	'POST /admin/users/new ?/default': { wardId: () => real.otherWardId },
	'POST /admin/wards/[id=id] ?/boundary': {
		geojson: () =>
			'{"type":"Polygon","coordinates":[[[106.76,10.79],[106.77,10.79],[106.77,10.8],[106.76,10.79]]]}'
	},
	'POST /review/proposals/[id=id] ?/comment': { body: () => 'Đề nghị bổ sung số liệu.' },
	'POST /w/[ward]/facilities/[id=id]/buildings/[bid=id] ?/addSurvey': { structure: () => '3' },
	'POST /w/[ward]/sites/new ?/default': {
		landAreaM2: () => '1500',
		c1: () => '10.79',
		c2: () => '106.76'
	},
	'POST /w/[ward]/sites/weights ?/direct': Object.fromEntries(
		[
			'land-area',
			'legal-status',
			'households',
			'land-cost',
			'flood-risk',
			'plan-fit',
			'road-access',
			'metro-distance',
			'population-distance',
			'inside-tod'
		].map((k) => [`w:${k}`, () => '10'])
	)
};
/** Whether an answer shows the service was reached: a success, a redirect or a state conflict. */
const reached = (status: number) => status < 400 || status === 409;

beforeAll(async () => {
	sample = await startSampleServer('fuzz');
	({ base, dbFile } = sample);
	await signIn();
	snapshotAccounts();
	readIds();
	await seedThroughTheApp();
	readIds();
	// Scrape every page's forms with real parameters (the forms are the valid baselines).
	for (const routeId of pageRouteIds()) {
		for (const variant of [0, 1]) {
			const url = base + routePath(routeId, realParams(routeId, variant));
			const a = await send('GET', url, { cookie: callerOf(routeId) });
			if (a.status === 200 && a.type.includes('text/html')) scrapeForms(url, a.text);
		}
	}
}, 600_000);

/** Creates what the seed lacks (a plan, a scoring run, a photo) through the app's own forms. */
async function seedThroughTheApp() {
	const post = async (
		p: string,
		action: string,
		cookie: string,
		extra: [string, Value][] = [],
		multipart = false
	) => {
		const url = base + p;
		const page = await send('GET', url, { cookie });
		scrapeForms(url, page.text);
		const form = scraped.get(`${p}?/${action}`);
		const fields: [string, Value][] = [...(form?.fields ?? []), ...extra];
		const { body, type } = encodeBody(fields, multipart ? 'multipart' : 'urlencoded');
		return send('POST', `${url}?/${action}`, { cookie, body, type });
	};
	await post(`/w/${WARD}/plans`, 'solve', cookies.editor, [['timeLimitS', '5']]);
	await post(`/w/${WARD}/sites/results`, 'save', cookies.editor);
	const { default: sharp } = await import('sharp');
	const jpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#36c' } })
		.jpeg()
		.toBuffer();
	if (real.site.length) {
		await post(
			`/w/${WARD}/sites/${real.site[0]}`,
			'photos',
			cookies.editor,
			[['photos', { file: { name: 'a.jpg', type: 'image/jpeg', bytes: new Uint8Array(jpeg) } }]],
			true
		);
	}
	scraped.clear();
}

afterAll(async () => {
	if (found.length) {
		console.log(`[fuzz] problems:\n${found.join('\n')}`);
		console.log(`[fuzz] the server's last output:\n${sample?.server.output().slice(-6000)}`);
	}
	await sample?.close();
	const formTargets = Object.keys(statusCounts).filter(
		(k) => k.startsWith('POST ') && k.includes('?/')
	);
	if (formTargets.length) {
		console.log(
			`[fuzz] per form target: baseline answer | hostile runs past validation | answers by status\n` +
				formTargets
					.sort()
					.map(
						(k) =>
							`${k}: baseline ${baselines[k]?.status ?? '-'}${baselines[k]?.required ? ' (required)' : ''} | ${hostilePassed[k] ?? '-'} | ${JSON.stringify(statusCounts[k])}`
					)
					.join('\n')
		);
	}
	if (process.env.FUZZ_VERBOSE) {
		console.log(
			Object.entries(statusCounts)
				.map(([k, h]) => `${k}: ${JSON.stringify(h)}`)
				.join('\n')
		);
	}
});

// ---------------------------------------------------------------------------------------------
// The properties
// ---------------------------------------------------------------------------------------------

describe('the fuzzing targets', () => {
	it('covers every action and every endpoint found on disk', () => {
		const actionFiles = walk(ROUTES_DIR).filter(
			(f) =>
				path.basename(f) === '+page.server.ts' &&
				/export const actions/.test(fs.readFileSync(f, 'utf8'))
		);
		const serverFiles = walk(ROUTES_DIR).filter((f) => path.basename(f) === '+server.ts');
		for (const f of actionFiles) {
			expect(
				targets.some((t) => t.file === f && t.kind === 'action'),
				f
			).toBe(true);
		}
		for (const f of serverFiles) {
			expect(
				targets.some((t) => t.file === f && t.kind === 'endpoint'),
				f
			).toBe(true);
		}
		expect(targets.filter((t) => t.kind === 'action').length).toBeGreaterThan(60);
		expect(
			targets.some((t) => t.routeId === '/admin/wards/[id=id]' && t.name === 'clearBoundary')
		).toBe(true);
		expect(scraped.size).toBeGreaterThan(30);
	});
});

const fcParams = (name: string) => ({ seed: SEED + hash(name), numRuns: RUNS, endOnFailure: true });

/** Values shortened for a readable report (a counterexample may hold 100 000 characters). */
const short = (x: unknown) =>
	JSON.stringify(x, (_, v: unknown) =>
		typeof v === 'string' && v.length > 80
			? `${v.slice(0, 60)}…(${v.length} chars)`
			: v instanceof Uint8Array
				? `<${v.length} bytes>`
				: v
	);

/** Runs a property and fails with a short description of the first problem found. */
async function check<Ts extends [unknown, ...unknown[]]>(
	label: string,
	property: fc.IAsyncProperty<Ts>
) {
	const before = found.length;
	const d = await fc.check(property, fcParams(label));
	if (!d.failed) return;
	const problemText = found.length > before ? found[found.length - 1] : String(d.errorInstance);
	throw new Error(
		`${problemText.slice(0, 800)}\n  input: ${short(d.counterexample).slice(0, 1500)}\n  (seed ${d.seed}, path ${d.counterexamplePath})`
	);
}

function hash(s: string): number {
	let h = 0;
	for (const c of s) h = (h * 31 + c.codePointAt(0)!) | 0;
	return Math.abs(h) % 100_000;
}

describe('form actions never answer 5xx and always explain a refusal', () => {
	for (const t of ordered.filter((x) => x.kind === 'action')) {
		const label = `POST ${t.routeId} ?/${t.name}`;
		it(
			label,
			async () => {
				// Earlier targets created and deleted rows: take fresh ids and a fresh form.
				readIds();
				const realPath = routePath(t.routeId, realParams(t.routeId));
				const page = await send('GET', base + realPath, { cookie: callerOf(t.routeId) });
				if (page.status === 200) scrapeForms(base + realPath, page.text, true);
				const baseline = scraped.get(`${realPath}?/${t.name}`) ?? { fields: [], files: [] };
				const ids = [...real.facility, ...real.site, ...real.otherIds].slice(0, 30);
				const extra = sourceFieldNames(t).filter((n) => !baseline.fields.some(([k]) => k === n));
				const cookie = callerOf(t.routeId);
				const formUrl = `${base}${realPath}${t.name === 'default' ? '' : `?/${t.name}`}`;
				if (!destructive(t) && scraped.has(`${realPath}?/${t.name}`)) {
					// The form exactly as the page renders it (no hostile value): it must be accepted,
					// or the hostile values below would only ever meet the form's own validation.
					const fill = BASELINE_FILL[label] ?? {};
					const fields = baseline.fields.map(([k, v]): [string, string] => [
						k,
						fill[k] ? fill[k]() : v
					]);
					const { body, type } = encodeBody(
						fields,
						baseline.files.length ? 'multipart' : 'urlencoded'
					);
					const a = await send('POST', formUrl, { cookie, body, type });
					const required = a.status === 400 && REQUIRED.some((r) => a.text.includes(r));
					baselines[label] = { status: a.status, required };
					if (!BASELINE_REFUSED[label]) {
						expect(
							a.status === 400 || a.status >= 500 ? a.status : 'accepted',
							`${label}: its unchanged form was refused (${required ? 'a field required' : 'invalid'}): ${short(fields).slice(0, 600)}`
						).toBe('accepted');
					}
					// Only the service's own checks remain: e.g. the free-text fields, hostile.
					if (reached(a.status) && BASELINE_FILL[label] === undefined) {
						scraped.set(`${realPath}?/${t.name}`, baseline);
					} else if (reached(a.status)) {
						scraped.set(`${realPath}?/${t.name}`, { ...baseline, fields });
					}
				}
				const scrapedVersion = baseline.fields.find(([k]) => k === 'version')?.[1];
				const hostileBefore = passedValidation(label);
				await check(
					label,
					fc.asyncProperty(
						paramsArb(t.routeId),
						formArb(baseline, extra, ids),
						async (params, form) => {
							const p = routePath(t.routeId, params);
							const url = `${base}${p}${t.name === 'default' ? '' : `?/${t.name}`}`;
							const fields = await withCurrentVersion(
								form.fields,
								scrapedVersion,
								base + realPath,
								`${realPath}?/${t.name}`,
								cookie
							);
							const { body, type } = encodeBody(fields, form.mode);
							const a = await send('POST', url, { cookie, body, type });
							const signedOut =
								cookie && t.routeId !== '/logout' && a.location?.startsWith('/login')
									? `${label} ${p}: the caller was signed out (the run would test nothing)`
									: null;
							const issue =
								problem(a, `${label} ${p}`) ?? signedOut ?? (await explainsRefusal(a, url, cookie));
							if (issue) found.push(issue);
							return issue === null;
						}
					)
				);
				hostilePassed[label] = passedValidation(label) - hostileBefore;
				if (hostilePassed[label] === 0 && baselines[label] && reached(baselines[label].status)) {
					// No random run got through: send the accepted form with hostile text in its free-text
					// fields, so hostile values reach the service at least once.
					const fb = scraped.get(`${realPath}?/${t.name}`)!;
					const free =
						/name|title|notes?$|address|comment|body|caption|description|reason|label|summary|use$/i;
					// Unique keys get fresh values (a second row with the same code is refused).
					const unique = /^(code|username|key)$|Code$/;
					if (!fb.fields.some(([k]) => free.test(k) && !unique.test(k))) noFreeText.add(label);
					else {
						// Markup, then a formula, then tricky Unicode: a form may refuse one kind by rule.
						const texts = [
							`Fz ${SCRIPT}${IMG} =1+1`,
							'=HYPERLINK("http://evil.example","x")',
							`Phường ${'Bình Trưng'.normalize('NFD')}\u200b\u202e`
						];
						for (const text of texts) {
							const fields = await withCurrentVersion(
								fb.fields.map(([k, v]): [string, string] => [
									k,
									unique.test(k)
										? `fzh${++filled}`
										: free.test(k)
											? text
											: (BASELINE_FILL[label]?.[k]?.() ?? v)
								]),
								fb.fields.find(([k]) => k === 'version')?.[1],
								base + realPath,
								`${realPath}?/${t.name}`,
								cookie
							);
							const { body, type } = encodeBody(
								fields,
								fb.files.length ? 'multipart' : 'urlencoded'
							);
							const a = await send('POST', formUrl, { cookie, body, type });
							const issue =
								problem(a, `${label} ${realPath}`) ?? (await explainsRefusal(a, formUrl, cookie));
							if (issue) found.push(issue);
							expect(issue).toBeNull();
							if (reached(a.status)) {
								hostilePassed[label] = 1;
								break;
							}
							refusedHostile[label] = `${a.status}: ${a.text
								.replace(/<[^>]*>/g, ' ')
								.match(/[^\n]*(?:Trường|không|phải|quá|bắt buộc)[^\n]*/)?.[0]
								?.trim()
								.slice(0, 200)}`;
						}
					}
				}
				// Accounts may have been disabled, reset or throttled: put them back for the next targets.
				if (/^\/(admin\/users|account|login|logout)/.test(t.routeId)) await restoreAccounts();
			},
			300_000
		);
	}
});

describe('the form fuzzing reached the services', () => {
	it('every form whose baseline was accepted got a hostile submission past validation', () => {
		const accepted = Object.keys(baselines).filter((k) => reached(baselines[k].status));
		// (A target whose own fuzz test found a problem already fails there.)
		const missed = accepted.filter(
			(k) => !(hostilePassed[k] > 0) && !noFreeText.has(k) && !found.some((f) => f.startsWith(k))
		);
		console.log(
			`[fuzz] baselines accepted: ${accepted.length} of ${Object.keys(baselines).length}; ` +
				`forms without a free-text field whose hostile runs all met validation: ${[...noFreeText].join(', ') || 'none'}`
		);
		expect(missed.map((k) => `${k} (${refusedHostile[k] ?? '?'})`)).toEqual([]);
		expect(Object.keys(baselines).length).toBeGreaterThan(30);
	});
});

describe('endpoints never answer 5xx', () => {
	beforeAll(restoreAccounts);

	for (const t of ordered.filter((x) => x.kind === 'endpoint')) {
		const label = `${t.name} ${t.routeId}`;
		it(
			label,
			async () => {
				const src = fs.readFileSync(t.file, 'utf8');
				const queryNames = [...src.matchAll(/searchParams\.get(?:All)?\(\s*['"]([^'"]+)['"]/g)].map(
					(m) => m[1]
				);
				const cookie = callerOf(t.routeId);
				await check(
					label,
					fc.asyncProperty(
						paramsArb(t.routeId),
						queryArb(queryNames),
						fc.constantFrom('session', 'session', 'bad-bearer', 'json-accept'),
						fc.oneof(textValue, fc.constantFrom(...HOSTILE_GEOJSON)),
						async (params, query, how, payload) => {
							const p = routePath(t.routeId, params) + (query ? `?${query}` : '');
							const headers: Record<string, string> = {};
							if (how === 'bad-bearer') {
								headers.authorization = `Bearer ${typeof payload === 'string' ? encodeURIComponent(payload.replace(/[\ud800-\udfff]/g, '\ufffd')).slice(0, 200) : 'x'}`;
							}
							const withBody = t.name !== 'GET';
							const body = withBody
								? typeof payload === 'string'
									? utf8(payload)
									: (payload as Uint8Array)
								: undefined;
							const a = await send(t.name, base + p, {
								cookie: how === 'bad-bearer' ? undefined : cookie,
								accept:
									how === 'json-accept'
										? 'application/json'
										: t.routeId.startsWith('/api/')
											? 'application/json'
											: 'text/html',
								body,
								type: withBody ? 'application/json' : undefined,
								headers
							});
							const issue = problem(a, `${label} ${p.slice(0, 200)}`);
							if (issue) found.push(issue);
							return issue === null;
						}
					)
				);
			},
			300_000
		);
	}

	it('methods an endpoint does not export are refused, not crashed', async () => {
		for (const t of targets.filter((x) => x.kind === 'endpoint' && x.name === 'GET')) {
			for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
				const p = routePath(t.routeId, realParams(t.routeId));
				const a = await send(method, base + p, {
					cookie: callerOf(t.routeId),
					body: utf8('{"a":1}'),
					type: 'application/json'
				});
				expect(a.status, `${method} ${p}`).toBeLessThan(500);
			}
		}
	});
});

/** Query parameter names a page's server code reads. */
function queryNamesOf(routeId: string): string[] {
	const dir = path.join(ROUTES_DIR, ...routeId.split('/').filter(Boolean));
	const names = new Set<string>();
	if (!fs.existsSync(dir)) return [];
	for (const f of fs.readdirSync(dir).filter((x) => /^\+(page|layout)(\.server)?\.ts$/.test(x))) {
		for (const m of fs
			.readFileSync(path.join(dir, f), 'utf8')
			.matchAll(/searchParams\.(?:get|getAll|has)\(\s*['"]([^'"]+)['"]/g)) {
			names.add(m[1]);
		}
	}
	return [...names];
}

describe('pages never answer 5xx to hostile parameters and query strings', () => {
	beforeAll(restoreAccounts);

	for (const routeId of pageRouteIds()) {
		const label = `GET ${routeId}`;
		it(
			label,
			async () => {
				const cookie = callerOf(routeId);
				await check(
					label,
					fc.asyncProperty(
						paramsArb(routeId),
						queryArb(queryNamesOf(routeId)),
						async (params, query) => {
							const p = routePath(routeId, params) + (query ? `?${query}` : '');
							const a = await send('GET', base + p, { cookie });
							const issue = problem(a, `${label} ${p.slice(0, 200)}`);
							if (issue) found.push(issue);
							return issue === null;
						}
					)
				);
			},
			300_000
		);
	}

	it('every page survives Object.prototype names in each query parameter it reads', async () => {
		const bad: string[] = [];
		for (const routeId of pageRouteIds()) {
			const names = queryNamesOf(routeId);
			if (!names.length) continue;
			for (const value of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
				const q = names.map((n) => `${encodeURIComponent(n)}=${value}`).join('&');
				const p = `${routePath(routeId, realParams(routeId))}?${q}`;
				const issue = problem(
					await send('GET', base + p, { cookie: callerOf(routeId) }),
					`GET ${p}`
				);
				if (issue) bad.push(issue.slice(0, 200));
			}
		}
		expect(bad).toEqual([]);
	}, 120_000);
});

describe('after the fuzzing: nothing stored is rendered or exported unsafely', () => {
	beforeAll(async () => {
		await restoreAccounts();
		readIds();
	});

	it('hostile text and formulas can be stored through the forms (to check them below)', async () => {
		let stored = 0;
		const freeText = /name|title|notes?$|address|comment|caption|description|reason|label|summary/i;
		const markup = `Fz ${SCRIPT}${IMG}${SVG_ONLOAD}"><b>x</b> ${JS_URL}`;
		const formulas = ['=HYPERLINK("http://evil.example","x")', '@SUM(1+1)', '+cmd', '-1+1'];
		let n = 0;
		for (const t of targets.filter((x) => x.kind === 'action' && !destructive(x))) {
			if (/^\/(admin\/users|account|login|logout|lang)/.test(t.routeId)) continue;
			const url = base + routePath(t.routeId, realParams(t.routeId));
			const page = await send('GET', url, { cookie: callerOf(t.routeId) });
			if (page.status === 200) scrapeForms(url, page.text);
			const baseline = scraped.get(`${new URL(url).pathname}?/${t.name}`);
			if (!baseline?.fields.some(([k]) => freeText.test(k))) continue;
			for (const text of [markup, formulas[n % formulas.length]]) {
				n++;
				const fields = await withCurrentVersion(
					baseline.fields.map(([k, v]): [string, Value] => [
						k,
						/^code$|Code$/.test(k) ? `FZ${n}` : freeText.test(k) ? text : v
					]),
					baseline.fields.find(([k]) => k === 'version')?.[1],
					url,
					`${new URL(url).pathname}?/${t.name}`,
					callerOf(t.routeId)
				);
				const { body, type } = encodeBody(
					fields,
					baseline.files.length ? 'multipart' : 'urlencoded'
				);
				const a = await send('POST', `${url}${t.name === 'default' ? '' : `?/${t.name}`}`, {
					cookie: callerOf(t.routeId),
					body,
					type
				});
				expect(problem(a, `plant ${t.routeId} ?/${t.name}`)).toBeNull();
				if (a.status === 303 || a.status === 200) stored++;
			}
		}
		expect(stored).toBeGreaterThan(5);
		readIds();
	}, 120_000);

	it('every page shows the stored hostile values escaped', async () => {
		let checked = 0;
		for (const routeId of pageRouteIds()) {
			for (const variant of [0, 1, 2]) {
				const p = routePath(routeId, realParams(routeId, variant));
				for (const cookie of new Set([callerOf(routeId), cookies.admin])) {
					const a = await send('GET', base + p, { cookie });
					expect(a.status, p).toBeLessThan(500);
					const issue = problem(a, `GET ${p}`);
					expect(issue).toBeNull();
					checked++;
				}
			}
		}
		expect(checked).toBeGreaterThan(50);
	}, 300_000);

	it('the database did store hostile text (so the check above was meaningful)', () => {
		const db = new Database(dbFile, { readonly: true });
		const tables = (
			db.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]
		).map((r) => r.name);
		let hits = 0;
		for (const table of tables) {
			const cols = (
				db.prepare(`pragma table_info("${table}")`).all() as { name: string; type: string }[]
			).filter((c) => /text/i.test(c.type));
			for (const c of cols) {
				const r = db
					.prepare(
						`select count(*) n from "${table}" where "${c.name}" like '%<script%' or "${c.name}" like '%onerror=%'`
					)
					.get() as { n: number };
				hits += r.n;
			}
		}
		db.close();
		expect(hits).toBeGreaterThan(0);
	});

	it('CSV and XLSX exports neutralise cells that start a formula', async () => {
		// The fuzzing may have deleted the plan: make sure there is one, with fresh ids.
		await seedThroughTheApp();
		readIds();
		const exports = targets
			.filter(
				(t) =>
					t.kind === 'endpoint' &&
					t.name === 'GET' &&
					/\.csv|\.xlsx|\[format\]|\[file\]|packet\.\[ext\]/.test(t.routeId)
			)
			.flatMap((t) =>
				[0, 1, 2, 3].map((v) => {
					const params = realParams(t.routeId, v);
					if ('ext' in params) params.ext = 'xlsx';
					return routePath(t.routeId, params);
				})
			);
		const bad: string[] = [];
		const neutralised = new Set<string>();
		let cells = 0;
		const risky = (s: string) =>
			/^[=+@\t\r]/.test(s) || (s.startsWith('-') && !/^-\d+([.,]\d+)*$/.test(s));
		for (const p of [...new Set(exports)]) {
			const res = await fetch(base + p, {
				headers: { cookie: p.startsWith('/review') ? cookies.admin : cookies.editor }
			});
			expect(res.status, p).toBe(200);
			const buf = Buffer.from(await res.arrayBuffer());
			if ((res.headers.get('content-type') ?? '').includes('csv')) {
				const Papa = (await import('papaparse')).default;
				const rows = Papa.parse<string[]>(buf.toString('utf8').replace(/^\ufeff/, '')).data;
				for (const row of rows) {
					for (const cell of row) {
						cells++;
						if (/^'\s*[=+\-@]/.test(cell)) neutralised.add(p);
						if (risky(cell)) bad.push(`${p}: ${JSON.stringify(cell).slice(0, 80)}`);
					}
				}
			} else {
				const wb = new ExcelJS.Workbook();
				await wb.xlsx.load(buf as unknown as ArrayBuffer);
				wb.eachSheet((sheet) =>
					sheet.eachRow((row) =>
						row.eachCell((cell) => {
							cells++;
							// The app's own totals (SUM(B2:B9)) are fine; anything else came from the data.
							if (cell.formula && !/^[A-Z]+\([A-Z]+\d+:[A-Z]+\d+\)$/.test(cell.formula)) {
								bad.push(`${p}: formula ${cell.formula}`);
							}
							if (typeof cell.value === 'string' && /^'\s*[=+\-@]/.test(cell.value)) {
								neutralised.add(p);
							}
							if (cell.formula) return;
							if (typeof cell.value === 'string' && risky(cell.value)) {
								bad.push(`${p}: ${JSON.stringify(cell.value).slice(0, 80)}`);
							}
						})
					)
				);
			}
		}
		expect(cells).toBeGreaterThan(100);
		expect(bad).toEqual([]);
		// The fuzzing did store formula-like text that reached the exports (the check meant something).
		expect(neutralised.size, [...neutralised].join(', ')).toBeGreaterThan(0);
		if (process.env.FUZZ_VERBOSE) {
			console.log(`[fuzz] exports with neutralised cells: ${[...neutralised].join(', ')}`);
		}
	}, 120_000);
});
