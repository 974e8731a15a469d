/**
 * Authorisation, decided in one place. The `handle` hook calls `authorize` for every request
 * (page loads, form actions, API handlers) from the route id, its params and the method, so a
 * new route is covered by the rule of its prefix and cannot be forgotten.
 *
 * Rules: a ward's users read their ward (editors also write it); city reviewers and admins
 * read every ward; nobody else learns that another ward's record exists (404). A read-only
 * role posting an action gets 403. `/review` is for city reviewers, `/admin` for admins.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { proposals, wards } from '../db/schema';
import { maySeeProposal, versionCountSql } from '../core/visibility';
import type { SessionUser } from './sessions';

export type Principal =
	| { kind: 'user'; user: SessionUser }
	| { kind: 'token'; tokenId: number; wardId: number | null }
	| null;

export interface WardRef {
	id: number;
	code: string;
	name: string;
	isSample: boolean;
}

export type Decision =
	{ ok: true; ward?: WardRef; canEdit: boolean } | { ok: false; status: 401 | 403 | 404 };

type Rule =
	| { kind: 'public' }
	| { kind: 'user' }
	| { kind: 'ward'; param: string; memberWrites?: true; editOnly?: true }
	| { kind: 'proposal'; param: string }
	| { kind: 'city' }
	| { kind: 'admin' };

/** Route-id prefixes and their rule; the first match wins, the last entry is the default. */
export const POLICY: [prefix: string, rule: Rule][] = [
	['/login', { kind: 'public' }],
	['/lang', { kind: 'public' }],
	['/help', { kind: 'public' }],
	// A one-time AHP link answers without an account; the token is checked by the page.
	['/ahp/[token]', { kind: 'public' }],
	['/health', { kind: 'public' }],
	['/api/v1/wards/[code]', { kind: 'ward', param: 'code' }],
	['/api/v1/proposals/[id=id]', { kind: 'proposal', param: 'id' }],
	['/api/v1', { kind: 'user' }],
	// Every member of the ward (the leaders have viewer accounts) answers their own AHP comparisons.
	['/w/[ward]/sites/weights/mine', { kind: 'ward', param: 'ward', memberWrites: true }],
	// Pages that exist only to change the ward: a read-only user gets 403, not a form that
	// fails on saving.
	['/w/[ward]/facilities/new', { kind: 'ward', param: 'ward', editOnly: true }],
	['/w/[ward]/sites/new', { kind: 'ward', param: 'ward', editOnly: true }],
	['/w/[ward]/sites/import', { kind: 'ward', param: 'ward', editOnly: true }],
	['/w/[ward]/proposals/[id=id]/submit', { kind: 'ward', param: 'ward', editOnly: true }],
	['/w/[ward]', { kind: 'ward', param: 'ward' }],
	['/review', { kind: 'city' }],
	['/admin', { kind: 'admin' }],
	['', { kind: 'user' }]
];

export function ruleFor(routeId: string): Rule {
	for (const [prefix, rule] of POLICY) {
		if (routeId === prefix || routeId.startsWith(prefix + '/') || prefix === '') return rule;
	}
	return { kind: 'user' };
}

const isRead = (method: string) => method === 'GET' || method === 'HEAD' || method === 'OPTIONS';

function wardByCode(db: Db, code: string): WardRef | undefined {
	return db
		.select({ id: wards.id, code: wards.code, name: wards.name, isSample: wards.isSample })
		.from(wards)
		.where(eq(wards.code, code))
		.get();
}

/** Who may see a ward: its own users, the city's reviewers, admins, and matching tokens. */
export function canSeeWard(principal: NonNullable<Principal>, wardId: number): boolean {
	if (principal.kind === 'token') return principal.wardId === null || principal.wardId === wardId;
	const { role, wardId: own } = principal.user;
	if (role === 'admin' || role === 'city_reviewer') return true;
	return own === wardId;
}

/** The wards the caller may open (by {@link canSeeWard}), by name; none for an anonymous caller. */
export function visibleWards(db: Db, principal: Principal): WardRef[] {
	if (!principal) return [];
	return db
		.select({ id: wards.id, code: wards.code, name: wards.name, isSample: wards.isSample })
		.from(wards)
		.orderBy(asc(wards.name))
		.all()
		.filter((w) => canSeeWard(principal, w.id));
}

export function authorize(
	db: Db,
	principal: Principal,
	routeId: string | null,
	params: Record<string, string>,
	method: string
): Decision {
	const rule = ruleFor(routeId ?? '');
	if (rule.kind === 'public') return { ok: true, canEdit: false };
	if (!principal) return { ok: false, status: 401 };
	// Tokens are read-only and only for the JSON API.
	if (principal.kind === 'token') {
		if (!routeId?.startsWith('/api/')) return { ok: false, status: 401 };
		if (!isRead(method)) return { ok: false, status: 403 };
	}
	const role = principal.kind === 'user' ? principal.user.role : null;
	switch (rule.kind) {
		case 'user':
			return { ok: true, canEdit: false };
		case 'admin':
			return role === 'admin' ? { ok: true, canEdit: true } : { ok: false, status: 404 };
		case 'city':
			return role === 'city_reviewer' || role === 'admin'
				? { ok: true, canEdit: role === 'city_reviewer' }
				: { ok: false, status: 404 };
		case 'ward': {
			const ward = wardByCode(db, params[rule.param] ?? '');
			if (!ward || !canSeeWard(principal, ward.id)) return { ok: false, status: 404 };
			const canEdit =
				principal.kind === 'user' &&
				principal.user.role === 'ward_editor' &&
				principal.user.wardId === ward.id;
			const member = principal.kind === 'user' && principal.user.wardId === ward.id;
			if ((rule.editOnly || !isRead(method)) && !canEdit && !(rule.memberWrites && member)) {
				return { ok: false, status: 403 };
			}
			return { ok: true, ward, canEdit };
		}
		case 'proposal': {
			const id = Number(params[rule.param]);
			const row = Number.isInteger(id)
				? db
						.select({ wardId: proposals.wardId, versions: versionCountSql() })
						.from(proposals)
						.where(and(eq(proposals.id, id)))
						.get()
				: undefined;
			if (!row || !canSeeWard(principal, row.wardId)) return { ok: false, status: 404 };
			// The city sees a ward's proposal once it has been submitted (see visibility.ts).
			if (!maySeeProposal(principal, row)) return { ok: false, status: 404 };
			if (!isRead(method)) return { ok: false, status: 403 };
			return { ok: true, canEdit: false };
		}
	}
}
