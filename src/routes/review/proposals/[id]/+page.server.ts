import { error, fail, redirect } from '@sveltejs/kit';
import { translate, type MessageKey } from '$lib/i18n';
import { commentSchema, decisionSchema } from '$lib/packet/forms';
import { cached } from '$lib/server/cache';
import { parseForm } from '$lib/server/forms';
import {
	DECIDABLE,
	ProposalError,
	addComment,
	claimProposal,
	decideProposal,
	expandedSections,
	getProposal,
	getVersion,
	lastVersionDiff,
	listComments,
	listDecisions,
	listVersions,
	pageSnapshot
} from '$lib/server/proposals';
import { actorOf } from '$lib/server/request';
import { wards } from '$lib/server/db/schema';
import { eq } from 'drizzle-orm';
import type { Actions, PageServerLoad } from './$types';

function proposalOr404(locals: App.Locals, raw: string) {
	const id = Number(raw);
	const p = Number.isInteger(id) ? getProposal(locals.db, null, id) : undefined;
	// The city never sees a ward's draft.
	if (!p || p.status === 'draft') error(404, translate(locals.locale, 'err.notFound'));
	return p;
}

export const load: PageServerLoad = ({ locals, params, url }) => {
	const id = Number(params.id);
	// Parsing the proposal's draft and snapshots (hundreds of KB for a large ward) is reused while
	// the database is unchanged (see $lib/server/cache).
	const view = Number.isInteger(id)
		? cached(locals.db, `review-proposal:${id}`, () => proposalView(locals.db, id))
		: undefined;
	// The city never sees a ward's draft.
	if (!view) error(404, translate(locals.locale, 'err.notFound'));
	// The first rows of each section table (all with ?all=<section>, everything with ?print=1).
	const { snapshot, ...rest } = view;
	return {
		...rest,
		snapshot: snapshot && pageSnapshot(snapshot, expandedSections(url)),
		print: url.searchParams.get('print') === '1',
		canDecide: locals.canEdit && DECIDABLE.includes(view.proposal.status),
		canClaim: locals.canEdit && view.proposal.status === 'submitted'
	};
};

function proposalView(db: App.Locals['db'], id: number) {
	const p = getProposal(db, null, id);
	if (!p || p.status === 'draft') return undefined;
	const versions = listVersions(db, p.id);
	// A draft replaced before it was ever submitted is not the city's either (see visibility.ts).
	if (versions.length === 0) return undefined;
	const latest = versions.length
		? getVersion(db, p.id, versions[versions.length - 1].number)
		: undefined;
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
		comments: listComments(db, p.id),
		decisions: listDecisions(db, p.id),
		diff: lastVersionDiff(db, p.id)
	};
}

function reviewerOnly(locals: App.Locals) {
	return locals.canEdit
		? null
		: fail(403, { message: translate(locals.locale, 'proposals.err.reviewerOnly') });
}

function refused(locals: App.Locals, e: unknown) {
	if (e instanceof ProposalError)
		return fail(409, {
			message: translate(locals.locale, `proposals.err.${e.code}` as MessageKey)
		});
	throw e;
}

export const actions: Actions = {
	claim: async ({ locals, params }) => {
		const denied = reviewerOnly(locals);
		if (denied) return denied;
		const p = proposalOr404(locals, params.id);
		try {
			claimProposal(locals.db, actorOf(locals), p.id);
		} catch (e) {
			return refused(locals, e);
		}
		redirect(303, `/review/proposals/${p.id}`);
	},
	comment: async ({ request, locals, params }) => {
		const denied = reviewerOnly(locals);
		if (denied) return denied;
		const p = proposalOr404(locals, params.id);
		const parsed = parseForm(commentSchema, await request.formData(), locals.locale, 'comment');
		if (!parsed.ok) return parsed.failure;
		try {
			addComment(locals.db, actorOf(locals), p.id, parsed.data);
		} catch (e) {
			return refused(locals, e);
		}
		redirect(303, `/review/proposals/${p.id}#sec-${parsed.data.section}`);
	},
	decide: async ({ request, locals, params }) => {
		const denied = reviewerOnly(locals);
		if (denied) return denied;
		const p = proposalOr404(locals, params.id);
		const parsed = parseForm(decisionSchema, await request.formData(), locals.locale, 'decide');
		if (!parsed.ok) return parsed.failure;
		try {
			decideProposal(locals.db, actorOf(locals), p.id, parsed.data);
		} catch (e) {
			return refused(locals, e);
		}
		redirect(303, `/review/proposals/${p.id}`);
	}
};
