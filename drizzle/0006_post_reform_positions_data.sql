-- Data migration for issue 14 (positions after the 2025 reform); see docs/decisions.md
-- "Positions after the reform". On a fresh database every statement matches no row (the seed
-- writes the new shape). On an existing database it:
-- 1. writes a new version of the Decree 155/2025 norm set without the non-professional title
--    (the category ends with the reform) and with the rank items chuyên viên chính and
--    chuyên viên cao cấp (20 m², verify); the old version stays, no longer current;
-- 2. writes a new version of the 152/2017 set (comparison only) with the rank items at the
--    commune civil-servant value (10 m²); its non-professional title is kept;
-- 3. re-titles positions with the non-professional title as specialists (15 m², the value
--    they already had under 155/2025) so that no post loses its desk; one audit row each;
-- 4. where a ward has exactly one Fatherland Front unit, moves the positions and rooms of its
--    mass-organisation units into it (their heads serve as Phó Chủ tịch UBMTTQ) and deletes the
--    emptied units; one audit row per position moved and per unit deleted.
-- Audit rows carry username 'migration 0006' and the note in after_json.
INSERT INTO norm_sets (key, version, name, legal_basis, effective_from, common_area_ratio, common_area_ratio_verify, is_current)
SELECT s.key, s.version + 1, s.name, s.legal_basis, s.effective_from, s.common_area_ratio, s.common_area_ratio_verify, 1
FROM norm_sets s
WHERE s.key IN ('nd-155-2025', 'nd-152-2017') AND s.is_current = 1
  AND s.version = (SELECT max(v.version) FROM norm_sets v WHERE v.key = s.key)
  AND NOT EXISTS (SELECT 1 FROM norm_items i WHERE i.norm_set_id = s.id AND i.title_key LIKE 'rank-%');
--> statement-breakpoint
INSERT INTO norm_items (norm_set_id, title_key, label_vi, label_en, m2_per_person, legal_basis, verify)
SELECT n.id, i.title_key, i.label_vi, i.label_en, i.m2_per_person, i.legal_basis, i.verify
FROM norm_sets n
JOIN norm_sets o ON o.key = n.key AND o.is_current = 1 AND o.id < n.id
JOIN norm_items i ON i.norm_set_id = o.id
WHERE n.is_current = 1 AND n.key IN ('nd-155-2025', 'nd-152-2017')
  AND NOT (n.key = 'nd-155-2025' AND i.title_key = 'non-professional')
ORDER BY n.id, i.id;
--> statement-breakpoint
INSERT INTO norm_items (norm_set_id, title_key, label_vi, label_en, m2_per_person, legal_basis, verify)
SELECT n.id, r.title_key, r.label_vi, r.label_en,
       CASE n.key WHEN 'nd-155-2025' THEN 20 ELSE 10 END,
       CASE n.key WHEN 'nd-155-2025' THEN 'Nghị định 155/2025/NĐ-CP, Phụ lục II (cấp xã): chuyên viên cao cấp, chuyên viên chính 20 m²'
                  ELSE 'Nghị định 152/2017/NĐ-CP (cấp xã): không phân biệt ngạch, áp dụng mức công chức cấp xã' END,
       1
FROM norm_sets n
JOIN (SELECT 'rank-principal-specialist' AS title_key, 'Ngạch chuyên viên chính và tương đương' AS label_vi, 'Principal specialist rank and equivalent' AS label_en, 1 AS ord
      UNION ALL SELECT 'rank-senior-specialist', 'Ngạch chuyên viên cao cấp và tương đương', 'Senior specialist rank and equivalent', 2) r
WHERE n.is_current = 1 AND n.key IN ('nd-155-2025', 'nd-152-2017')
  AND EXISTS (SELECT 1 FROM norm_sets o WHERE o.key = n.key AND o.is_current = 1 AND o.id < n.id)
ORDER BY n.id, r.ord;
--> statement-breakpoint
INSERT INTO audit_log (at, username, ward_id, entity, entity_id, action, before_json, after_json)
SELECT CAST(unixepoch('subsec') * 1000 AS integer), 'migration 0006', NULL, 'norm-set', CAST(n.id AS text), 'create',
       json_object('id', o.id, 'key', o.key, 'version', o.version),
       json_object('id', n.id, 'key', n.key, 'version', n.version, 'basedOn', o.id,
                   'reason', CASE n.key WHEN 'nd-155-2025'
                     THEN 'Migration 0006: non-professional title removed (category ends with the 2025 reform); rank items chuyên viên chính and cao cấp added (20 m², verify).'
                     ELSE 'Migration 0006: rank items chuyên viên chính and cao cấp added at the commune civil-servant value (10 m²); non-professional kept for comparison.' END)
FROM norm_sets n JOIN norm_sets o ON o.key = n.key AND o.is_current = 1 AND o.id < n.id
WHERE n.is_current = 1 AND n.key IN ('nd-155-2025', 'nd-152-2017');
--> statement-breakpoint
UPDATE norm_sets SET is_current = 0
WHERE key IN ('nd-155-2025', 'nd-152-2017') AND is_current = 1
  AND id < (SELECT max(n.id) FROM norm_sets n WHERE n.key = norm_sets.key AND n.is_current = 1);
--> statement-breakpoint
INSERT INTO audit_log (at, username, ward_id, entity, entity_id, action, before_json, after_json)
SELECT CAST(unixepoch('subsec') * 1000 AS integer), 'migration 0006', u.ward_id, 'position', CAST(p.id AS text), 'update',
       json_object('id', p.id, 'orgUnitId', p.org_unit_id, 'title', p.title, 'titleKey', p.title_key),
       json_object('id', p.id, 'orgUnitId', p.org_unit_id, 'title', p.title, 'titleKey', 'specialist',
                   'note', 'Migration 0006: the non-professional category ends with the 2025 reform; counted as specialists (15 m²) until the ward corrects its staffing.')
FROM positions p JOIN org_units u ON u.id = p.org_unit_id
WHERE p.title_key = 'non-professional';
--> statement-breakpoint
UPDATE positions SET title_key = 'specialist', updated_at = CAST(unixepoch('subsec') * 1000 AS integer)
WHERE title_key = 'non-professional';
--> statement-breakpoint
INSERT INTO audit_log (at, username, ward_id, entity, entity_id, action, before_json, after_json)
SELECT CAST(unixepoch('subsec') * 1000 AS integer), 'migration 0006', m.ward_id, 'position', CAST(p.id AS text), 'update',
       json_object('id', p.id, 'orgUnitId', m.id, 'unitCode', m.code, 'title', p.title),
       json_object('id', p.id, 'orgUnitId', f.id, 'unitCode', f.code, 'title', p.title,
                   'note', 'Migration 0006: mass organisations sit under the Fatherland Front after the 2025 reform; their heads serve as Phó Chủ tịch UBMTTQ.')
FROM positions p
JOIN org_units m ON m.id = p.org_unit_id AND m.kind = 'mass-org'
JOIN org_units f ON f.ward_id = m.ward_id AND f.kind = 'front'
WHERE (SELECT count(*) FROM org_units x WHERE x.ward_id = m.ward_id AND x.kind = 'front') = 1;
--> statement-breakpoint
UPDATE positions
SET org_unit_id = (SELECT f.id FROM org_units m JOIN org_units f ON f.ward_id = m.ward_id AND f.kind = 'front' WHERE m.id = positions.org_unit_id),
    updated_at = CAST(unixepoch('subsec') * 1000 AS integer)
WHERE org_unit_id IN (
  SELECT m.id FROM org_units m
  WHERE m.kind = 'mass-org'
    AND (SELECT count(*) FROM org_units x WHERE x.ward_id = m.ward_id AND x.kind = 'front') = 1);
--> statement-breakpoint
UPDATE rooms
SET org_unit_id = (SELECT f.id FROM org_units m JOIN org_units f ON f.ward_id = m.ward_id AND f.kind = 'front' WHERE m.id = rooms.org_unit_id),
    updated_at = CAST(unixepoch('subsec') * 1000 AS integer)
WHERE org_unit_id IN (
  SELECT m.id FROM org_units m
  WHERE m.kind = 'mass-org'
    AND (SELECT count(*) FROM org_units x WHERE x.ward_id = m.ward_id AND x.kind = 'front') = 1);
--> statement-breakpoint
INSERT INTO audit_log (at, username, ward_id, entity, entity_id, action, before_json, after_json)
SELECT CAST(unixepoch('subsec') * 1000 AS integer), 'migration 0006', m.ward_id, 'org-unit', CAST(m.id AS text), 'delete',
       json_object('id', m.id, 'code', m.code, 'name', m.name, 'kind', m.kind),
       json_object('note', 'Migration 0006: positions and rooms moved to the Fatherland Front unit ' || f.code || '.')
FROM org_units m JOIN org_units f ON f.ward_id = m.ward_id AND f.kind = 'front'
WHERE m.kind = 'mass-org'
  AND (SELECT count(*) FROM org_units x WHERE x.ward_id = m.ward_id AND x.kind = 'front') = 1
  AND NOT EXISTS (SELECT 1 FROM positions p WHERE p.org_unit_id = m.id);
--> statement-breakpoint
DELETE FROM org_units
WHERE kind = 'mass-org'
  AND (SELECT count(*) FROM org_units x WHERE x.ward_id = org_units.ward_id AND x.kind = 'front') = 1
  AND NOT EXISTS (SELECT 1 FROM positions p WHERE p.org_unit_id = org_units.id);
