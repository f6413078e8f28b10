-- 0034: the database recomputes each relief line of a bill exactly.
-- Tests: tests/db/test_relief_check.py, test_relief_check_property.py; rule:
-- docs/rules/billing.md ("Relief line", "What the database checks again").
--
-- Until now (0026, 0031) a relief line was checked only as not positive, one
-- line, on the component of a relief the account has, and at most its
-- component's charge: a batch login could give a free_volume relief of the
-- whole component charge, or a per_ton / percentage relief of any amount up
-- to it. counter_check_bill_relief recomputes the line as
-- domain/billing._relief_line does (the property-tested reference), all
-- kinds:
--
-- * the relief: the account's first application (by id, as the batch reads
--   them) approved or expired, effective from a period not after this one,
--   whose validity overlaps the bill's period_start..period_end; its share
--   is covered days / period days, times low-income / total households when
--   both are given (domain/relief.validity_share, household_share);
-- * per_ton: value × usage × share; percentage: component charge × value /
--   100 × share; both exact (numerator and denominator kept apart, div() is
--   floor) and rounded half up once;
-- * free_volume: the first floor(value × share) m³ (never more than the
--   usage) fill the component's charge lines in tier order (the lines the
--   tier check has just matched to the tiers, at the tariff's prices, 0016):
--   their exact price, rounded half up once;
-- * never more than the component's charge (the sum of its rounded lines).
--
-- Any other amount, or a line on another component than the relief's, is
-- refused with CT400 relief_amount, field bills[N].lines. Run after the tier
-- check, in the same statement: a refusal writes nothing. A step of the
-- SECURITY DEFINER action, executable by no login (REVOKE ALL FROM PUBLIC).
CREATE FUNCTION counter_check_bill_relief(p_period text, p_bills jsonb) RETURNS void
    LANGUAGE plpgsql STABLE
    SET search_path = public, pg_temp
AS $$
DECLARE
    v record;
    v_readings bigint[] := ARRAY(SELECT (e ->> 'reading_id')::bigint
                                 FROM jsonb_array_elements(p_bills) e);
BEGIN
    WITH reliefs AS MATERIALIZED (
        SELECT b.id, b.reading_id, b.usage, l.component AS sent_component,
               -l.amount AS sent, ap.kind, ap.value, ap.component, ap.num, ap.den,
               CASE WHEN ap.kind = 'free_volume'
                    THEN least(b.usage, div(ap.value * ap.num, ap.den)) END AS free
        FROM bills b
        JOIN bill_lines l ON l.bill_id = b.id AND l.kind = 'relief'
        JOIN LATERAL (
            SELECT rr.kind, rr.value, rr.component,
                   (least(ra.valid_to, b.period_end) - greatest(ra.valid_from, b.period_start) + 1)
                   * CASE WHEN ra.low_income_households > 0 AND ra.total_households > 0
                          THEN ra.low_income_households ELSE 1 END AS num,
                   (b.period_end - b.period_start + 1)
                   * CASE WHEN ra.low_income_households > 0 AND ra.total_households > 0
                          THEN ra.total_households ELSE 1 END AS den
            FROM relief_applications ra JOIN relief_rules rr ON rr.code = ra.rule_code
            WHERE ra.account_id = b.account_id AND ra.status IN ('approved', 'expired')
              AND ra.effective_period IS NOT NULL AND ra.effective_period <= p_period
              AND least(ra.valid_to, b.period_end) >= greatest(ra.valid_from, b.period_start)
            ORDER BY ra.id LIMIT 1) ap ON true
        WHERE b.reading_id = ANY (v_readings) AND b.period = p_period
          AND b.adjusts_bill_id IS NULL),
    charges AS (
        SELECT x.id, sum(x.amount) AS charge,
               sum(least(x.volume, greatest(0, x.free - x.before)) * x.unit_price) AS free_exact
        FROM (SELECT r.id, r.free, c.volume, c.unit_price, c.amount,
                     coalesce(sum(c.volume) OVER (PARTITION BY r.id
                                                  ORDER BY c.tier_no NULLS FIRST, c.line_no
                                                  ROWS BETWEEN UNBOUNDED PRECEDING
                                                           AND 1 PRECEDING), 0) AS before
              FROM reliefs r
              JOIN bill_lines c ON c.bill_id = r.id AND c.kind = 'charge'
                               AND c.component = r.component) x
        GROUP BY x.id),
    expected AS (
        SELECT r.*, coalesce(c.charge, 0) AS charge,
               least(coalesce(c.charge, 0), CASE r.kind
                   WHEN 'per_ton'
                   THEN div(200 * r.value * r.usage * r.num + r.den, 2 * r.den) / 100
                   WHEN 'percentage'
                   THEN div(200 * c.charge * r.value * r.num + 100 * r.den, 200 * r.den) / 100
                   WHEN 'free_volume' THEN round(coalesce(c.free_exact, 0), 2)
               END) AS expected
        FROM reliefs r LEFT JOIN charges c ON c.id = r.id),
    first AS MATERIALIZED (
        SELECT * FROM expected
        WHERE sent_component IS DISTINCT FROM component OR sent IS DISTINCT FROM expected
        ORDER BY id LIMIT 1)
    SELECT f.*,
           (SELECT x.n - 1 FROM jsonb_array_elements(p_bills) WITH ORDINALITY AS x(e, n)
             WHERE (x.e ->> 'reading_id')::bigint = f.reading_id LIMIT 1) AS n
      INTO v FROM first f;
    IF FOUND THEN
        PERFORM counter_fail('CT400', 'relief_amount', format('bills[%s].lines', v.n),
            CASE WHEN v.sent_component IS DISTINCT FROM v.component
                 THEN format('the account''s relief is on %s, not %s', v.component,
                             v.sent_component)
                 WHEN v.kind = 'free_volume'
                 THEN format('%s relief (%s free m³): %s, not %s', v.kind, v.free,
                             to_char(v.expected, 'FM999999990.00'), v.sent)
                 ELSE format('%s relief: %s, not %s', v.kind,
                             to_char(v.expected, 'FM999999990.00'), v.sent)
            END);
    END IF;
END
$$;

REVOKE ALL ON FUNCTION counter_check_bill_relief(text, jsonb) FROM PUBLIC;

-- 0031's body, then the relief
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
    PERFORM counter_check_bill_terms(p_period, p_bills);   -- 0026: refused whole
    PERFORM counter_check_bill_tiers(p_period, p_bills);   -- 0031: refused whole
    PERFORM counter_check_bill_relief(p_period, p_bills);  -- 0034: refused whole
    d := counter_deduct_prepayments('billing ' || p_period);
    IF (d->>'count')::int > 0 THEN
        PERFORM counter_audit('batch', 'deduction.run', 'period', p_period, d);
    END IF;
    RETURN v || jsonb_build_object('deducted', d->'count', 'deducted_total', d->'total');
END
$$;

REVOKE ALL ON FUNCTION counter_issue_bills(text, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION counter_issue_bills(text, jsonb) TO counter_batch;
