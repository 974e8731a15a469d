/** A write refused for a reason the user can fix. */
export class PlansError extends Error {
	constructor(
		public readonly code:
			| 'not-found'
			| 'invalid-unit'
			| 'invalid-room'
			| 'infeasible'
			| 'stale'
			| 'not-solved'
			| 'rule'
			| 'invalid-settings',
		public readonly violations: string[] = []
	) {
		super(code);
	}
}
