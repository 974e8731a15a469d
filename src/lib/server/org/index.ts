/**
 * The ward's organisation: units (đơn vị) and their positions (biên chế: approved, filled and
 * planned posts by title and field), edited one by one or imported from a CSV/XLSX table.
 * Every function takes `db` and the ward's id, so a record of another ward is never found.
 * Writes run in one transaction with their audit rows.
 *
 * Position table format (import and export), one row per position:
 *
 *   unit_code, unit_name, unit_kind, public_facing, title, title_key, field, approved, filled,
 *   planned_next_year, rank, concurrent_title_keys
 *
 * `rank` is the civil-service rank (ngạch) key (specialist, principal-specialist,
 * senior-specialist; blank = none; the Vietnamese name "Chuyên viên chính" is accepted too) and
 * `concurrent_title_keys` the title keys held concurrently (kiêm nhiệm), separated by commas;
 * both columns are optional (absent = none), so older files still import.
 *
 * Importing replaces the positions of every unit named in the file with the file's rows (units
 * not in the file keep theirs); a unit code not yet in the ward creates the unit (unit_name and
 * unit_kind required), an existing unit takes the name, kind and public_facing given (a blank
 * cell or absent column keeps the stored value). Validation is all-or-nothing: errors are
 * reported by row and column, and nothing is written if any row is wrong. Export → import is
 * an identity. See io/common.ts for the formula/apostrophe rule.
 */ export * from './errors';
export * from './units';
export * from './queries';
export * from './positions-io';
