import type { Db } from '$lib/server/db';
import type { Principal, WardRef } from '$lib/server/auth/guard';
import type { SessionUser } from '$lib/server/auth/sessions';
import type { Locale } from '$lib/i18n';

declare global {
	namespace App {
		interface Error {
			code?: string;
		}
		interface Locals {
			db: Db;
			locale: Locale;
			user: SessionUser | null;
			principal: Principal;
			/** The ward of a ward-scoped route, resolved and authorised by the hook. */
			ward: WardRef | null;
			canEdit: boolean;
		}
	}
}

export {};
