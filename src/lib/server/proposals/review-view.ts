/**
 * What the city's proposal page shows (`/review/proposals/[id]`): the proposal, its ward, its
 * versions, the latest snapshot, the threads, the decisions, the last diff and the sites map.
 * A ward's draft (never submitted, or replaced before it was) is not the city's: undefined.
 */
import { eq } from 'drizzle-orm';
import type { PacketSnapshot } from '../../packet';
import type { DbLike } from '../db';
import { wards } from '../db/schema';
import { wardGeo } from '../sites';
import { getProposal, getVersion, lastVersionDiff, listDecisions, listVersions } from './reading';
import { listThreads } from './review-comments';

export function reviewProposalView(db: DbLike, id: number) {
	const p = getProposal(db, null, id);
	if (!p || p.status === 'draft') return undefined;
	const versions = listVersions(db, p.id);
	// A draft replaced before it was ever submitted is not the city's either (see visibility.ts).
	if (versions.length === 0) return undefined;
	const latest = getVersion(db, p.id, versions[versions.length - 1].number);
	const ward = db
		.select({ code: wards.code, name: wards.name, isSample: wards.isSample })
		.from(wards)
		.where(eq(wards.id, p.wardId))
		.get()!;
	return {
		proposal: { id: p.id, title: p.title, status: p.status, reviewerId: p.reviewerId },
		ward,
		versions: versions.map((v) => ({ id: v.id, number: v.number, submittedAt: v.submittedAt })),
		snapshot: latest?.snapshot ?? null,
		sha256: latest?.sha256 ?? null,
		threads: listThreads(db, p.id),
		decisions: listDecisions(db, p.id),
		diff: lastVersionDiff(db, p.id),
		map: latest ? sitesMap(latest.snapshot, wardGeo(db, p.wardId)) : null
	};
}

/**
 * The sites layer of the submitted version (as the ward's site pages draw it: a marker per site,
 * its polygon when drawn), the recommended site larger, and the ward's extent and boundary.
 */
function sitesMap(s: PacketSnapshot, geo: ReturnType<typeof wardGeo>) {
	return {
		centre: geo.centre,
		extent: s.map.extent ?? geo.extent,
		boundary: geo.boundary,
		sites: s.map.sites.slice(0, 2000).map((x) => ({
			code: x.code,
			name: x.name,
			lat: x.lat,
			lng: x.lng,
			recommended: x.recommended,
			polygon: x.polygon ? ({ type: 'Polygon', coordinates: [x.polygon] } as GeoJSON.Polygon) : null
		}))
	};
}
