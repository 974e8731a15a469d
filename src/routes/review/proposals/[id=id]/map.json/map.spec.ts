/**
 * GET /review/proposals/{id}/map.json: the sites layer the review page's map fetches once the
 * page shows (the sample's submitted proposal of Bình Trưng), and 404 for a ward's draft.
 */
import { isHttpError } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { clearCache } from '$lib/server/core/cache';
import { getProposal, getVersion, listVersions } from '$lib/server/proposals';
import { anKhanhDraft, binhTrungProposal } from '../../../../../../tests/helpers/proposals';
import { GET } from './+server';

type Event = Parameters<typeof GET>[0];
const call = (db: unknown, id: number) =>
	GET({ locals: { db, locale: 'vi' }, params: { id: String(id) } } as unknown as Event);

describe('GET /review/proposals/{id}/map.json', () => {
	it('answers the submitted version’s sites, the recommended one flagged', async () => {
		clearCache();
		const f = binhTrungProposal('submitted', { prefix: 'mapjson', claimed: false });
		const res = await call(f.db, f.id);
		expect(res.status).toBe(200);
		const map = (await res.json()) as {
			centre: [number, number];
			sites: { code: string; recommended: boolean; lat: number; lng: number }[];
		};
		const versions = listVersions(f.db, f.id);
		const latest = getVersion(f.db, f.id, versions[versions.length - 1].number)!.snapshot;
		expect(latest.map.sites.length).toBeGreaterThan(1);
		expect(map.sites.map((s) => [s.code, s.recommended, s.lat, s.lng])).toEqual(
			latest.map.sites.map((s) => [s.code, s.recommended, s.lat, s.lng])
		);
		expect(map.sites.filter((s) => s.recommended).length).toBe(1);
		expect(map.centre).toHaveLength(2);
	});

	it('is 404 for a ward’s draft, as the page is', () => {
		clearCache();
		const f = anKhanhDraft([]);
		expect(getProposal(f.db, f.wardId, f.proposalId)?.status).toBe('draft');
		let status = 0;
		try {
			void call(f.db, f.proposalId);
		} catch (e) {
			status = isHttpError(e) ? e.status : -1;
		}
		expect(status).toBe(404);
	});
});
