/**
 * The two message catalogues, whole (Vietnamese first, English as a choice). Server code reads
 * them through `translate` ($lib/i18n); the browser never imports this module: it receives
 * the active language's catalogue only (GET /lang/{locale}, see ./client.ts).
 */
import type { Locale } from './format';
import { en as coreEn } from './en';
import { vi as coreVi } from './vi';
import * as admin from './parts/admin';
import * as conflict from './parts/conflict';
import * as inventory from './parts/inventory';
import * as needs from './parts/needs';
import * as plans from './parts/plans';
import * as proposals from './parts/proposals';
import * as review from './parts/review';
import * as sites from './parts/sites';

/** The Vietnamese catalogue: the core keys and one part per area of the product. */
export const vi = {
	...coreVi,
	...admin.vi,
	...conflict.vi,
	...inventory.vi,
	...needs.vi,
	...plans.vi,
	...proposals.vi,
	...review.vi,
	...sites.vi
};
export type MessageKey = keyof typeof vi;
export const en: Record<MessageKey, string> = {
	...coreEn,
	...admin.en,
	...conflict.en,
	...inventory.en,
	...needs.en,
	...plans.en,
	...proposals.en,
	...review.en,
	...sites.en
};

export type Messages = Record<MessageKey, string>;

export const catalogues: Record<Locale, Messages> = { vi, en };

/** True when `x` is a key of the catalogue (e.g. the message of a keyed zod issue). */
export function isMessageKey(x: unknown): x is MessageKey {
	return typeof x === 'string' && Object.prototype.hasOwnProperty.call(vi, x);
}
