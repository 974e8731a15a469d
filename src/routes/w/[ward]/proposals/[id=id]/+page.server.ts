import { fail, redirect } from '@sveltejs/kit';
import { translate, type MessageKey } from '$lib/i18n';
import { SECTION_KEYS, type PacketDraft, type SectionKey } from '$lib/packet';
import { draftSchema } from '$lib/packet/forms';
import { versionFiles } from '$lib/server/export';
import { cached, forget } from '$lib/server/core/cache';
import { QueueFullError } from '$lib/server/jobs';
import { parseForm } from '$lib/server/core/forms';
import { ConflictError, conflictFailure, formVersion } from '$lib/server/core/concurrency';
import {
	EDITABLE,
	getProposal,
	lastVersionDiff,
	listComments,
	listDecisions,
	listVersions,
	proposalVersion,
	reassembleOffThread,
	recomputeCheckOffThread,
	saveDraft,
	submitProposal
} from '$lib/server/proposals';
import { actorOf } from '$lib/server/core/request';
import { ThreadError, listThreads, replyToThread } from '$lib/server/proposals/review-comments';
import { DossierError, dossierView, saveDossier } from '$lib/server/proposals/dossier';
import { dossierFormValues } from '$lib/server/proposals/dossier-form';
import { dossierFormSchema } from '$lib/schemas/dossier';
import { allSites } from '$lib/server/sites';
import { getVersion } from '$lib/server/proposals';
import { maySeeProposal } from '$lib/server/core/visibility';
import { proposalPacketHtml } from '$lib/components/packet/packet-html.server';
import { pageHtml } from '$lib/components/packet/server-html';
import { notFound, refusal, wardOf } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

function proposalOr404(locals: App.Locals, raw: string) {
	const id = Number(raw);
	const p = Number.isInteger(id) ? getProposal(locals.db, wardOf(locals).id, id) : undefined;
	if (!p) notFound(locals.locale);
	return p;
}

export const load: PageServerLoad = async (event) => {
	const { locals, params, url } = event;
	const wardId = wardOf(locals).id;
	const id = Number(params.id);
	// Parsing the draft and the snapshots (hundreds of KB for a large ward) and, for an editable
	// draft, re-assembling the packet to list changed numbers are reused while the database is
	// unchanged (see $lib/server/cache).
	const view = Number.isInteger(id)
		? cached(locals.db, `ward-proposal:${wardId}:${id}`, () => proposalView(locals.db, wardId, id))
		: undefined;
	// The city never sees a ward's draft (see visibility.ts): 404 as for a missing record.
	if (!view || !maySeeProposal(locals.principal, { versions: view.versions.length })) {
		notFound(locals.locale);
	}
	const { snapshot, sites, state, ...rest } = view;
	// Numbers whose source changed since the draft was assembled: the packet is assembled again
	// on a worker thread (100-250 ms of gathering on a large ward), reused while nothing changes.
	// With the assembly queue full the page still opens: the check is skipped (null, the page
	// says so) and not remembered, so the next load tries again.
	const changesKey = `ward-proposal-changes:${wardId}:${id}`;
	let changes: Awaited<ReturnType<typeof recomputeCheckOffThread>> | null = [];
	if (view.editable) {
		try {
			changes = await cached(locals.db, changesKey, () =>
				recomputeCheckOffThread(locals.db, wardId, state)
			);
		} catch (e) {
			forget(changesKey);
			if (!(e instanceof QueueFullError)) throw e;
			changes = null;
		}
	}
	return {
		...rest,
		changes,
		/** The proposal's version, sent back by the draft form (optimistic concurrency). */
		proposalVersion: proposalVersion(locals.db, wardId, id),
		// The packet's sections as HTML rendered on the server (the first rows of each section
		// table; all of them for the sections asked with ?all=…, everything with ?print=1); the
		// packet files keep every row.
		packet: snapshot
			? {
					assembledAt: snapshot.assembledAt,
					html: pageHtml(
						proposalPacketHtml(locals.db, `ward:${wardId}:${id}`, snapshot, url, locals.locale),
						event
					)
				}
			: null,
		print: url.searchParams.get('print') === '1',
		// Only the draft form (editors of an editable proposal) chooses a site.
		sites: locals.canEdit && view.editable ? sites : [],
		dossier: {
			inputs: view.dossier.inputs,
			suggestions: locals.canEdit && view.editable ? view.dossier.suggestions : null
		},
		dossierSaved: url.searchParams.get('dossier') === 'saved'
	};
};

function proposalView(db: App.Locals['db'], wardId: number, id: number) {
	const p = getProposal(db, wardId, id);
	if (!p) return undefined;
	const editable = EDITABLE.includes(p.status);
	const versions = listVersions(db, p.id);
	const latest = versions.length
		? getVersion(db, p.id, versions[versions.length - 1].number)
		: undefined;
	const snapshot = editable ? p.state.assembled : (latest?.snapshot ?? p.state.assembled);
	return {
		proposal: { id: p.id, title: p.title, status: p.status },
		editable,
		draft: p.state.draft,
		snapshot,
		state: p.state,
		versions: versions.map((v) => ({
			id: v.id,
			number: v.number,
			sha256: v.sha256,
			submittedAt: v.submittedAt,
			submittedBy: v.submittedBy
		})),
		comments: listComments(db, p.id),
		threads: listThreads(db, p.id),
		decisions: listDecisions(db, p.id),
		diff: lastVersionDiff(db, p.id),
		// The dossier's figures: live for an editable draft, as frozen in the version otherwise.
		dossier: editable
			? dossierView(db, wardId, p.state.draft, p.id)
			: { inputs: snapshot?.dossier ?? null, suggestions: null },
		sites: allSites(db, wardId).map((s) => ({ code: s.code, name: s.name }))
	};
}

/** A stored draft as the draft form sends it (the "take theirs" values of a stale save). */
function draftFormValues(title: string, d: PacketDraft): Record<string, string> {
	const s = d.submission;
	const out: Record<string, string> = {
		title,
		number: s.number ?? '',
		place: s.place ?? '',
		date: s.date ?? '',
		signerAuthority: s.signerAuthority ?? '',
		signerTitle: s.signerTitle ?? '',
		signerName: s.signerName ?? '',
		summary: s.summary ?? '',
		request: s.request ?? '',
		recipients: s.recipients.join('\n')
	};
	for (const k of SECTION_KEYS) {
		if (k !== 'submission' && k !== 'appendices') out[`narrative_${k}`] = d.narratives[k] ?? '';
	}
	return out;
}

/**
 * The answer to a refused packet action, as the page's message: a full or busy packet queue
 * 503 (nothing was submitted), a proposal whose state forbids it 409, a record gone 404.
 */
function refused(
	locals: App.Locals,
	e: unknown,
	values: Record<string, string> = {},
	form?: string
) {
	return refusal(e, { locals }, values, { form, defaultStatus: 409 });
}

export const actions: Actions = {
	save: async ({ request, locals, params }) => {
		const ward = wardOf(locals);
		const p = proposalOr404(locals, params.id);
		const formData = await request.formData();
		// The schedule and the site are set by the dossier form: this form keeps the draft's own.
		if (!formData.has('startYear')) {
			formData.set('startYear', String(p.state.draft.schedule.startYear));
		}
		if (!formData.has('endYear')) formData.set('endYear', String(p.state.draft.schedule.endYear));
		const parsed = parseForm(draftSchema, formData, locals.locale, 'draft');
		if (!parsed.ok) return parsed.failure;
		const d = parsed.data as typeof parsed.data & Record<string, string | null>;
		const narratives: PacketDraft['narratives'] = {};
		for (const k of SECTION_KEYS) {
			const v = d[`narrative_${k}`];
			if (v) narratives[k as SectionKey] = v;
		}
		const draft: PacketDraft = {
			submission: {
				number: d.number,
				place: d.place,
				date: d.date as string,
				summary: d.summary,
				request: d.request,
				signerAuthority: d.signerAuthority,
				signerTitle: d.signerTitle,
				signerName: d.signerName ?? '',
				recipients: (d.recipients ?? '')
					.split(/\r?\n/)
					.map((x) => x.trim())
					.filter(Boolean)
			},
			narratives,
			schedule: p.state.draft.schedule,
			recommendedSiteCode: p.state.draft.recommendedSiteCode,
			dossier: p.state.draft.dossier
		};
		try {
			saveDraft(
				locals.db,
				actorOf(locals),
				ward.id,
				p.id,
				{ title: d.title, draft },
				formVersion(formData)
			);
			// The narratives and the tờ trình are part of the snapshot: assemble again.
			await reassembleOffThread(locals.db, actorOf(locals), ward.id, p.id);
		} catch (e) {
			if (e instanceof ConflictError) {
				const stored = e.current ? proposalOr404(locals, params.id) : null;
				return conflictFailure(locals.db, locals.locale, e, parsed.values, {
					form: 'draft',
					theirs: stored ? draftFormValues(stored.title, stored.state.draft) : undefined
				});
			}
			return refused(locals, e);
		}
		redirect(303, `/w/${ward.code}/proposals/${p.id}`);
	},
	dossier: async ({ request, locals, params }) => {
		const ward = wardOf(locals);
		const p = proposalOr404(locals, params.id);
		const formData = await request.formData();
		const parsed = parseForm(dossierFormSchema, formData, locals.locale, 'dossier');
		if (!parsed.ok) return parsed.failure;
		try {
			saveDossier(locals.db, actorOf(locals), ward.id, p.id, parsed.data, formVersion(formData));
			// The dossier's figures are part of the snapshot: assemble again.
			await reassembleOffThread(locals.db, actorOf(locals), ward.id, p.id);
		} catch (e) {
			if (e instanceof ConflictError) {
				// The stored dossier as the form shows it (a stale page: keep mine or take theirs).
				const stored = e.current ? proposalOr404(locals, params.id) : null;
				return conflictFailure(locals.db, locals.locale, e, parsed.values, {
					form: 'dossier',
					theirs: stored
						? dossierFormValues(
								stored.state.draft,
								dossierView(locals.db, ward.id, stored.state.draft, stored.id).suggestions
							)
						: undefined
				});
			}
			// Refused by a rule: each problem beside its field.
			if (e instanceof DossierError && e.problems.length > 0) {
				return fail(400, {
					values: parsed.values,
					errors: Object.fromEntries(
						e.problems.map((x) => [x.field, locals.locale === 'vi' ? x.messageVi : x.messageEn])
					),
					message: translate(locals.locale, 'dossier.err.refused'),
					form: 'dossier'
				});
			}
			return refused(locals, e, parsed.values, 'dossier');
		}
		redirect(303, `/w/${ward.code}/proposals/${p.id}?dossier=saved#dossier`);
	},
	assemble: async ({ locals, params }) => {
		const ward = wardOf(locals);
		const p = proposalOr404(locals, params.id);
		try {
			await reassembleOffThread(locals.db, actorOf(locals), ward.id, p.id);
		} catch (e) {
			return refused(locals, e);
		}
		redirect(303, `/w/${ward.code}/proposals/${p.id}`);
	},
	reply: async ({ request, locals, params }) => {
		const ward = wardOf(locals);
		const p = proposalOr404(locals, params.id);
		const f = await request.formData();
		const raw = Number(f.get('threadId'));
		const threadId = Number.isInteger(raw) ? raw : -1;
		const body = String(f.get('body') ?? '');
		try {
			replyToThread(locals.db, actorOf(locals), {
				proposalId: p.id,
				threadId,
				body,
				wardId: ward.id
			});
		} catch (e) {
			if (e instanceof ThreadError) {
				return fail(409, {
					threadError: {
						threadId,
						message: translate(locals.locale, `review.err.${e.code}` as MessageKey)
					}
				});
			}
			throw e;
		}
		redirect(303, `/w/${ward.code}/proposals/${p.id}#thread-${threadId}`);
	},
	submit: async ({ request, locals, params }) => {
		const ward = wardOf(locals);
		const p = proposalOr404(locals, params.id);
		// The confirmation (the dialog, or the submit page without JavaScript) is required.
		if (!(await request.formData()).get('confirm')) {
			redirect(303, `/w/${ward.code}/proposals/${p.id}/submit?unconfirmed=1`);
		}
		try {
			await submitProposal(locals.db, actorOf(locals), ward.id, p.id, versionFiles);
		} catch (e) {
			return refused(locals, e);
		}
		redirect(303, `/w/${ward.code}/proposals/${p.id}`);
	}
};
