import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n';
import { DomainError } from '../core/errors';
import { DossierError } from './dossier';
import { ThreadError } from './review-comments';
import { ProposalError, type ProposalErrorCode } from './status';

describe('the proposal errors are DomainErrors with their message', () => {
	const codes: ProposalErrorCode[] = [
		'not-found',
		'not-editable',
		'not-submitted',
		'bad-section',
		'final',
		'no-version',
		'live-exists',
		'comment-too-long',
		'no-justification'
	];

	it('ProposalError keeps its name and code and names a message in both languages', () => {
		for (const code of codes) {
			const e = new ProposalError(code);
			expect(e).toBeInstanceOf(DomainError);
			expect(e.name).toBe('ProposalError');
			expect(e.code).toBe(code);
			expect(e.messageKey).toBe(`proposals.err.${code}`);
			// A missing catalogue entry comes back as the key itself.
			expect(translate('vi', e.messageKey!)).not.toBe(e.messageKey);
			expect(translate('en', e.messageKey!)).not.toBe(e.messageKey);
		}
		expect(translate('vi', new ProposalError('final').messageKey!)).toBe(
			'Hồ sơ đã có quyết định cuối cùng.'
		);
	});

	it('DossierError keeps its problems; ThreadError its code', () => {
		const refused = new DossierError('refused', [
			{ code: 'scheduleOrder', field: 'endYear', messageVi: 'a', messageEn: 'b' } as never
		]);
		expect(refused).toBeInstanceOf(DomainError);
		expect(refused.name).toBe('DossierError');
		expect(refused.problems).toHaveLength(1);
		expect(refused.messageKey).toBe('dossier.err.refused');
		expect(new DossierError('not-editable').messageKey).toBe('proposals.err.not-editable');
		const t = new ThreadError('thread-full');
		expect(t).toBeInstanceOf(DomainError);
		expect(t.name).toBe('ThreadError');
		expect(translate('vi', t.messageKey!)).not.toBe('review.err.thread-full');
	});
});
