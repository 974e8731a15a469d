/** The refusals of the sites and scoring services, for a reason the user can fix. */
import type { MessageKey } from '../../i18n';

/** A message key of the sites catalogue with its parameters (translated by the route). */
export interface SiteMessage {
	key: MessageKey;
	params?: Record<string, string | number>;
}

/** A write refused for a reason the user can fix. */
export class SiteError extends Error {
	constructor(
		public readonly code: 'duplicate-code' | 'not-found' | 'geometry',
		public readonly field?: string,
		public readonly detail?: SiteMessage
	) {
		super(detail ? `${code}: ${detail.key}` : code);
	}
}

/** A refusal the user can fix. */
export class ScoringError extends Error {
	constructor(
		public readonly code:
			'not-found' | 'no-criteria' | 'unknown-source' | 'duplicate' | 'name-taken'
	) {
		super(code);
	}
}
