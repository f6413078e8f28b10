-- 0031: the database checks how a bill splits its usage over the tiers.
-- Tests: tests/db/test_tier_check.py, test_tier_check_property.py; rule:
-- docs/rules/billing.md ("Tier year", "Tier split", "What the database checks again").
--
-- counter_issue_bills (0016, 0022, 0026) checked each line's price, its
-- rounding and that each component charges the whole usage, but not the
-- split: a batch login could bill all the usage at tier 1's price (or move
-- a few m³ down a tier) and every check passed. The split is now recomputed
-- from the data, as domain/billing.tier_volumes does it (the property-tested
-- reference):
--
-- * year-to-date usage: the usage of the account's issued bills of earlier
--   periods of the same calendar year as the period billed (adjustment bills
--   carry no usage); 0 for a schedule with tier_basis 'period';
-- * the bounds multiplied by the households behind a collective account's
--   meter when the schedule scales (services/tariffs/billing.tier_multiplier);
-- * the usage fills (ytd, ytd + usage]: a tier takes
--   least(end, upper) - greatest(ytd, lower), a bound belongs to the tier
--   below it; a schedule without tier rows has one open tier;
-- * a tiered component has one charge line per tier with volume > 0 and no
--   other; a flat component (one price) one line over the whole usage; no
--   line at all for zero usage; every component of the schedule is charged.
--
-- The usage is the reading's (a rollover already counted by the import).
-- Run after the bills are written, in the same statement: a refusal
-- (CT400 tier_split, bills[N].lines) writes nothing. Like 0026's
-- counter_check_bill_terms a step of the SECURITY DEFINER action (it runs with
-- the owner's rights through it), not SECURITY DEFINER itself and executable
-- by no login (REVOKE ALL FROM PUBLIC, no GRANT).
CREATE FUNCTION counter_check_bill_tiers(p_period text, p_bills jsonb) RETURNS void
    LANGUAGE plpgsql STABLE
    SET search_path = public, pg_temp
AS $$
DECLARE
    v record;
    -- the readings of this call: bills are looked up by reading (an index, or a
    -- hashed ANY), never by a join on the jsonb whose row count the planner
    -- cannot know (the bills just written are not in the statistics either)
    v_readings bigint[] := ARRAY(SELECT (e ->> 'reading_id')::bigint
                                 FROM jsonb_array_elements(p_bills) e);
BEGIN
    WITH issued AS MATERIALIZED (
        SELECT b.id, b.reading_id, b.tariff_id, b.usage,
               CASE WHEN t.households_scaling AND a.account_type = 'collective'
                    THEN greatest(coalesce(a.households_total, 1), 1) ELSE 1 END AS multiplier,
               CASE WHEN t.tier_basis = 'period' THEN 0 ELSE coalesce((
                   SELECT sum(e.usage) FROM bills e
                    WHERE e.account_id = b.account_id AND e.adjusts_bill_id IS NULL
                      AND e.period >= left(p_period, 4) || '-01' AND e.period < p_period), 0)
               END AS ytd
        FROM bills b
        JOIN accounts a ON a.id = b.account_id
        JOIN tariffs t ON t.id = b.tariff_id
        WHERE b.reading_id = ANY (v_readings) AND b.period = p_period
          AND b.adjusts_bill_id IS NULL),
    used AS (SELECT DISTINCT tariff_id FROM issued),
    tiers AS (
        SELECT tt.tariff_id,
               row_number() OVER w AS tier,
               coalesce(lag(tt.upper_volume) OVER w, 0) AS lower,
               tt.upper_volume AS upper
        FROM tariff_tiers tt WHERE tt.tariff_id IN (SELECT tariff_id FROM used)
        WINDOW w AS (PARTITION BY tt.tariff_id ORDER BY tt.tier_no)
        UNION ALL
        SELECT u.tariff_id, 1, 0, NULL FROM used u
        WHERE NOT EXISTS (SELECT 1 FROM tariff_tiers tt WHERE tt.tariff_id = u.tariff_id)),
    components AS (
        SELECT r.tariff_id, r.component, count(*) = 1 AS flat
        FROM tariff_rates r WHERE r.tariff_id IN (SELECT tariff_id FROM used)
        GROUP BY r.tariff_id, r.component),
    expected AS (
        SELECT i.id AS bill_id, c.component, 1::bigint AS tier, i.usage::bigint AS volume
        FROM issued i JOIN components c ON c.tariff_id = i.tariff_id AND c.flat
        WHERE i.usage > 0
        UNION ALL
        SELECT x.bill_id, x.component, x.tier, x.volume
        FROM (SELECT i.id AS bill_id, c.component, tr.tier,
                     greatest(0, least(i.ytd + i.usage,
                                       coalesce(tr.upper * i.multiplier, i.ytd + i.usage))
                                 - greatest(i.ytd, tr.lower * i.multiplier))::bigint AS volume
              FROM issued i
              JOIN components c ON c.tariff_id = i.tariff_id AND NOT c.flat
              JOIN tiers tr ON tr.tariff_id = i.tariff_id) x
        WHERE x.volume > 0),
    got AS (
        SELECT l.bill_id, l.component, coalesce(l.tier_no, 1)::bigint AS tier,
               sum(l.volume)::bigint AS volume, count(*) AS lines
        FROM bill_lines l JOIN issued i ON i.id = l.bill_id
        WHERE l.kind = 'charge'
        GROUP BY l.bill_id, l.component, coalesce(l.tier_no, 1)),
    -- the first wrong line (bills are written in the order they were sent)
    problem AS MATERIALIZED (
        SELECT coalesce(e.bill_id, g.bill_id) AS bill_id,
               coalesce(e.component, g.component) AS component,
               coalesce(e.tier, g.tier) AS tier, coalesce(e.volume, 0) AS expected,
               g.volume AS sent, coalesce(g.lines, 0) AS lines
        FROM expected e FULL JOIN got g
             ON g.bill_id = e.bill_id AND g.component = e.component AND g.tier = e.tier
        WHERE e.volume IS DISTINCT FROM g.volume OR g.lines > 1
        ORDER BY 1, 2, 3
        LIMIT 1)
    SELECT p.*, i.ytd,
           (SELECT x.n - 1 FROM jsonb_array_elements(p_bills) WITH ORDINALITY AS x(e, n)
             WHERE (x.e ->> 'reading_id')::bigint = i.reading_id LIMIT 1) AS n
      INTO v
      FROM problem p JOIN issued i ON i.id = p.bill_id;
    IF FOUND THEN
        PERFORM counter_fail('CT400', 'tier_split', format('bills[%s].lines', v.n),
            CASE WHEN v.lines > 1
                 THEN format('%s tier %s: one line per tier, not %s', v.component, v.tier,
                             v.lines)
                 WHEN v.sent IS NULL
                 THEN format('%s tier %s: the tiers give %s m³ (%s m³ billed earlier this '
                             'year), the bill has no line', v.component, v.tier, v.expected,
                             v.ytd)
                 ELSE format('%s tier %s: the tiers give %s m³ (%s m³ billed earlier this '
                             'year), not %s', v.component, v.tier, v.expected, v.ytd, v.sent)
            END);
    END IF;
END
$$;

REVOKE ALL ON FUNCTION counter_check_bill_tiers(text, jsonb) FROM PUBLIC;

-- 0026's body, then the tiers
CREATE OR REPLACE FUNCTION counter_issue_bills(p_period text, p_bills jsonb) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_caller text := counter_batch_caller();
    v jsonb;
    d jsonb;
BEGIN
    v := counter_issue_bills_only(p_period, p_bills);
    PERFORM counter_check_bill_terms(p_period, p_bills);  -- 0026: refused whole
    PERFORM counter_check_bill_tiers(p_period, p_bills);  -- 0031: refused whole
    d := counter_deduct_prepayments('billing ' || p_period);
    IF (d->>'count')::int > 0 THEN
        PERFORM counter_audit('batch', 'deduction.run', 'period', p_period, d);
    END IF;
    RETURN v || jsonb_build_object('deducted', d->'count', 'deducted_total', d->'total');
END
$$;

REVOKE ALL ON FUNCTION counter_issue_bills(text, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION counter_issue_bills(text, jsonb) TO counter_batch;

-- 0026's counter_check_bill_terms, same rules, linear: it joined the bills to
-- jsonb_to_recordset(p_bills) and its relief lines to the bills just written,
-- whose row counts the planner cannot know (estimated 1): nested loops, 0.9 s
-- for 3,000 bills and growing with the square (benchmarks/README.md,
-- "Billing"). The bills are looked up by reading (index or hashed ANY), the
-- relief lines reach their bill by its key, and the position in p_bills is
-- looked up for the one bill refused (bills are written in the order sent).
CREATE OR REPLACE FUNCTION counter_check_bill_terms(p_period text, p_bills jsonb) RETURNS void
    LANGUAGE plpgsql STABLE
    SET search_path = public, pg_temp
AS $$
DECLARE
    v record;
    v_readings bigint[] := ARRAY(SELECT (e ->> 'reading_id')::bigint
                                 FROM jsonb_array_elements(p_bills) e);
BEGIN
    WITH issued AS MATERIALIZED (
        SELECT b.id, b.reading_id, b.tariff_id,
               (SELECT t.id FROM tariffs t
                 WHERE t.category_code = a.price_category AND t.effective_from <= r.read_on
                   AND (t.effective_to IS NULL OR t.effective_to >= r.read_on)
                 ORDER BY t.effective_from DESC LIMIT 1) AS in_force
        FROM bills b
        JOIN accounts a ON a.id = b.account_id
        JOIN readings r ON r.id = b.reading_id
        WHERE b.reading_id = ANY (v_readings) AND b.period = p_period
          AND b.adjusts_bill_id IS NULL),
    reliefs AS MATERIALIZED (
        SELECT l.bill_id, count(*) AS lines, min(l.component) AS component,
               -sum(l.amount) AS amount
        FROM bill_lines l WHERE l.kind = 'relief' AND l.bill_id IN (SELECT id FROM issued)
        GROUP BY l.bill_id),
    problems AS (
        SELECT i.id, i.reading_id, 'tariff' AS problem
        FROM issued i WHERE i.tariff_id IS DISTINCT FROM i.in_force
        UNION ALL
        SELECT b.id, b.reading_id, CASE
            WHEN rl.lines > 1 THEN 'one relief line at most'
            WHEN NOT EXISTS (
                    SELECT 1 FROM relief_applications ra
                    JOIN relief_rules rr ON rr.code = ra.rule_code
                    WHERE ra.account_id = b.account_id AND ra.status IN ('approved', 'expired')
                      AND ra.effective_period IS NOT NULL AND ra.effective_period <= p_period
                      AND ra.valid_from <= b.period_end AND ra.valid_to >= b.period_start
                      AND rr.component = rl.component)
                THEN 'no relief of the account applies to this bill'
            WHEN rl.amount > (SELECT coalesce(sum(c.amount), 0) FROM bill_lines c
                              WHERE c.bill_id = b.id AND c.kind = 'charge'
                                AND c.component = rl.component)
                THEN 'a relief is at most its component''s charge'
            END
        FROM reliefs rl JOIN bills b ON b.id = rl.bill_id),
    first AS MATERIALIZED (
        SELECT * FROM problems WHERE problem IS NOT NULL
        ORDER BY id, problem <> 'tariff' LIMIT 1)
    SELECT f.problem,
           (SELECT x.n - 1 FROM jsonb_array_elements(p_bills) WITH ORDINALITY AS x(e, n)
             WHERE (x.e ->> 'reading_id')::bigint = f.reading_id LIMIT 1) AS n
      INTO v FROM first f;
    IF v.problem = 'tariff' THEN
        PERFORM counter_fail('CT400', 'tariff', format('bills[%s].tariff_id', v.n),
            'not the schedule of the account''s category in force on the reading day');
    ELSIF v.problem IS NOT NULL THEN
        PERFORM counter_fail('CT400', 'relief', format('bills[%s].lines', v.n), v.problem);
    END IF;
END
$$;
