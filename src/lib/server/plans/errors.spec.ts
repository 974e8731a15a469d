import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n';
import { DomainError, isNotFound } from '../core/errors';
import { AllocationInputError } from '../../allocation/types';
import { QueueFullError } from '../jobs';
import { PlansError } from './errors';
import { solveRefusal } from './run';

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

describe('solveRefusal', () => {
	it('says why a solve was refused, with the status the page answers', () => {
		expect(solveRefusal(new QueueFullError('ward', 4), 'vi')).toEqual({
			status: 503,
			message:
				'Máy chủ đang bận: phường đã có 4 việc chờ trong hàng đợi. Vui lòng đợi các việc đó xong rồi thử lại.'
		});
		expect(solveRefusal(new PlansError('stale'), 'vi')?.status).toBe(409);
		const input = solveRefusal(new AllocationInputError('unit "u2": headcount -1'), 'en');
		expect(input?.status).toBe(400);
		expect(input?.message).toContain('unit "u2": headcount -1');
		expect(solveRefusal(new PlansError('not-found'), 'vi')).toBeNull();
		expect(solveRefusal(new Error('bug'), 'vi')).toBeNull();
	});
});
