import type { FieldSpec } from '$lib/components/form/fields';
import { optionsOf } from '$lib/components/form/fields';
import type { MessageKey } from '$lib/i18n';
import type { I18n } from '$lib/i18n/format';
import { LEGAL_REF_KINDS } from '$lib/packet/dossier-types';

/** The fields of a legal reference (the create and edit forms share them). */
export const legalRefFields = (t: I18n['t']): FieldSpec[] => [
	{
		name: 'kind',
		label: t('legalRef.kind'),
		options: optionsOf(LEGAL_REF_KINDS, (k) => t(`legalRef.kind.${k}` as MessageKey)),
		required: true
	},
	{ name: 'number', label: t('legalRef.number'), required: true },
	{ name: 'issuedOn', label: t('legalRef.issuedOn'), type: 'date', required: true },
	{ name: 'issuer', label: t('legalRef.issuer'), required: true },
	{ name: 'inForceFrom', label: t('legalRef.inForceFrom'), type: 'date', required: true },
	{ name: 'inForceTo', label: t('legalRef.inForceTo'), type: 'date' },
	{ name: 'sortOrder', label: t('legalRef.sortOrder'), inputmode: 'numeric', required: true },
	{
		name: 'title',
		label: t('legalRef.docTitle'),
		type: 'textarea',
		rows: 2,
		hint: t('legalRef.docTitleHint'),
		required: true
	},
	{ name: 'verify', label: t('legalRef.verify'), type: 'checkbox', hint: t('legalRef.verifyHint') },
	{ name: 'verifyNote', label: t('legalRef.verifyNote'), type: 'textarea', rows: 2 }
];
