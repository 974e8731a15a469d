/**
 * One shape for a write refused for a reason the user can fix (or a record that is not there):
 * every service error extends {@link DomainError}, so routes map them in one place
 * (`code` 'not-found' → 404; a `field` and `messageKey` → the message beside that field).
 */
import type { MessageKey } from '../../i18n';

export class DomainError<C extends string = string> extends Error {
	/**
	 * The HTTP status of the refusal a form action answers (route toolkit `refusal`), when the
	 * error always means one: 503 (the server is busy: try again) or 409 (the record's state
	 * forbids it now). Unset: the action decides (400 by default).
	 */
	readonly status?: 409 | 503;

	constructor(
		/** What went wrong, in a word the route can match ('not-found', 'duplicate-code' …). */
		public readonly code: C,
		/** The form field the user should correct, when there is one. */
		public readonly field?: string,
		/** The catalogue key of the message shown to the user, with its values. */
		public readonly messageKey?: MessageKey,
		public readonly params?: Record<string, string | number>
	) {
		super(messageKey ? `${code}: ${messageKey} ${JSON.stringify(params ?? {})}` : code);
		this.name = new.target.name;
	}
}

/** Whether `e` is a {@link DomainError} saying the record is not there (or not the caller's). */
export const isNotFound = (e: unknown): boolean =>
	e instanceof DomainError && e.code === 'not-found';
