/**
 * Short-term reallocation (bố trí tạm thời): seat every official of a ward in its old
 * facilities, below the norm where the rooms are short (issue 13, "seat everyone").
 *
 * A scenario is a set of {@link ScenarioSettings} (least area per person, units per room,
 * priorities, ground-floor units, locked rooms, the five weights) and, once solved, a plan: the
 * persons and the area given per (unit, room). {@link buildInstance} turns the ward's inventory
 * and one scenario's settings into an instance of `$lib/allocation`; the
 * {@link inputFingerprint} of that instance is stored when the scenario is solved, so a plan
 * whose inputs changed since (rooms, units, positions, surveys, norms, settings) reads as out
 * of date and cannot be applied until solved again. {@link applyScenario} records the plan as
 * the ward's current arrangement (table `arrangements`) and never rewrites the rooms the needs
 * page compares.
 *
 * Every function takes `db` and the ward's id, so a scenario of another ward is never found.
 * Writes run in one transaction with their audit rows.
 *
 * The module is split by concern; this index re-exports what importers use:
 * `settings.ts` (defaults and stored settings), `instance.ts` (the solver instance and its
 * fingerprint), `metrics.ts` (figures and violations in words), `scenarios.ts` (list, detail,
 * create, settings, store, delete), `run.ts` (solving through the queue), `edit.ts` (manual
 * edits and reset), `apply.ts` (the current arrangement), `stack.ts` (the stack plan),
 * `export.ts` (the move list as XLSX/PDF), `api.ts` (the JSON API's view), `view.ts` (what
 * the plan pages show) and `settings-form.ts` (settings to and from the settings form).
 */
export {
	applyConsequences,
	DEFAULT_CONSEQUENCE_SHARE,
	type ApplyConsequences
} from '../../plans/consequences';
export { PlansError, type PlansErrorCode } from './errors';
export {
	defaultPriority,
	defaultSettings,
	fullWeights,
	MAX_LOCKED_ROOMS,
	type ScenarioSettings,
	type ScenarioWeights
} from './settings';
export {
	buildInstance,
	dbId,
	inputFingerprint,
	UNUSABLE_DANGER_LEVELS,
	UNUSABLE_ROOM_TYPES,
	type BuiltInstance,
	type PlanBuilding,
	type PlanRoom,
	type PlanUnit,
	type UnusableReason
} from './instance';
export {
	FURTHEST_BELOW_COUNT,
	normalisePlan,
	planMetrics,
	roomLabel,
	violationText,
	type PlanMetrics,
	type PlanRow,
	type UnitOutcome
} from './metrics';
export {
	createScenario,
	deleteScenario,
	getScenario,
	listScenarios,
	saveScenario,
	updateScenarioSettings,
	validateSettings,
	type ScenarioDetail,
	type ScenarioListRow,
	type ScenarioStatus
} from './scenarios';
export {
	discardUnsolved,
	queueNewScenario,
	queueSolve,
	solveJobKey,
	solveNewScenario,
	solveRefusal,
	solveScenario
} from './run';
export { editPlan, moveFormTheirs, previewEdit, resetScenario, type PlanEdit } from './edit';
export {
	appliedArrangementByUnit,
	appliedSeats,
	applyScenario,
	type AppliedArrangement,
	type ArrangementUnit
} from './apply';
export { stackPlan, type StackBuilding, type StackRoom, type StackSegment } from './stack';
export { exportMovesPdf, exportMovesXlsx, moveRows, movesTable, type MovesTable } from './export';
export { busyPage, movesFile, type MovesFormat } from './export-pool';
export { scenarioForApi, scenariosForApi } from './api';
export {
	buildingChoices,
	chosenBuilding,
	MOVE_SORTS,
	MOVES_PAGE_SIZE,
	movesPage,
	plansOverview,
	scenarioVersion,
	scenarioView,
	type MoveSort,
	type MoveView,
	type ScenarioView
} from './view';
export { VIOLATIONS_SHOWN, type ScenarioPage, type ScenarioPageAsk } from './page-view';
export {
	applyScenarioOffThread,
	editPlanOffThread,
	plansOverviewOffThread,
	resetScenarioOffThread,
	scenarioBuildingsOffThread,
	scenarioInstanceOffThread,
	scenarioPageOffThread,
	scenarioSettingsOffThread,
	type PlansOverview
} from './view-worker';
export { settingsFormValues, settingsFromForm, type SettingsFormData } from './settings-form';
