import type { Actor } from '../audit';
import { DomainError } from '../core/errors';
import type { RecordContext } from '../core/records';
import { translate, type Locale, type MessageKey } from '../../i18n';

export type InventoryErrorCode =
	'duplicate-code' | 'not-found' | 'invalid-unit' | 'has-children' | 'implausible' | 'grade';

/** The message of a code whose error names none (so the route toolkit can show it). */
const DEFAULT_KEYS: Partial<Record<InventoryErrorCode, MessageKey>> = {
	'duplicate-code': 'err.duplicateCode',
	'invalid-unit': 'err.invalidUnit'
};

/** A write refused for a reason the user can fix (duplicate code, unknown parent …). */
export class InventoryError extends DomainError<InventoryErrorCode> {
	constructor(
		code: InventoryErrorCode,
		field?: string,
		/** For 'implausible' and 'grade': the message key and its values (vi-VN numbers). */
		key?: MessageKey,
		params?: Record<string, string | number>
	) {
		super(code, field, key ?? DEFAULT_KEYS[code], params);
	}

	/** The message key (the name this class used before DomainError's `messageKey`). */
	get key(): MessageKey | undefined {
		return this.messageKey;
	}
}

/**
 * The field and the message (in the user's language) of an error a form can show next to a
 * field, or null for errors that are not the user's to fix (e.g. not-found).
 */
export function inventoryErrorField(
	e: unknown,
	locale: Locale
): { field: string; message: string } | null {
	if (!(e instanceof InventoryError)) return null;
	if (e.code === 'duplicate-code') {
		return { field: e.field ?? 'code', message: translate(locale, 'err.duplicateCode') };
	}
	if (e.code === 'invalid-unit') {
		return { field: e.field ?? 'orgUnitId', message: translate(locale, 'err.invalidUnit') };
	}
	if ((e.code === 'implausible' || e.code === 'grade') && e.messageKey) {
		return { field: e.field ?? '_', message: translate(locale, e.messageKey, e.params) };
	}
	return null;
}

/** The kernel's context for an inventory write (errors as {@link InventoryError}). */
export const inventoryRecord = (actor: Actor, wardId: number, entity: string): RecordContext => ({
	actor,
	wardId,
	entity,
	error: (code, field) => new InventoryError(code, field)
});
