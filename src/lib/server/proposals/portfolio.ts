/** The city's views across wards: the review queue, the portfolio, the JSON API list. */
import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { PacketSnapshot, SectionKey } from '../../packet';
import type { DbLike } from '../db';
import { proposalVersions, proposals, users, wards } from '../db/schema';
import { listProposals, listVersions } from './reading';
import type { ProposalStatus } from './status';

/** A proposal the city may see: submitted at least once (not a draft, nor a replaced draft). */
const SEEN_BY_CITY = sql`exists (select 1 from proposal_versions v where v.proposal_id = ${proposals.id})`;

// ------------------------------------------------------------------ the city's views

export interface QueueRow {
	id: number;
	title: string;
	status: ProposalStatus;
	wardCode: string;
	wardName: string;
	reviewer: string | null;
	versions: number;
	lastSubmittedAt: number | null;
}

/** Every ward's proposals that are not drafts, oldest submission first. */
export function reviewQueue(db: DbLike): QueueRow[] {
	return db
		.select({
			id: proposals.id,
			title: proposals.title,
			status: proposals.status,
			wardCode: wards.code,
			wardName: wards.name,
			reviewer: users.displayName,
			versions: sql<number>`(select count(*) from proposal_versions v where v.proposal_id = ${proposals.id})`,
			lastSubmittedAt: sql<
				number | null
			>`(select max(v.submitted_at) from proposal_versions v where v.proposal_id = ${proposals.id})`
		})
		.from(proposals)
		.innerJoin(wards, eq(wards.id, proposals.wardId))
		.leftJoin(users, eq(users.id, proposals.reviewerId))
		.where(and(ne(proposals.status, 'draft'), SEEN_BY_CITY))
		.orderBy(asc(proposals.id))
		.all()
		.sort((a, b) => (a.lastSubmittedAt ?? 0) - (b.lastSubmittedAt ?? 0));
}

export interface PortfolioRow {
	wardCode: string;
	wardName: string;
	proposalId: number | null;
	status: ProposalStatus | null;
	version: number | null;
	shortfallM2: number | null;
	ratioToNorm: number | null;
	totalVnd: number | null;
	siteCode: string | null;
	siteName: string | null;
	siteLat: number | null;
	siteLng: number | null;
	siteScore: number | null;
	buildingsCorD: number | null;
	meanConditionIndex: number | null;
}

/**
 * One row per ward: the figures of its latest submitted version (nulls when none), with three
 * queries for the whole city (not two per ward).
 */
export function portfolio(db: DbLike): PortfolioRow[] {
	const ws = db
		.select({ id: wards.id, code: wards.code, name: wards.name })
		.from(wards)
		.orderBy(asc(wards.name))
		.all();
	// The latest non-draft proposal of each ward (the first by updatedAt desc, id desc).
	const latest = new Map<number, { id: number; status: ProposalStatus }>();
	for (const p of db
		.select({ id: proposals.id, wardId: proposals.wardId, status: proposals.status })
		.from(proposals)
		.where(and(ne(proposals.status, 'draft'), ne(proposals.status, 'superseded')))
		.orderBy(desc(proposals.updatedAt), desc(proposals.id))
		.all()) {
		if (!latest.has(p.wardId)) latest.set(p.wardId, { id: p.id, status: p.status });
	}
	// The latest version of each of those proposals.
	const ids = [...latest.values()].map((p) => p.id);
	const versions = new Map<number, { number: number; json: string }>();
	if (ids.length) {
		for (const v of db
			.select({
				proposalId: proposalVersions.proposalId,
				number: proposalVersions.number,
				json: proposalVersions.snapshotJson
			})
			.from(proposalVersions)
			.where(
				and(
					inArray(proposalVersions.proposalId, ids),
					sql`${proposalVersions.number} = (select max(v2.number) from proposal_versions v2 where v2.proposal_id = ${proposalVersions.proposalId})`
				)
			)
			.all()) {
			versions.set(v.proposalId, { number: v.number, json: v.json });
		}
	}
	return ws.map((w) => {
		const p = latest.get(w.id);
		const v = p ? versions.get(p.id) : undefined;
		const empty: PortfolioRow = {
			wardCode: w.code,
			wardName: w.name,
			proposalId: p?.id ?? null,
			status: p?.status ?? null,
			version: null,
			shortfallM2: null,
			ratioToNorm: null,
			totalVnd: null,
			siteCode: null,
			siteName: null,
			siteLat: null,
			siteLng: null,
			siteScore: null,
			buildingsCorD: null,
			meanConditionIndex: null
		};
		if (!v) return empty;
		const s = JSON.parse(v.json) as PacketSnapshot;
		const sec = (k: SectionKey) => s.sections.find((x) => x.key === k)?.numbers ?? {};
		const site = s.map.sites.find((x) => x.recommended);
		return {
			...empty,
			version: v.number,
			shortfallM2: sec('necessity').shortfallM2?.value ?? null,
			ratioToNorm: sec('necessity').ratioToNorm?.value ?? null,
			totalVnd: sec('estimate').totalVnd?.value ?? null,
			siteCode: site?.code ?? null,
			siteName: site?.name ?? null,
			siteLat: site?.lat ?? null,
			siteLng: site?.lng ?? null,
			siteScore: sec('recommended').score?.value ?? null,
			buildingsCorD: sec('necessity').buildingsCorD?.value ?? null,
			meanConditionIndex: sec('necessity').meanConditionIndex?.value ?? null
		};
	});
}

/** The ward's proposals for the JSON API (drafts hidden when asked). */
export function proposalsForApi(db: DbLike, wardId: number, includeDrafts: boolean) {
	return listProposals(db, wardId, { includeDrafts }).map((p) => ({
		id: p.id,
		title: p.title,
		status: p.status,
		versions: listVersions(db, p.id).map((v) => ({
			number: v.number,
			sha256: v.sha256,
			submittedAt: new Date(v.submittedAt).toISOString(),
			snapshot: `/api/v1/proposals/${p.id}/versions/${v.number}`,
			files: {
				zip: `/api/v1/proposals/${p.id}/versions/${v.number}/packet.zip`,
				docx: `/api/v1/proposals/${p.id}/versions/${v.number}/packet.docx`,
				pdf: `/api/v1/proposals/${p.id}/versions/${v.number}/packet.pdf`
			}
		})),
		createdAt: new Date(p.createdAt).toISOString(),
		updatedAt: new Date(p.updatedAt).toISOString()
	}));
}
