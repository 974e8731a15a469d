/**
 * Progress of a solve submitted from a form (the plans list's "create and solve", a scenario's
 * "solve again"): whether it runs, the seconds since it was sent and the time limit the form
 * named, for a spinner and a progress bar while the server works.
 */
import type { SubmitFunction } from '@sveltejs/kit';

export class SolveProgress {
	running = $state(false);
	elapsedS = $state(0);
	limitS = $state(10);

	/**
	 * The `use:enhance` submit function; `solves` says whether the submitting button solves
	 * (a button that only stores a draft shows no progress).
	 */
	submit(solves: (action: URL) => boolean = () => true): SubmitFunction {
		return ({ formData, action }) => {
			if (!solves(action)) return;
			this.running = true;
			this.elapsedS = 0;
			this.limitS = Number(String(formData.get('timeLimitS') ?? '').replace(',', '.')) || 10;
			const started = Date.now();
			const timer = setInterval(() => (this.elapsedS = (Date.now() - started) / 1000), 250);
			return async ({ update }) => {
				clearInterval(timer);
				// The redirect (or the refusal, or the queue's "busy, position N") lands here; the
				// page then shows the plan it computed, or the message.
				await update({ reset: false });
				this.running = false;
			};
		};
	}
}
