-- 0026: what the attacker's review of wave 2 (0019-0025) found open.
-- Tests: tests/db/test_attacks_wave2.py (and _races.py for the races).

-- 1. An administrator read every full ID and phone number with a plain
--    SELECT: 0002 granted counter_admin SELECT on all of accounts and 0017
--    took back only the writes. The numbers are read one at a time through
--    counter_find_number or a supervisor's reveal (audited, rate-limited);
--    an admin keeps the clerks' column grants (the masked copies) as a
--    member of counter_supervisor -> counter_clerk.
REVOKE SELECT ON accounts FROM counter_admin;

-- 2. A supervisor revealed any number of full numbers (account or complaint
--    contact), one audited reveal after another, with no limit: the town's
--    phone book in a loop. A reveal now takes from the same per-minute quota
--    as a lookup by full number (0025): the clerk's own counter, refusals
--    counted for the supervisors' flag list.
CREATE FUNCTION counter_take_lookup(p_me clerks, p_field text) RETURNS void
    LANGUAGE plpgsql
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_minute bigint := floor(extract(epoch FROM clock_timestamp()) / 60);
    v_n bigint;
BEGIN
    IF to_regclass('counter_lookups_' || p_me.id) IS NULL THEN
        PERFORM counter_fail('CT403', 'no_quota', '',
                             'no lookup quota for this clerk; run counter-admin migrate');
    END IF;
    -- the clerk's row lock serialises the clerk's own lookups
    PERFORM 1 FROM clerks WHERE id = p_me.id FOR NO KEY UPDATE;
    v_n := nextval('counter_lookups_' || p_me.id);
    IF v_n / 1000000 <> v_minute THEN
        v_n := setval('counter_lookups_' || p_me.id, v_minute * 1000000 + 1);
    END IF;
    IF v_n % 1000000 > counter_lookup_limit() THEN
        PERFORM nextval('counter_refusals_' || p_me.id);
        PERFORM counter_fail('CT429', 'rate_limit', p_field,
                             format('more than %s full numbers looked up or revealed in a '
                                    'minute; a supervisor has been told', counter_lookup_limit()));
    END IF;
END
$$;

CREATE OR REPLACE FUNCTION counter_find_number(p_kind text, p_values text[],
                                               p_workstation text DEFAULT '')
    RETURNS bigint[]
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_ids bigint[];
BEGIN
    IF p_kind IS NULL OR p_kind NOT IN ('mobile', 'landline', 'id_number') THEN
        PERFORM counter_fail('CT400', 'kind', 'kind', 'mobile, landline or id_number');
    END IF;
    IF NOT counter_one_number(p_kind, p_values) THEN
        PERFORM counter_fail('CT400', 'one_value', 'values',
                             'one number per lookup (its spellings only)');
    END IF;
    IF NOT coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = session_user), false) THEN
        PERFORM counter_take_lookup(counter_caller('clerk'), 'values');
    END IF;
    v_ids := ARRAY(SELECT DISTINCT f.id FROM unnest(p_values) AS x(value)
                   CROSS JOIN LATERAL counter_find_accounts(p_kind, x.value) AS f(id)
                   ORDER BY 1);
    PERFORM counter_audit(p_workstation, 'account.lookup', 'account',
                          CASE WHEN cardinality(v_ids) = 1 THEN v_ids[1]::text ELSE '' END,
                          jsonb_build_object('kind', p_kind,
                                             'value', counter_mask_value(
                                                 CASE p_kind WHEN 'id_number' THEN 'id_number'
                                                             ELSE 'mobile' END, p_values[1]),
                                             'found', cardinality(v_ids)));
    RETURN v_ids;
END
$$;

CREATE OR REPLACE FUNCTION counter_request_reveal(p_account_id bigint, p_field text,
                                                  p_workstation text)
    RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_me clerks := counter_caller('supervisor');
    v_audit bigint;
    v_token uuid;
BEGIN
    IF p_field IS NULL OR p_field NOT IN ('id_number', 'mobile', 'landline') THEN
        PERFORM counter_fail('CT400', 'field', 'field', 'id_number, mobile or landline');
    END IF;
    PERFORM counter_take_lookup(v_me, 'field');
    PERFORM 1 FROM accounts a WHERE a.id = p_account_id;
    IF NOT FOUND THEN
        PERFORM counter_fail('CT404', 'not_found', 'account_id',
                             format('no account %s', p_account_id));
    END IF;
    v_audit := counter_audit(p_workstation, 'account.reveal', 'account', p_account_id::text,
                             jsonb_build_object('field', p_field));
    INSERT INTO reveal_requests (login, account_id, field, audit_id, requested_at)
    VALUES (v_me.username, p_account_id, p_field, v_audit, clock_timestamp())
    RETURNING token INTO v_token;
    RETURN jsonb_build_object('token', v_token, 'audit_id', v_audit);
END
$$;

CREATE OR REPLACE FUNCTION counter_request_contact_reveal(p_complaint_id bigint,
                                                          p_workstation text)
    RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_me clerks := counter_caller('supervisor');
    v_audit bigint;
    v_token uuid;
BEGIN
    PERFORM counter_take_lookup(v_me, 'complaint');
    PERFORM 1 FROM complaints c WHERE c.id = p_complaint_id;
    IF NOT FOUND THEN
        PERFORM counter_fail('CT404', 'not_found', 'complaint',
                             format('no complaint %s', p_complaint_id));
    END IF;
    v_audit := counter_audit(p_workstation, 'complaint.reveal', 'complaint',
                             p_complaint_id::text, jsonb_build_object('field', 'contact'));
    INSERT INTO reveal_requests (login, complaint_id, field, audit_id, requested_at)
    VALUES (v_me.username, p_complaint_id, 'contact', v_audit, clock_timestamp())
    RETURNING token INTO v_token;
    RETURN jsonb_build_object('token', v_token, 'audit_id', v_audit);
END
$$;

REVOKE ALL ON FUNCTION counter_take_lookup(clerks, text) FROM PUBLIC;

-- 3. The withholding files' tables (0023) refused UPDATE and DELETE but not
--    TRUNCATE: nobody holds TRUNCATE today, but every other posted table
--    refuses it in the table itself, so a grant made by mistake later cannot
--    wipe the bank's answers either.
CREATE TRIGGER withholding_batches_no_truncate BEFORE TRUNCATE ON withholding_batches
    FOR EACH STATEMENT EXECUTE FUNCTION counter_refuse_change();
CREATE TRIGGER withholding_items_no_truncate BEFORE TRUNCATE ON withholding_items
    FOR EACH STATEMENT EXECUTE FUNCTION counter_refuse_change();
CREATE TRIGGER withholding_results_no_truncate BEFORE TRUNCATE ON withholding_results
    FOR EACH STATEMENT EXECUTE FUNCTION counter_refuse_change();
CREATE TRIGGER withholding_imports_no_truncate BEFORE TRUNCATE ON withholding_imports
    FOR EACH STATEMENT EXECUTE FUNCTION counter_refuse_change();

-- 4. A batch login issued bills from psql at any schedule that prices the
--    lines (another category's cheaper one, one not yet or no longer in
--    force) and with any relief line (an account without relief, or a
--    relief above its component's charge): a friend's water for nothing.
--    After the bills are written (so every value has its type), the ones of
--    this call are held against what billing computes (services/billing.py):
--    the account's category's schedule in force on the reading day (the
--    latest start wins); at most one relief line, on the component of an
--    approved (or since expired) relief of the account whose validity meets
--    the bill's days, and at most that component's charge. The tiers' split
--    is still the batch's (it needs the year's usage and the households).
CREATE FUNCTION counter_check_bill_terms(p_period text, p_bills jsonb) RETURNS void
    LANGUAGE plpgsql STABLE
    SET search_path = public, pg_temp
AS $$
DECLARE
    v record;
BEGIN
    WITH sent AS (
        SELECT x.reading_id, x.n - 1 AS n
        FROM ROWS FROM (jsonb_to_recordset(p_bills) AS (reading_id bigint)) WITH ORDINALITY
             AS x(reading_id, n)),
    issued AS (
        SELECT s.n, b.id, b.tariff_id, b.period_start, b.period_end, b.account_id,
               (SELECT t.id FROM tariffs t
                 WHERE t.category_code = a.price_category AND t.effective_from <= r.read_on
                   AND (t.effective_to IS NULL OR t.effective_to >= r.read_on)
                 ORDER BY t.effective_from DESC LIMIT 1) AS in_force
        FROM sent s
        JOIN bills b ON b.reading_id = s.reading_id AND b.period = p_period
                    AND b.adjusts_bill_id IS NULL
        JOIN accounts a ON a.id = b.account_id
        JOIN readings r ON r.id = b.reading_id),
    reliefs AS (
        SELECT l.bill_id, count(*) AS lines, min(l.component) AS component,
               -sum(l.amount) AS amount
        FROM bill_lines l WHERE l.kind = 'relief' AND l.bill_id IN (SELECT id FROM issued)
        GROUP BY l.bill_id),
    problems AS (
        SELECT i.n, CASE
            WHEN i.tariff_id IS DISTINCT FROM i.in_force THEN 'tariff'
            WHEN rl.lines > 1 THEN 'one relief line at most'
            WHEN NOT EXISTS (
                    SELECT 1 FROM relief_applications ra
                    JOIN relief_rules rr ON rr.code = ra.rule_code
                    WHERE ra.account_id = i.account_id AND ra.status IN ('approved', 'expired')
                      AND ra.effective_period IS NOT NULL AND ra.effective_period <= p_period
                      AND ra.valid_from <= i.period_end AND ra.valid_to >= i.period_start
                      AND rr.component = rl.component)
                THEN 'no relief of the account applies to this bill'
            WHEN rl.amount > (SELECT coalesce(sum(c.amount), 0) FROM bill_lines c
                              WHERE c.bill_id = i.id AND c.kind = 'charge'
                                AND c.component = rl.component)
                THEN 'a relief is at most its component''s charge'
            END AS problem
        FROM issued i LEFT JOIN reliefs rl ON rl.bill_id = i.id
        WHERE i.tariff_id IS DISTINCT FROM i.in_force OR rl.bill_id IS NOT NULL)
    SELECT * INTO v FROM problems WHERE problem IS NOT NULL ORDER BY n LIMIT 1;
    IF v.problem = 'tariff' THEN
        PERFORM counter_fail('CT400', 'tariff', format('bills[%s].tariff_id', v.n),
            'not the schedule of the account''s category in force on the reading day');
    ELSIF v.problem IS NOT NULL THEN
        PERFORM counter_fail('CT400', 'relief', format('bills[%s].lines', v.n), v.problem);
    END IF;
END
$$;

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
    d := counter_deduct_prepayments('billing ' || p_period);
    IF (d->>'count')::int > 0 THEN
        PERFORM counter_audit('batch', 'deduction.run', 'period', p_period, d);
    END IF;
    RETURN v || jsonb_build_object('deducted', d->'count', 'deducted_total', d->'total');
END
$$;

REVOKE ALL ON FUNCTION counter_check_bill_terms(text, jsonb) FROM PUBLIC;
