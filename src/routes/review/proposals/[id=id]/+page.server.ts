import { error, fail, redirect } from '@sveltejs/kit';
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
	expandedSections,
	getProposal,
	getVersion,
	lastVersionDiff,
	listDecisions,
	listVersions,
	pageSnapshot
} from '$lib/server/proposals';
import { actorOf } from '$lib/server/core/request';
import {
	ThreadError,
	listThreads,
	replyToThread,
	setThreadResolved
} from '$lib/server/proposals/review-comments';
import { wardGeo } from '$lib/server/sites';
import { env } from '$env/dynamic/private';
import type { PacketSnapshot } from '$lib/packet';
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
		tileUrl:
			env.TILE_URL === 'none'
				? null
				: env.TILE_URL || 'https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png',
		canReply: locals.canEdit && REPLYABLE.includes(view.proposal.status),
		canResolve: locals.canEdit,
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
		threads: listThreads(db, p.id),
		decisions: listDecisions(db, p.id),
		diff: lastVersionDiff(db, p.id),
		map: latest ? mapOf(latest.snapshot, wardGeo(db, p.wardId)) : null
	};
}

const REPLYABLE: readonly string[] = ['submitted', 'in-review', 'returned'];

/**
 * The sites layer of the submitted version (as the ward's site pages draw it: a marker per site,
 * its polygon when drawn), the recommended site larger, and the ward's extent and boundary.
 */
function mapOf(s: PacketSnapshot, geo: ReturnType<typeof wardGeo>) {
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
