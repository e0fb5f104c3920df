-- An administrator or plant supervisor edits a configuration parameter.
SELECT coalesce(max(parameter_id), 1) AS max_param FROM system_parameters \gset
\set prm random(1, :max_param)
\set d random(-3, 3)
\set k random(0, (:n_employees - 3) / 20)
\set sup 20 * :k + 3
BEGIN;
UPDATE system_parameters
SET param_value = CASE value_type
                    WHEN 'int' THEN greatest(1, param_value::int + :d)::text
                    WHEN 'decimal' THEN round(param_value::numeric * (1 + :d / 100.0), 4)::text
                    WHEN 'bool' THEN (NOT param_value::boolean)::text
                    WHEN 'json' THEN (param_value::jsonb || jsonb_build_object('revision',
                                        coalesce((param_value::jsonb ->> 'revision')::int, 0) + 1))::text
                    ELSE param_value END,
    updated_at = now(), modified_by = 'user' || :sup
WHERE parameter_id = :prm AND value_type <> 'text';
COMMIT;
