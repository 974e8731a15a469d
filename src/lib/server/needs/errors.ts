import { DomainError } from '../core/errors';

/** A needs request refused for a reason the caller can report. */
export class NeedsError extends DomainError<'norm-set-not-found' | 'not-found'> {
	constructor(code: 'norm-set-not-found' | 'not-found') {
		super(code);
	}
}
