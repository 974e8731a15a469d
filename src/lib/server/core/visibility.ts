/**
 * What the city may see of a ward's proposals: one rule, used by the ward's proposal pages and
 * packet downloads, the JSON API (guard and lists) and the audit trail (page and CSV).
 *
 * The city (city reviewers, and API tokens valid for every ward) sees a proposal once the ward
 * has submitted it at least once (it has a version). A draft, and a draft replaced before it
 * was ever submitted ("superseded" without a version), stay the ward's: the city gets 404, as
 * for a record that does not exist. The ward's own users and tokens, and admins, see all.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Principal } from '../auth/guard';

/** True when the caller looks at wards as the city does (not as the ward's own, not as admin). */
export function isCityViewer(principal: Principal): boolean {
	if (!principal) return false;
	if (principal.kind === 'token') return principal.wardId === null;
	return principal.user.role === 'city_reviewer';
}

/** The rule itself: may this caller see a proposal with this many submitted versions? */
export function maySeeProposal(principal: Principal, proposal: { versions: number }): boolean {
	return !isCityViewer(principal) || proposal.versions > 0;
}

/**
 * The outer query's proposal id, written out in full. (drizzle writes `${proposals.id}` as a
 * bare "id" in a one-table query, which inside `from proposal_versions v` means v.id.)
 */
export const PROPOSAL_ID = sql.raw('"proposals"."id"');

/** SQL: the proposal whose id is `id` has been submitted at least once (the city may see it). */
export function submittedSql(id: SQL = PROPOSAL_ID): SQL {
	return sql`exists (select 1 from proposal_versions pv where pv.proposal_id = ${id})`;
}

/** SQL: how many versions the proposal `id` has (for maySeeProposal). */
export function versionCountSql(id: SQL = PROPOSAL_ID): SQL<number> {
	return sql<number>`(select count(*) from proposal_versions pv where pv.proposal_id = ${id})`;
}
