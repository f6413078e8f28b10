-- 0035: the database checks each bill's period_start.
-- Tests: tests/db/test_period_start_check.py; rule: docs/rules/billing.md
-- ("Billing period", "What the database checks again").
--
-- Until now (0016) a bill's period_start was checked only as not after its
-- reading's date: a batch login could move it later and so raise the relief
-- validity share (covered days / period days, 0034 computes it from the
-- bill's own period_start..period_end) or shorten the period a bill shows.
-- counter_check_bill_period_start requires what the batch computes
-- (services/tariffs/billing.period_start, the reference):
--
-- * the day after the meter's latest reading of an earlier period (any
--   source, the go-live 'opening' reading included), when there is one;
-- * else the first day of the period read_cycle_months - 1 months before
--   the bill's (a meter's first bill covers its whole read cycle).
--
-- Any other value is refused with CT400 period_start, field
-- bills[N].period_start. Run after the other checks, in the same statement:
-- a refusal writes nothing (the relief check, which computed the share from
-- the period_start sent, counted for nothing either). A step of the SECURITY DEFINER action, executable
-- by no login (REVOKE ALL FROM PUBLIC).
CREATE FUNCTION counter_check_bill_period_start(p_period text, p_bills jsonb) RETURNS void
    LANGUAGE plpgsql STABLE
    SET search_path = public, pg_temp
AS $$
DECLARE
    v record;
BEGIN
    WITH sent AS (
        SELECT x.n - 1 AS n, r.id AS reading_id, b.period_start, a.read_cycle_months,
               coalesce(
                   (SELECT max(p.read_on) + 1 FROM readings p
                     WHERE p.meter_id = r.meter_id AND p.period < p_period),
                   (to_date(p_period || '-01', 'YYYY-MM-DD')
                    - make_interval(months => a.read_cycle_months - 1))::date) AS expected
        FROM jsonb_array_elements(p_bills) WITH ORDINALITY AS x(e, n)
        JOIN readings r ON r.id = (x.e ->> 'reading_id')::bigint
        JOIN bills b ON b.reading_id = r.id AND b.period = p_period
                    AND b.adjusts_bill_id IS NULL
        JOIN accounts a ON a.id = r.account_id)
    SELECT * INTO v FROM sent WHERE period_start IS DISTINCT FROM expected ORDER BY n LIMIT 1;
    IF FOUND THEN
        PERFORM counter_fail('CT400', 'period_start', format('bills[%s].period_start', v.n),
            format('the period of reading %s starts on %s, not %s', v.reading_id,
                   to_char(v.expected, 'YYYY-MM-DD'), to_char(v.period_start, 'YYYY-MM-DD')));
    END IF;
END
$$;

REVOKE ALL ON FUNCTION counter_check_bill_period_start(text, jsonb) FROM PUBLIC;

-- 0034's body, then the period start
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
    PERFORM counter_check_bill_period_start(p_period, p_bills);  -- 0035: refused whole
    d := counter_deduct_prepayments('billing ' || p_period);
    IF (d->>'count')::int > 0 THEN
        PERFORM counter_audit('batch', 'deduction.run', 'period', p_period, d);
    END IF;
    RETURN v || jsonb_build_object('deducted', d->'count', 'deducted_total', d->'total');
END
$$;

REVOKE ALL ON FUNCTION counter_issue_bills(text, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION counter_issue_bills(text, jsonb) TO counter_batch;
