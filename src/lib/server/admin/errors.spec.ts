import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n';
import { DomainError, isNotFound } from '../core/errors';
import { NeedsError } from '../needs';
import { NormSetError } from '../needs/norm-sets';
import { StaffingSupportError } from '../needs/staffing-support';
import { BackupError } from './backup';
import { RateError } from './investment-rates';
import { LegalRefError } from './legal-refs';
import { UserError } from './users';
import { WardError } from './wards';

describe('the admin and needs errors are DomainErrors', () => {
	it('keep their class, code and extra fields, and name the message and field to show', () => {
		const cases: [DomainError, string, string, string | undefined, string | undefined][] = [
			[
				new NeedsError('norm-set-not-found'),
				'NeedsError',
				'norm-set-not-found',
				undefined,
				undefined
			],
			[
				new NormSetError('not-current'),
				'NormSetError',
				'not-current',
				'name',
				'needs.admin.notCurrent'
			],
			[
				new StaffingSupportError('bad-dates'),
				'StaffingSupportError',
				'bad-dates',
				undefined,
				'staffing.err.bad-dates'
			],
			[
				new LegalRefError('duplicate-key'),
				'LegalRefError',
				'duplicate-key',
				'key',
				'legalRef.err.duplicate-key'
			],
			[
				new RateError('overlap', 'office-1-5'),
				'RateError',
				'overlap',
				'storeysFrom',
				'rate.err.overlap'
			],
			[new UserError('last-admin'), 'UserError', 'last-admin', undefined, 'user.err.lastAdmin'],
			[
				new UserError('ward-required', 'wardId'),
				'UserError',
				'ward-required',
				'wardId',
				'user.err.wardRequired'
			],
			[new WardError('duplicate-code'), 'WardError', 'duplicate-code', 'code', 'err.duplicateCode'],
			[new WardError('bad-extent'), 'WardError', 'bad-extent', 'south', 'ward.err.extent']
		];
		for (const [e, name, code, field, key] of cases) {
			expect(e).toBeInstanceOf(DomainError);
			expect(e).toBeInstanceOf(Error);
			expect([e.name, e.code, e.field, e.messageKey]).toEqual([name, code, field, key]);
		}
	});

	it('say the overlapped band in both languages', () => {
		const e = new RateError('overlap', 'office-16-20');
		expect(e.other).toBe('office-16-20');
		expect(translate('vi', e.messageKey!, e.params)).toBe(
			'Khung số tầng trùng với khung “office-16-20” đang áp dụng.'
		);
		expect(translate('en', e.messageKey!, e.params)).toBe(
			'The storey band overlaps the current band "office-16-20".'
		);
	});

	it('map not-found to 404 and keep the backup message for the command line', () => {
		expect(isNotFound(new UserError('not-found'))).toBe(true);
		expect(isNotFound(new LegalRefError('not-found'))).toBe(true);
		expect(isNotFound(new StaffingSupportError('already-ended'))).toBe(false);
		const b = new BackupError('same-file', 'The backup is the live database file.');
		expect(b).toBeInstanceOf(DomainError);
		expect([b.code, b.message]).toEqual(['same-file', 'The backup is the live database file.']);
	});
});
