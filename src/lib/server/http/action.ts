/**
 * One shape for a form action: read the form, validate it with its zod schema, run the change,
 * and answer a refusal the way every page shows it. Replaces the `try … catch (e) { if (e
 * instanceof XError && e.code === '…') … }` chains of the routes:
 *
 * - invalid input → `fail(400, { values, errors, message, form })` (parseForm's shape);
 * - a {@link DomainError} with code 'not-found' → 404 ({@link notFound});
 * - a {@link DomainError} with a message (its `messageKey`, or the action's `messages[code]`)
 *   → `fail(400)` (or the error's `status`, or the action's `status[code]`: 409 for a state
 *   that forbids it, 503 for a busy server) with the message beside its field (`field`, or
 *   `fields[code]`), or as the form's message when there is no field;
 * - a {@link ConflictError} (a stale save) → the 409 answer of {@link conflictFailure};
 * - anything else (including `redirect()` and `error()` thrown by `fn`) goes through unchanged.
 *
 * `fn` returns what the action returns, or throws `redirect(303, …)` as actions do.
 */
import { fail, type ActionFailure, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import type { ConflictFailure } from '../../conflict';
import { translate, type MessageKey } from '../../i18n';
import { ConflictError, conflictFailure, formVersion } from '../core/concurrency';
import { DomainError } from '../core/errors';
import { formValues, parseForm, type FormFailure, type FormValues } from '../core/forms';
import { notFound } from './not-found';

/** What the action's body gets: the validated data, the text as typed, the raw form. */
export interface ActionInput<T> {
	data: T;
	/** The text fields as submitted (echoed back in a failure). */
	values: FormValues;
	/** The whole form (files included). */
	formData: FormData;
	/** The version the form was loaded with (its hidden `version` field), null when absent. */
	version: number | null;
}

export interface ActionOptions {
	/** The form's name, for a page with several forms (failures carry it as `form`). */
	form?: string;
	/** The message of an error code whose error carries no message key. */
	messages?: Partial<Record<string, MessageKey>>;
	/** The field of an error code whose error names none. */
	fields?: Partial<Record<string, string>>;
	/** The stored values as the form shows them, when they are not the row's columns. */
	theirs?: (e: ConflictError) => Record<string, string>;
	/** The HTTP status of an error code's refusal, before the error's own (`e.status`). */
	status?: Partial<Record<string, 400 | 409 | 503>>;
	/** The status of any other refusal (default 400; 409 where refusals are state conflicts). */
	defaultStatus?: 400 | 409;
}

/** Messages and fields every action knows without being told. */
const DEFAULT_MESSAGES: Partial<Record<string, MessageKey>> = {
	'duplicate-code': 'err.duplicateCode'
};
const DEFAULT_FIELDS: Partial<Record<string, string>> = { 'duplicate-code': 'code' };

type Input<S> = S extends z.ZodType ? z.infer<S> : FormValues;

export type ActionRefusal = ActionFailure<FormFailure> | ActionFailure<ConflictFailure>;

/**
 * Runs one form action (see the module comment). `schema` null: no validation, `data` is the
 * text fields as submitted.
 */
export async function runAction<S extends z.ZodType | null, R>(
	event: Pick<RequestEvent, 'request' | 'locals'>,
	schema: S,
	fn: (input: ActionInput<Input<S>>) => R | Promise<R>,
	options: ActionOptions = {}
): Promise<R | ActionRefusal> {
	const { locals } = event;
	const formData = await event.request.formData();
	let data: Input<S>;
	let values: FormValues;
	if (schema) {
		const parsed = parseForm(schema, formData, locals.locale, options.form);
		if (!parsed.ok) return parsed.failure;
		data = parsed.data as Input<S>;
		values = parsed.values;
	} else {
		values = formValues(formData);
		data = values as Input<S>;
	}
	try {
		return await fn({ data, values, formData, version: formVersion(formData) });
	} catch (e) {
		return refusal(e, event, values, options);
	}
}

/**
 * The answer to an error thrown by an action's body (the mapping of {@link runAction}, for an
 * action that reads its form another way): a failure to return, or it throws (404, or `e`
 * itself when it is not a refusal the user can fix).
 */
export function refusal(
	e: unknown,
	event: Pick<RequestEvent, 'locals'>,
	values: FormValues,
	options: ActionOptions = {}
): ActionRefusal {
	const { locals } = event;
	if (e instanceof ConflictError) {
		return conflictFailure(locals.db, locals.locale, e, values, {
			form: options.form,
			theirs: options.theirs?.(e)
		});
	}
	if (!(e instanceof DomainError)) throw e;
	if (e.code === 'not-found') notFound(locals.locale);
	const key = e.messageKey ?? options.messages?.[e.code] ?? DEFAULT_MESSAGES[e.code];
	if (!key) throw e;
	const field = e.field ?? options.fields?.[e.code] ?? DEFAULT_FIELDS[e.code];
	const message = translate(locals.locale, key, e.params);
	const status = options.status?.[e.code] ?? e.status ?? options.defaultStatus ?? 400;
	if (field) {
		return fail(status, {
			values,
			errors: { [field]: message },
			message: translate(locals.locale, 'common.fixErrors'),
			form: options.form
		});
	}
	return fail(status, { values, errors: {}, message, form: options.form });
}
