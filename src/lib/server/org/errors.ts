import { DomainError } from '../core/errors';

export type OrgErrorCode =
	'duplicate-code' | 'not-found' | 'invalid-unit' | 'unknown-title-key' | 'invalid-rank';

/** A write refused for a reason the user can fix. */
export class OrgError extends DomainError<OrgErrorCode> {
	constructor(code: OrgErrorCode, field?: string) {
		super(code, field);
	}
}
