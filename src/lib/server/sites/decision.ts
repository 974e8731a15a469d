/**
 * The ward's scoring decision read from the database: the active criteria, the sites, the ward's
 * context, the required land and the weights in use, put together by `decide` ($lib/scoring).
 */
import { decide, type Decision, type DecisionInputs } from '../../scoring';
import type { DbLike } from '../db';
import { ahpState } from './ahp';
import { listCriteria } from './criteria';
import { requiredLand, siteContext } from './context';
import { allSites } from './records';
import { weightState } from './weights';

/** The rows {@link buildDecision} works on (read on the server's thread: SQLite is fast). */
export function decisionInputs(db: DbLike, wardId: number): DecisionInputs {
	const active = listCriteria(db, wardId).filter((c) => c.active);
	const siteRows = allSites(db, wardId);
	return {
		active,
		siteRows,
		ctx: siteContext(db, wardId, siteRows),
		required: requiredLand(db, wardId),
		weights: weightState(db, wardId, active)
	};
}

/** Everything the scoring needs, read from the database. */
export function buildDecision(db: DbLike, wardId: number): Decision {
	return decide(decisionInputs(db, wardId));
}

/** The AHP session behind the decision's weights as a run records it (null: not AHP). */
export function runAhpInfo(db: DbLike, wardId: number, decision: Decision) {
	if (decision.weights.source !== 'ahp') return null;
	const state = ahpState(
		db,
		wardId,
		decision.criteria.map((c) => c.key)
	);
	return {
		participants: state.participants.map((p) => ({
			participant: p.participant,
			cr: p.cr,
			weights: p.weights,
			distanceToGroup: p.distanceToGroup,
			kendallTauToGroup: p.kendallTauToGroup
		})),
		meanKendallTau: state.meanKendallTau
	};
}
