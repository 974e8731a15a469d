/**
 * Progressive enhancement for every POST form, in one line:
 *
 *   <script>import { enhance } from '$lib/forms/enhance';</script>
 *   <form method="post" action="?/save" use:enhance> … </form>
 *
 * Without JavaScript the form is a plain POST (the action answers with the page or a redirect).
 * With JavaScript SvelteKit's `enhance` submits it in the background and, while the request
 * runs, this wrapper
 * - marks the form `aria-busy="true"` and disables its submit buttons (no double save),
 * - relabels the button that was pressed "Đang lưu…" / "Saving…" (catalogue key
 *   `common.saving`, or the `pending` option),
 * - on a refused submission (`fail(…)`) keeps what the user typed (no reset) and moves the
 *   focus to the first field marked `aria-invalid="true"`, else to the page's first
 *   `role="alert"` message,
 * - after a save (success or redirect) closes the `<details>` panels around the form, as a
 *   page loaded again would show them,
 * - then restores the buttons, whatever the outcome.
 *
 * Options (`use:enhance={{ … }}`): `pending` (button label), `reset` (clear the form after a
 * success answer that is not a redirect; default false, unlike SvelteKit: `form.reset()` puts
 * back the values of the first server render, which are stale once the page's data has been
 * reloaded), `invalidateAll` (default true), `submit` (a
 * SvelteKit `SubmitFunction` run first: it may cancel, and the callback it returns replaces the
 * default update, like SvelteKit's own `use:enhance={fn}`).
 *
 * Not for forms whose action answers with a file (downloads) nor GET forms (filters): leave
 * those plain.
 */
import { enhance as kitEnhance } from '$app/forms';
import type { ActionResult, SubmitFunction } from '@sveltejs/kit';
import { tick } from 'svelte';

export interface EnhanceOptions {
	/** The label of the pressed button while the request runs (default: `common.saving`). */
	pending?: string;
	/** Clear the form after a success that is not a redirect (default false, see above). */
	reset?: boolean;
	/** Re-run every load after a successful submission (SvelteKit's default: true). */
	invalidateAll?: boolean;
	/** Runs before the request like SvelteKit's submit function; it may cancel, and the
	 * callback it returns (if any) replaces the default `update`. */
	submit?: SubmitFunction;
}

/** The pending label of the active language; the root layout sets it from the catalogue. */
let pendingLabel = 'Đang lưu…';

/** Called by the root layout with `t('common.saving')` (client side, when the locale changes). */
export function setPendingLabel(label: string): void {
	pendingLabel = label;
}

const SUBMITS = 'button:not([type]), button[type="submit"], input[type="submit"]';

/** Everything `busy` changed, to be undone by `restore`. */
interface Busy {
	disabled: (HTMLButtonElement | HTMLInputElement)[];
	relabelled?: { el: HTMLButtonElement; nodes: Node[] } | { el: HTMLInputElement; value: string };
}

/** Marks the form busy: submit buttons disabled (after SvelteKit has read the pressed one's
 * name and value into the form data), the pressed one relabelled. */
export function busy(
	form: HTMLFormElement,
	submitter: HTMLElement | null,
	label: string = pendingLabel
): Busy {
	form.setAttribute('aria-busy', 'true');
	const buttons = [
		...form.querySelectorAll<HTMLButtonElement | HTMLInputElement>(SUBMITS),
		// Buttons outside the form that submit it (form="id").
		...(form.id
			? document.querySelectorAll<HTMLButtonElement | HTMLInputElement>(
					`button[form="${CSS.escape(form.id)}"], input[type="submit"][form="${CSS.escape(form.id)}"]`
				)
			: [])
	].filter((b) => !b.disabled);
	for (const b of buttons) b.disabled = true;
	const pressed =
		submitter && buttons.includes(submitter as HTMLButtonElement)
			? (submitter as HTMLButtonElement | HTMLInputElement)
			: buttons.length === 1
				? buttons[0]
				: null;
	const state: Busy = { disabled: buttons };
	if (pressed instanceof HTMLInputElement) {
		state.relabelled = { el: pressed, value: pressed.value };
		pressed.value = label;
	} else if (pressed) {
		// Keep the button's own nodes (Svelte holds references to them) and put them back later.
		state.relabelled = { el: pressed, nodes: [...pressed.childNodes] };
		pressed.replaceChildren(document.createTextNode(label));
	}
	return state;
}

/** Undoes `busy`: the buttons enabled and their labels back. */
export function restore(form: HTMLFormElement, state: Busy): void {
	form.removeAttribute('aria-busy');
	for (const b of state.disabled) b.disabled = false;
	const r = state.relabelled;
	if (r && 'value' in r) r.el.value = r.value;
	else if (r) r.el.replaceChildren(...r.nodes);
}

/** After a refused submission: the first invalid field of the form, else the first alert. */
export function focusFirstError(form: HTMLFormElement): HTMLElement | null {
	const target =
		form.querySelector<HTMLElement>('[aria-invalid="true"]') ??
		document.querySelector<HTMLElement>('[role="alert"]');
	if (!target) return null;
	if (!target.matches('input, select, textarea, button, a[href], [tabindex]')) {
		target.setAttribute('tabindex', '-1');
	}
	target.focus();
	return target;
}

/** After a save the `<details>` panels holding the form close, as on a page loaded again
 * (a panel the page wants open, e.g. `open={rooms.length === 0}`, is opened by the update). */
export function closePanels(form: HTMLFormElement): void {
	for (let el = form.parentElement; el; el = el.parentElement) {
		if (el instanceof HTMLDetailsElement) el.open = false;
	}
}

/** The Svelte action: SvelteKit's `enhance` with the pending state and the focus on errors. */
export function enhance(form: HTMLFormElement, options: EnhanceOptions = {}) {
	let current = options;
	const submitFunction: SubmitFunction = async (input) => {
		let after: Awaited<ReturnType<SubmitFunction>> = undefined;
		if (current.submit) {
			let cancelled = false;
			after = await current.submit({
				...input,
				cancel: () => {
					cancelled = true;
					input.cancel();
				}
			});
			if (cancelled) return;
		}
		const state = busy(form, input.submitter, current.pending);
		return async (opts) => {
			try {
				if (after) await after(opts);
				else {
					if (opts.result.type === 'success' || opts.result.type === 'redirect') closePanels(form);
					await opts.update({
						reset: current.reset ?? false,
						invalidateAll: current.invalidateAll ?? true
					});
				}
			} finally {
				restore(form, state);
			}
			if (isFailure(opts.result)) {
				await tick();
				focusFirstError(form);
			}
		};
	};
	const kit = kitEnhance(form, submitFunction);
	return {
		update(next: EnhanceOptions = {}) {
			current = next;
		},
		destroy() {
			kit.destroy();
		}
	};
}

function isFailure(result: ActionResult): boolean {
	return result.type === 'failure';
}
