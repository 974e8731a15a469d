/**
 * Sample proposals: Bình Trưng has one submitted as version 1, returned, submitted again as
 * version 2 and in review, with a comment from city.reviewer on version 1 (author null when
 * the account does not exist yet: demo accounts are seeded
 * after the sample), and An Khánh has a draft.
 */
import { eq } from 'drizzle-orm';
import { SYSTEM_ACTOR, writeAudit } from '../../audit';
import type { Db, DbLike } from '../connection';
import { decisions, proposalVersions, proposals, reviewComments, users, wards } from '../schema';
import { defaultDraft, type PacketDraft } from '../../../packet';
import { BINH_TRUNG_DOSSIER } from './sample-data';
import { assemble, sha256, type DraftState } from '../../proposals';

const SAMPLE_DATE = new Date('2026-10-15T02:00:00.000Z');

function wardByCode(tx: DbLike, code: string) {
	return tx.select().from(wards).where(eq(wards.code, code)).get();
}

export function seedSampleProposals(tx: DbLike): void {
	const db = tx as unknown as Db;
	const reviewer = tx
		.select({ id: users.id })
		.from(users)
		.where(eq(users.username, 'city.reviewer'))
		.get();

	const bt = wardByCode(tx, 'binh-trung');
	if (bt) {
		const draft: PacketDraft = defaultDraft(bt.name, '2026-10-15');
		draft.submission.number = '125/TTr-UBND';
		// The dossier's inputs (issue 15): site P2 is the top-ranked one of the sample scoring.
		draft.recommendedSiteCode = 'P2';
		draft.dossier = structuredClone(BINH_TRUNG_DOSSIER);
		draft.narratives.necessity =
			'Trụ sở hiện nay chật hẹp, cán bộ phải làm việc tại nhiều cơ sở cũ của các phường trước sáp nhập.';
		const snapshot = assemble(db, bt.id, draft, SAMPLE_DATE);
		const p = tx
			.insert(proposals)
			.values({
				wardId: bt.id,
				title: 'Đề xuất chủ trương đầu tư xây dựng trụ sở phường Bình Trưng',
				status: 'in-review',
				draftJson: JSON.stringify({ draft, assembled: snapshot } satisfies DraftState),
				reviewerId: reviewer?.id ?? null,
				createdAt: SAMPLE_DATE.getTime(),
				updatedAt: SAMPLE_DATE.getTime()
			})
			.returning({ id: proposals.id })
			.get();
		const v1 = submitVersion(tx, bt.id, p.id, 1, snapshot, SAMPLE_DATE.getTime());
		tx.insert(reviewComments)
			.values({
				versionId: v1,
				section: 'estimate',
				body: 'Đề nghị nêu rõ năm công bố suất vốn đầu tư và nguồn vốn dự kiến.',
				authorId: reviewer?.id ?? null,
				createdAt: SAMPLE_DATE.getTime() + 86_400_000
			})
			.run();
		seedSecondVersion(tx, db, { wardId: bt.id, proposalId: p.id, v1, draft, reviewer });
	}

	const ak = wardByCode(tx, 'an-khanh');
	seedAnKhanh(tx, db, ak);
}

/**
 * The sample's review history: version 1 returned by the city, version 2 submitted with a
 * changed sentence in the necessity narrative, in review. The review page shows the
 * word-by-word difference at once.
 */
function seedSecondVersion(
	tx: DbLike,
	db: Db,
	s: {
		wardId: number;
		proposalId: number;
		v1: number;
		draft: PacketDraft;
		reviewer: { id: number } | undefined;
	}
) {
	const day = 86_400_000;
	const t0 = SAMPLE_DATE.getTime();
	tx.insert(decisions)
		.values({
			proposalId: s.proposalId,
			versionId: s.v1,
			outcome: 'returned',
			note: 'Đề nghị làm rõ số cơ sở đang sử dụng và nguồn vốn dự kiến.',
			decidedBy: s.reviewer?.id ?? null,
			createdAt: t0 + 3 * day
		})
		.run();
	const draft: PacketDraft = structuredClone(s.draft);
	draft.narratives.necessity =
		'Trụ sở hiện nay chật hẹp, cán bộ phải làm việc tại 4 cơ sở cũ của các phường trước sáp nhập, cách nhau đến 3 km.';
	const at = new Date(t0 + 10 * day);
	const snapshot = assemble(db, s.wardId, draft, at);
	submitVersion(tx, s.wardId, s.proposalId, 2, snapshot, at.getTime());
	tx.update(proposals)
		.set({
			draftJson: JSON.stringify({ draft, assembled: snapshot } satisfies DraftState),
			updatedAt: at.getTime()
		})
		.where(eq(proposals.id, s.proposalId))
		.run();
}

/** Inserts a submitted version of a sample proposal with its audit row; answers the version id. */
function submitVersion(
	tx: DbLike,
	wardId: number,
	proposalId: number,
	number: number,
	snapshot: unknown,
	submittedAt: number
): number {
	const json = JSON.stringify(snapshot);
	const hash = sha256(json);
	const v = tx
		.insert(proposalVersions)
		.values({ proposalId, number, snapshotJson: json, sha256: hash, filesJson: '[]', submittedAt })
		.returning({ id: proposalVersions.id })
		.get();
	writeAudit(tx, {
		actor: SYSTEM_ACTOR,
		wardId,
		entity: 'proposal_version',
		entityId: v.id,
		action: 'submit',
		after: { proposalId, number, sha256: hash, sample: true }
	});
	return v.id;
}

function seedAnKhanh(tx: DbLike, db: Db, ak: ReturnType<typeof wardByCode>) {
	if (ak) {
		const draft = defaultDraft(ak.name, '2026-11-01');
		const snapshot = assemble(db, ak.id, draft, new Date('2026-11-01T02:00:00.000Z'));
		tx.insert(proposals)
			.values({
				wardId: ak.id,
				title: 'Đề xuất chủ trương đầu tư xây dựng trụ sở phường An Khánh',
				status: 'draft',
				draftJson: JSON.stringify({ draft, assembled: snapshot } satisfies DraftState)
			})
			.run();
	}
}
