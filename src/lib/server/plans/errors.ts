import { DomainError } from '../core/errors';
import type { MessageKey } from '../../i18n';

export type PlansErrorCode =
	| 'not-found'
	| 'invalid-unit'
	| 'invalid-room'
	| 'infeasible'
	| 'stale'
	| 'not-solved'
	| 'rule'
	| 'invalid-settings';

/** The form field and the message of a code, where one code always means the same to the user. */
const MEANING: Partial<Record<PlansErrorCode, { field?: string; messageKey: MessageKey }>> = {
	'invalid-unit': { field: 'unitId', messageKey: 'plans.err.invalidUnit' },
	'invalid-room': { field: 'toRoomId', messageKey: 'plans.err.invalidRoom' },
	'not-solved': { messageKey: 'plans.err.notSolved' },
	'invalid-settings': { messageKey: 'plans.settings.invalid' }
};

/**
 * A write refused for a reason the user can fix. `violations` names each broken rule in the
 * user's language (`rule`, `infeasible`). A {@link DomainError}: routes map it in one place.
 */
export class PlansError extends DomainError<PlansErrorCode> {
	constructor(
		code: PlansErrorCode,
		public readonly violations: string[] = []
	) {
		super(code, MEANING[code]?.field, MEANING[code]?.messageKey);
	}
}
