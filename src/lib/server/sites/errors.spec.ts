import { describe, expect, it } from 'vitest';
import { DomainError, isNotFound } from '../core/errors';
import { AhpSessionError } from './ahp-sessions';
import { ScoringError, SiteError } from './errors';
import { SmaaBusyError } from './smaa-jobs';

describe('the sites and scoring errors', () => {
	it('are DomainErrors with their own name, code, field and message key', () => {
		const geometry = new SiteError('geometry', 'c1', {
			key: 'sites.geom.swapped',
			params: { c1: 1, c2: 2 }
		});
		expect(geometry).toBeInstanceOf(DomainError);
		expect(geometry.name).toBe('SiteError');
		expect([geometry.code, geometry.field, geometry.messageKey]).toEqual([
			'geometry',
			'c1',
			'sites.geom.swapped'
		]);
		expect(geometry.params).toEqual({ c1: 1, c2: 2 });
		expect(geometry.detail?.key).toBe('sites.geom.swapped');
		expect(isNotFound(new ScoringError('not-found'))).toBe(true);
		expect(isNotFound(new ScoringError('duplicate'))).toBe(false);
		expect(isNotFound(new AhpSessionError('not-found'))).toBe(true);
		expect(new AhpSessionError('used').name).toBe('AhpSessionError');
		const busy = new SmaaBusyError();
		expect(busy).toBeInstanceOf(DomainError);
		expect([busy.name, busy.code]).toEqual(['SmaaBusyError', 'busy']);
	});
});
