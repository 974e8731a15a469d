/**
 * Form handling shared by every action: parse FormData with one zod schema, and on failure
 * return the values typed and a message per field in the user's language.
 */
import { fail, type ActionFailure } from '@sveltejs/kit';
import type { z } from 'zod';
import { isMessageKey, translate, type Locale, type MessageKey } from '../../i18n';

export type FieldErrors = Record<string, string>;
export type FormValues = Record<string, string>;

export interface FormFailure {
	values: FormValues;
	errors: FieldErrors;
	message?: string;
	form?: string;
}

/** The text fields of a form (files are left out: they are never echoed back). */
export function formValues(data: FormData): FormValues {
	const values: FormValues = {};
	for (const [k, v] of data.entries()) if (typeof v === 'string') values[k] = v.slice(0, 5000);
	return values;
}

function issueMessage(issue: z.core.$ZodIssue, locale: Locale): string {
	const t = (key: MessageKey, p?: Record<string, string | number>) => translate(locale, key, p);
	switch (issue.code) {
		case 'invalid_type':
			if (issue.expected === 'number') {
				return issue.input === undefined ? t('err.required') : t('err.number');
			}
			return t('err.required');
		case 'too_small':
			if (issue.origin === 'string') return t('err.required');
			return t('err.min', { min: Number(issue.minimum) });
		case 'too_big':
			if (issue.origin === 'string') return t('err.tooLong', { max: Number(issue.maximum) });
			return t('err.max', { max: Number(issue.maximum) });
		case 'invalid_value':
			return t('err.choice');
		case 'invalid_format':
			return issue.format === 'regex' ? t('err.code') : t('err.invalid');
		case 'custom': {
			// Keyed issues (src/lib/schemas/fields.ts): the message is a catalogue key.
			const keyed = issue.params as { key?: string; values?: Record<string, string | number> };
			if (keyed?.key && isMessageKey(keyed.key)) return t(keyed.key, keyed.values);
			if (isMessageKey(issue.message)) return t(issue.message);
			return t('err.date');
		}
		default:
			if (issue.message.includes('int')) return t('err.integer');
			return t('err.invalid');
	}
}

/** Translates zod issues into one message per field (the first issue of each field). */
export function fieldErrors(error: z.ZodError, locale: Locale): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of error.issues) {
		const field = String(issue.path[0] ?? '_');
		if (errors[field]) continue;
		const expectedInt =
			issue.code === 'invalid_type' && issue.expected === 'int'
				? translate(locale, 'err.integer')
				: null;
		errors[field] = expectedInt ?? issueMessage(issue, locale);
	}
	return errors;
}

export type Parsed<T> =
	{ ok: true; data: T; values: FormValues } | { ok: false; failure: ActionFailure<FormFailure> };

/** Validates a form; on failure returns `fail(400, { values, errors })` ready to return. */
export function parseForm<S extends z.ZodType>(
	schema: S,
	data: FormData,
	locale: Locale,
	form?: string
): Parsed<z.infer<S>> {
	const values = formValues(data);
	const result = schema.safeParse(Object.fromEntries(data.entries()));
	if (result.success) return { ok: true, data: result.data, values };
	return {
		ok: false,
		failure: fail(400, {
			values,
			errors: fieldErrors(result.error, locale),
			message: translate(locale, 'common.fixErrors'),
			form
		})
	};
}

/** A failure for one field (e.g. a duplicate code found by the database). */
export function failField(
	values: FormValues,
	field: string,
	message: string,
	locale: Locale,
	form?: string,
	status = 400
): ActionFailure<FormFailure> {
	return fail(status, {
		values,
		errors: { [field]: message },
		message: translate(locale, 'common.fixErrors'),
		form
	});
}
