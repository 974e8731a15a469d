/**
 * Sample proposals: Bình Trưng has one submitted as version 1 and in review with a comment from
 * city.reviewer (author null when the account does not exist yet: demo accounts are seeded
 * after the sample), and An Khánh has a draft.
 */
import { eq } from 'drizzle-orm';
import { SYSTEM_ACTOR, writeAudit } from '../../audit';
import type { Db, DbLike } from '../connection';
import { proposalVersions, proposals, reviewComments, users, wards } from '../schema';
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
		const json = JSON.stringify(snapshot);
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
		const v = tx
			.insert(proposalVersions)
			.values({
				proposalId: p.id,
				number: 1,
				snapshotJson: json,
				sha256: sha256(json),
				filesJson: '[]',
				submittedAt: SAMPLE_DATE.getTime()
			})
			.returning({ id: proposalVersions.id })
			.get();
		tx.insert(reviewComments)
			.values({
				versionId: v.id,
				section: 'estimate',
				body: 'Đề nghị nêu rõ năm công bố suất vốn đầu tư và nguồn vốn dự kiến.',
				authorId: reviewer?.id ?? null,
				createdAt: SAMPLE_DATE.getTime() + 86_400_000
			})
			.run();
		writeAudit(tx, {
			actor: SYSTEM_ACTOR,
			wardId: bt.id,
			entity: 'proposal_version',
			entityId: v.id,
			action: 'submit',
			after: { proposalId: p.id, number: 1, sha256: sha256(json), sample: true }
		});
	}

	const ak = wardByCode(tx, 'an-khanh');
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
