/**
 * The ward's side of the workflow: create a draft (superseding one still in the ward's hands),
 * save it, assemble it again, submit it (a frozen version with its files). Every step writes
 * its audit row and notifications in the same transaction.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { changedNumbers, defaultDraft, type PacketDraft, type PacketSnapshot } from '../../packet';
import type { Actor } from '../audit';
import { writeAudit } from '../audit';
import type { Db, DbLike } from '../db';
import { checkVersion, versionedUpdate } from '../core/concurrency';
import { proposalVersions, proposals } from '../db/schema';
import { uploadDir } from '../inventory/photos';
import { notify, reviewerIds } from './notifications';
import { packetDir, sha256, type PacketFile, type PacketGenerator } from './files';
import { assemble } from './gathering';
import { assembleOffThread } from './assemble-pool';
import { getProposal } from './reading';
import {
	auditProposal,
	EDITABLE,
	LIVE,
	ProposalError,
	WITH_CITY,
	reviewLink,
	today,
	wardRow,
	type DraftState
} from './status';

/**
 * Creates a draft proposal with the default draft and its first assembled snapshot (assembled
 * here unless `fresh`, assembled from that same default draft, is given; the server's routes use
 * {@link createProposalOffThread}).
 */
export function createProposal(
	db: Db,
	actor: Actor,
	wardId: number,
	title: string,
	at = new Date(),
	fresh?: PacketSnapshot
): number {
	const w = wardRow(db, wardId);
	const draft = defaultDraft(w.name, today(at), w.city);
	const assembled = fresh ?? assemble(db, wardId, draft, at);
	// Immediate: the check of the ward's live proposals and the insert hold the write lock
	// together, so two creations racing (two tabs, two processes) cannot both pass the check.
	return db.transaction(
		(tx) => {
			const live = liveProposals(tx, wardId);
			const held = live.find((p) => WITH_CITY.includes(p.status));
			if (held) throw new ProposalError('live-exists');
			const row = tx
				.insert(proposals)
				.values({
					wardId,
					title,
					status: 'draft',
					draftJson: JSON.stringify({ draft, assembled } satisfies DraftState),
					createdBy: actor.userId
				})
				.returning({ id: proposals.id })
				.get();
			auditProposal(
				tx,
				actor,
				wardId,
				row.id,
				{
					after: { title, status: 'draft', supersedes: live.map((p) => p.id) }
				},
				'create'
			);
			for (const old of live) {
				tx.update(proposals)
					.set({ status: 'superseded', supersededBy: row.id, updatedAt: at.getTime() })
					.where(eq(proposals.id, old.id))
					.run();
				auditProposal(tx, actor, wardId, old.id, {
					before: { status: old.status },
					after: { status: 'superseded', supersededBy: row.id }
				});
				// A returned dossier was the city's: its reviewer learns that it is replaced.
				if (old.status === 'returned') {
					notify(
						tx,
						old.reviewerId ? [old.reviewerId] : reviewerIds(tx),
						{ key: 'review.notify.superseded', params: { ward: w.name, title: old.title } },
						reviewLink(old.id)
					);
				}
			}
			return row.id;
		},
		{ behavior: 'immediate' }
	);
}

/**
 * {@link createProposal} with the first packet assembled on the assembly worker, after its turn
 * in the assembly queue: a full queue refuses with `QueueFullError` before anything is written.
 */
export async function createProposalOffThread(
	db: Db,
	actor: Actor,
	wardId: number,
	title: string,
	at = new Date()
): Promise<number> {
	const w = wardRow(db, wardId);
	const draft = defaultDraft(w.name, today(at), w.city);
	const fresh = await assembleOffThread(db, wardId, draft, at);
	return createProposal(db, actor, wardId, title, at, fresh);
}

/** The ward's live proposals (see LIVE), newest first. */
export function liveProposals(db: DbLike, wardId: number) {
	return db
		.select({
			id: proposals.id,
			title: proposals.title,
			status: proposals.status,
			reviewerId: proposals.reviewerId
		})
		.from(proposals)
		.where(and(eq(proposals.wardId, wardId), inArray(proposals.status, [...LIVE])))
		.orderBy(desc(proposals.updatedAt), desc(proposals.id))
		.all();
}

function editable(db: DbLike, wardId: number, id: number) {
	const p = getProposal(db, wardId, id);
	if (!p) throw new ProposalError('not-found');
	if (!EDITABLE.includes(p.status)) throw new ProposalError('not-editable');
	return p;
}

/** Saves the editable draft (title, tờ trình fields, narratives, schedule, site choice). */
export function saveDraft(
	db: Db,
	actor: Actor,
	wardId: number,
	id: number,
	input: { title: string; draft: PacketDraft },
	/** The version the form was loaded with (null = not checked); stale → ConflictError. */
	expectedVersion?: number | null
): void {
	db.transaction((tx) => {
		const p = editable(tx, wardId, id);
		checkVersion('proposal', p, expectedVersion);
		const state: DraftState = { ...p.state, draft: input.draft };
		versionedUpdate(tx, proposals, 'proposal', id, expectedVersion, {
			title: input.title,
			draftJson: JSON.stringify(state),
			updatedAt: Date.now()
		});
		auditProposal(tx, actor, wardId, id, {
			before: { title: p.title, draft: p.state.draft },
			after: { title: input.title, draft: input.draft }
		});
	});
}

/** Assembles the packet again from the ward's current data. */
export function reassemble(
	db: Db,
	actor: Actor,
	wardId: number,
	id: number,
	at = new Date(),
	/** The packet already assembled from the stored draft (off the thread), else assembled here. */
	fresh?: PacketSnapshot
): void {
	const p = editable(db, wardId, id);
	const assembled = fresh ?? assemble(db, wardId, p.state.draft, at);
	const changes = p.state.assembled ? changedNumbers(p.state.assembled, assembled) : [];
	db.transaction((tx) => {
		editable(tx, wardId, id);
		tx.update(proposals)
			.set({
				draftJson: JSON.stringify({ draft: p.state.draft, assembled } satisfies DraftState),
				updatedAt: Date.now()
			})
			.where(eq(proposals.id, id))
			.run();
		auditProposal(tx, actor, wardId, id, {
			before: {
				changedNumbers: changes.map((c) => ({ key: c.key, value: c.before?.value ?? null }))
			},
			after: {
				assembledAt: assembled.assembledAt,
				changedNumbers: changes.map((c) => ({ key: c.key, value: c.after?.value ?? null }))
			}
		});
	});
}

/** {@link reassemble} with the packet assembled on a worker thread (the server's stays free). */
export async function reassembleOffThread(
	db: Db,
	actor: Actor,
	wardId: number,
	id: number,
	at = new Date()
): Promise<void> {
	const p = editable(db, wardId, id);
	const fresh = await assembleOffThread(db, wardId, p.state.draft, at);
	reassemble(db, actor, wardId, id, at, fresh);
}

/**
 * Submits (or resubmits after a return): assembles the packet from the current data, freezes it
 * as version n + 1 (snapshot, SHA-256, the generated files stored under UPLOAD_DIR/packets),
 * sets the status to submitted and notifies the city's reviewers.
 */
export async function submitProposal(
	db: Db,
	actor: Actor,
	wardId: number,
	id: number,
	generate: PacketGenerator,
	at = new Date()
): Promise<{ version: number; sha256: string }> {
	const p = editable(db, wardId, id);
	const w = wardRow(db, wardId);
	const snapshot = await assembleOffThread(db, wardId, p.state.draft, at);
	// A site other than the top-ranked one needs its written justification (issue 15).
	if (snapshot.dossier?.problems.some((x) => x.code === 'justification-missing')) {
		throw new ProposalError('no-justification');
	}
	const json = JSON.stringify(snapshot);
	const hash = sha256(json);
	const last =
		db
			.select({ n: sql<number>`max(${proposalVersions.number})` })
			.from(proposalVersions)
			.where(eq(proposalVersions.proposalId, id))
			.get()?.n ?? 0;
	const number = last + 1;
	const generated = await generate(snapshot, {
		proposalId: id,
		version: number,
		sha256: hash,
		submittedAt: at
	});
	const dir = packetDir(id, number);
	try {
		await mkdir(path.join(uploadDir(), dir), { recursive: true });
		const files: PacketFile[] = [];
		for (const f of generated) {
			const rel = path.join(dir, f.name);
			await writeFile(path.join(uploadDir(), rel), f.bytes);
			files.push({ name: f.name, path: rel, sha256: sha256(f.bytes), size: f.bytes.byteLength });
		}
		recordSubmission(db, actor, {
			wardId,
			id,
			number,
			snapshot,
			json,
			hash,
			files,
			wardName: w.name,
			at
		});
	} catch (e) {
		// Nothing refers to this attempt's files unless its transaction committed. (A failed
		// clean-up only leaves an unreferenced folder; the submission's own error is what counts.)
		await rm(path.join(uploadDir(), dir), { recursive: true, force: true }).catch(() => {});
		throw e;
	}
	return { version: number, sha256: hash };
}

/** The database side of a submission, in one transaction (the files are already written). */
function recordSubmission(
	db: Db,
	actor: Actor,
	s: {
		wardId: number;
		id: number;
		number: number;
		snapshot: PacketSnapshot;
		json: string;
		hash: string;
		files: PacketFile[];
		wardName: string;
		at: Date;
	}
): void {
	const { wardId, id, number, snapshot, json, hash, files, at } = s;
	db.transaction((tx) => {
		const cur = editable(tx, wardId, id);
		// One live proposal per ward (see LIVE): older data may hold two drafts of a ward.
		const other = liveProposals(tx, wardId).find(
			(p) => p.id !== id && WITH_CITY.includes(p.status)
		);
		if (other) throw new ProposalError('live-exists');
		const v = tx
			.insert(proposalVersions)
			.values({
				proposalId: id,
				number,
				snapshotJson: json,
				sha256: hash,
				filesJson: JSON.stringify(files),
				submittedBy: actor.userId,
				submittedAt: at.getTime()
			})
			.returning({ id: proposalVersions.id })
			.get();
		tx.update(proposals)
			.set({
				status: 'submitted',
				draftJson: JSON.stringify({
					draft: cur.state.draft,
					assembled: snapshot
				} satisfies DraftState),
				updatedAt: at.getTime()
			})
			.where(eq(proposals.id, id))
			.run();
		writeAudit(tx, {
			actor,
			wardId,
			entity: 'proposal_version',
			entityId: v.id,
			action: 'submit',
			before: { status: cur.status },
			after: { proposalId: id, number, sha256: hash, files: files.map((f) => f.name) }
		});
		const targets = cur.reviewerId ? [cur.reviewerId] : reviewerIds(tx);
		notify(
			tx,
			targets,
			{
				key: number > 1 ? 'proposals.notify.resubmitted' : 'proposals.notify.submitted',
				params: { ward: s.wardName, title: cur.title, version: String(number) }
			},
			reviewLink(id)
		);
	});
}
