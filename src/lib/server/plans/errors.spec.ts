import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n';
import { DomainError, isNotFound } from '../core/errors';
import { PlansError } from './errors';

describe('PlansError', () => {
	it('is a DomainError with its code, field and message, and keeps the violations', () => {
		const e = new PlansError('rule', ['Quy tắc tầng 1: …']);
		expect(e).toBeInstanceOf(DomainError);
		expect(e).toBeInstanceOf(PlansError);
		expect(e.name).toBe('PlansError');
		expect([e.code, e.violations]).toEqual(['rule', ['Quy tắc tầng 1: …']]);
		const unit = new PlansError('invalid-unit');
		expect([unit.field, unit.messageKey, unit.violations]).toEqual([
			'unitId',
			'plans.err.invalidUnit',
			[]
		]);
		expect(translate('vi', unit.messageKey!)).not.toBe(unit.messageKey);
		expect(isNotFound(new PlansError('not-found'))).toBe(true);
		expect(isNotFound(new PlansError('stale'))).toBe(false);
	});
});
