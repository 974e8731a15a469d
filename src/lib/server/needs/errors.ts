/** A needs request refused for a reason the caller can report. */
export class NeedsError extends Error {
	constructor(public readonly code: 'norm-set-not-found' | 'not-found') {
		super(code);
	}
}
