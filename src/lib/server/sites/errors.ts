/** The refusals of the sites and scoring services, for a reason the user can fix. */
import type { MessageKey } from '../../i18n';
import { DomainError } from '../core/errors';

/** A message key of the sites catalogue with its parameters (translated by the route). */
export interface SiteMessage {
	key: MessageKey;
	params?: Record<string, string | number>;
}

/** A write refused for a reason the user can fix. */
export class SiteError extends DomainError<'duplicate-code' | 'not-found' | 'geometry'> {
	constructor(
		code: 'duplicate-code' | 'not-found' | 'geometry',
		field?: string,
		/** The message to show beside `field` (also as `messageKey` and `params`). */
		public readonly detail?: SiteMessage
	) {
		super(code, field, detail?.key, detail?.params);
	}
}

/** A refusal the user can fix. */
export type ScoringErrorCode =
	'not-found' | 'no-criteria' | 'unknown-source' | 'duplicate' | 'name-taken';

export class ScoringError extends DomainError<ScoringErrorCode> {
	constructor(code: ScoringErrorCode) {
		super(code);
	}
}
