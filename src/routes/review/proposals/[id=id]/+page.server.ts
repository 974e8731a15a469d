import { fail, redirect } from '@sveltejs/kit';
import { translate, type MessageKey } from '$lib/i18n';
import { commentSchema, decisionSchema } from '$lib/packet/forms';
import { cached } from '$lib/server/core/cache';
import { parseForm } from '$lib/server/core/forms';
import {
	DECIDABLE,
	ProposalError,
	addComment,
	claimProposal,
	decideProposal,
	getProposal
} from '$lib/server/proposals';
import { proposalPacketHtml } from '$lib/components/packet/packet-html.server';
import { pageHtml } from '$lib/components/packet/server-html';
import { reviewProposalView } from '$lib/server/proposals/review-view';
import { actorOf } from '$lib/server/core/request';
import {
	REPLYABLE,
	ThreadError,
	replyToThread,
	setThreadResolved
} from '$lib/server/proposals/review-comments';
import { notFound } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';
import { tileUrl } from '$lib/server/tiles';

function proposalOr404(locals: App.Locals, raw: string) {
	const id = Number(raw);
	const p = Number.isInteger(id) ? getProposal(locals.db, null, id) : undefined;
	// The city never sees a ward's draft.
	if (!p || p.status === 'draft') notFound(locals.locale);
	return p;
}

export const load: PageServerLoad = (event) => {
	const { locals, params, url } = event;
	const id = Number(params.id);
	// Parsing the proposal's draft and snapshots (hundreds of KB for a large ward) is reused while
	// the database is unchanged (see $lib/server/cache).
	const view = Number.isInteger(id)
		? cached(locals.db, `review-proposal:${id}`, () => reviewProposalView(locals.db, id))
		: undefined;
	// The city never sees a ward's draft.
	if (!view) notFound(locals.locale);
	// The packet's sections as HTML rendered on the server: the first rows of each section table
	// (all with ?all=<section>, everything with ?print=1).
	const { snapshot, map, ...rest } = view;
	return {
		...rest,
		// The map's layer is fetched by the page (./map.json) once it shows: here its size only.
		mapSites: map?.sites.length ?? 0,
		packetHtml: snapshot
			? pageHtml(proposalPacketHtml(locals.db, `review:${id}`, snapshot, url, locals.locale), event)
			: null,
		print: url.searchParams.get('print') === '1',
		tileUrl: tileUrl(),
		canReply: locals.canEdit && (REPLYABLE as readonly string[]).includes(view.proposal.status),
		canResolve: locals.canEdit,
		canDecide: locals.canEdit && DECIDABLE.includes(view.proposal.status),
		canClaim: locals.canEdit && view.proposal.status === 'submitted'
	};
};

function reviewerOnly(locals: App.Locals) {
	return locals.canEdit
		? null
		: fail(403, { message: translate(locals.locale, 'proposals.err.reviewerOnly') });
}

function refused(locals: App.Locals, e: unknown) {
	if (e instanceof ProposalError) {
		return fail(409, {
			message: translate(locals.locale, `proposals.err.${e.code}` as MessageKey)
		});
	}
	throw e;
}

function threadRefused(locals: App.Locals, threadId: number, e: unknown) {
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

async function threadForm(request: Request) {
	const f = await request.formData();
	const threadId = Number(f.get('threadId'));
	const body = String(f.get('body') ?? '');
	return { threadId: Number.isInteger(threadId) ? threadId : -1, body };
}

export const actions: Actions = {
	reply: async ({ request, locals, params }) => {
		const denied = reviewerOnly(locals);
		if (denied) return denied;
		const p = proposalOr404(locals, params.id);
		const { threadId, body } = await threadForm(request);
		try {
			replyToThread(locals.db, actorOf(locals), { proposalId: p.id, threadId, body, wardId: null });
		} catch (e) {
			return threadRefused(locals, threadId, e);
		}
		redirect(303, `/review/proposals/${p.id}#thread-${threadId}`);
	},
	resolve: async ({ request, locals, params }) => {
		const denied = reviewerOnly(locals);
		if (denied) return denied;
		const p = proposalOr404(locals, params.id);
		const { threadId } = await threadForm(request);
		try {
			setThreadResolved(locals.db, actorOf(locals), { proposalId: p.id, threadId, resolved: true });
		} catch (e) {
			return threadRefused(locals, threadId, e);
		}
		redirect(303, `/review/proposals/${p.id}#thread-${threadId}`);
	},
	reopen: async ({ request, locals, params }) => {
		const denied = reviewerOnly(locals);
		if (denied) return denied;
		const p = proposalOr404(locals, params.id);
		const { threadId } = await threadForm(request);
		try {
			setThreadResolved(locals.db, actorOf(locals), {
				proposalId: p.id,
				threadId,
				resolved: false
			});
		} catch (e) {
			return threadRefused(locals, threadId, e);
		}
		redirect(303, `/review/proposals/${p.id}#thread-${threadId}`);
	},
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
		redirect(303, `/review/proposals/${p.id}#threads-h`);
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
