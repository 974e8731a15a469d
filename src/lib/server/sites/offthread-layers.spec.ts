/**
 * The sites GeoJSON API and the sites list's map layer (with the latest run's scores) on a ward
 * of 2,000 sites are read and computed on a scoring worker (issue 16): the request's thread makes
 * no query for them. Structural check, not timing: the handlers get a database handle whose
 * query builder throws on this thread (only its file name and raw client work), so they can only
 * answer if the worker, which opens the file itself, did the work.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/connection';
import type { Db } from '../db';
import { scoringRuns } from '../db/schema';
import { seedSample } from '../db/seed';
import { seedSynthetic } from '../db/seed/synthetic';
import { sitesGeoJson } from './geojson';
import { siteMapLayer, MAP_SITES_MAX } from './map-layer';
import { siteMapLayerOffThread, stopScoringWorkers } from './scoring-worker';
import { GET } from '../../../routes/api/v1/wards/[code]/sites/+server';
import { noQueriesHere } from '../../../../tests/helpers/no-queries';

const SITES = 2000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'truso-layers-'));
let db: Db;
let wardId: number;
let scoredIds: number[];

beforeAll(() => {
	db = openDatabase(path.join(dir, 'truso.sqlite'));
	seedSample(db);
	wardId = seedSynthetic(db, { code: 'synthetic-2000', rooms: 100, sites: SITES });
	// The latest run, written by hand: three scored sites, promethee2 scores 0.25, 0.5 and 0.75
	// → scaled (s − 0.25) / (0.75 − 0.25) = 0, 0.5 and 1 on the map.
	const ids = db.$client
		.prepare('select id, code from sites where ward_id = ? order by id limit 3')
		.all(wardId) as { id: number; code: string }[];
	scoredIds = ids.map((s) => s.id);
	const result = {
		version: 1,
		method: 'promethee2',
		sites: ids.map((s) => ({ id: s.id, code: s.code })),
		results: {
			promethee2: [
				{ code: ids[0].code, score: 0.25, rank: 3 },
				{ code: ids[1].code, score: 0.5, rank: 2 },
				{ code: ids[2].code, score: 0.75, rank: 1 }
			]
		}
	};
	db.insert(scoringRuns)
		.values({
			wardId,
			name: 'Lần chấm tay',
			method: 'promethee2',
			resultJson: JSON.stringify(result)
		})
		.run();
}, 300_000);

afterAll(async () => {
	await stopScoringWorkers();
	db.$client.close();
	fs.rmSync(dir, { recursive: true, force: true });
});

describe('the sites GeoJSON API on a ward of 2,000 sites', () => {
	it('answers from the worker: every site, the same features as computed here', async () => {
		const locals = {
			db: noQueriesHere(db),
			locale: 'vi',
			ward: { id: wardId, code: 'synthetic-2000', name: 'Tổng hợp', isSample: false }
		} as unknown as App.Locals;
		const res = await GET({ locals, params: { code: 'synthetic-2000' } } as never);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/geo+json; charset=utf-8');
		const body = (await res.json()) as ReturnType<typeof sitesGeoJson>;
		expect(body.type).toBe('FeatureCollection');
		expect(body.features).toHaveLength(SITES);
		// The same collection as the thread-side function (compared on three features).
		const here = sitesGeoJson(db, wardId);
		for (const k of [0, 999, SITES - 1]) expect(body.features[k]).toEqual(here.features[k]);
	}, 300_000);
});

describe("the sites list's map layer on a ward of 2,000 sites", () => {
	it('is computed by the worker: 2,000 sites, the run scaled to 0, 0.5 and 1, the rest unscored', async () => {
		const layer = await siteMapLayerOffThread(noQueriesHere(db), wardId);
		expect(layer.hasScores).toBe(true);
		expect(layer.sites).toHaveLength(Math.min(SITES, MAP_SITES_MAX));
		const byId = new Map(layer.sites.map((s) => [s.id, s.score]));
		expect(scoredIds.map((id) => byId.get(id))).toEqual([0, 0.5, 1]);
		expect(layer.sites.filter((s) => s.score === null)).toHaveLength(SITES - 3);
		expect(layer).toEqual(siteMapLayer(db, wardId));
	}, 300_000);

	it('is reused while the database is unchanged, asked again after a write', async () => {
		const trapped = noQueriesHere(db);
		const a = siteMapLayerOffThread(trapped, wardId);
		expect(siteMapLayerOffThread(trapped, wardId)).toBe(a);
		await a;
		db.$client
			.prepare("update sites set name = 'Khu đất đổi tên' where id = ?")
			.run((await a).sites[0].id);
		const b = await siteMapLayerOffThread(trapped, wardId);
		expect(b.sites[0].name).toBe('Khu đất đổi tên');
	}, 300_000);
});
