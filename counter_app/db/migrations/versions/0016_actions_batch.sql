-- Server-side actions of the batch and the administration (migration 0016).
--
-- Billing and readings imports run under a login in the group counter_batch:
-- EXECUTE on counter_issue_bills and counter_import_readings, SELECT on what
-- they read, no table write. Halls and clerks' rows are written by
-- counter_create_hall and counter_save_clerk (an admin clerk, or the DBA who
-- runs the migrations: a member of counter_owner). Issued bills are
-- immutable (a trigger refuses UPDATE, DELETE and TRUNCATE of bills and
-- bill_lines for everyone, the owner included); a correction is a new
-- adjustment bill linked to the bill it corrects (counter_adjust_bill, a
-- supervisor), with its reason and approver.

-- --------------------------------------------------------------- the schema

ALTER TABLE bills
    ADD COLUMN adjusts_bill_id bigint,
    ADD COLUMN reason varchar(200),
    ADD COLUMN approved_by bigint,
    ADD CONSTRAINT fk_bills_adjusts_bill_id_bills FOREIGN KEY (adjusts_bill_id) REFERENCES bills (id),
    ADD CONSTRAINT fk_bills_approved_by_clerks FOREIGN KEY (approved_by) REFERENCES clerks (id),
    -- an issued bill is never negative and carries no reason; an adjustment
    -- says what it corrects, why, and who approved it, and is never zero
    ADD CONSTRAINT ck_bills_adjustment CHECK (
        (adjusts_bill_id IS NULL AND reason IS NULL AND approved_by IS NULL AND amount >= 0)
        OR (adjusts_bill_id IS NOT NULL AND btrim(coalesce(reason, '')) <> ''
            AND approved_by IS NOT NULL AND reading_id IS NULL AND amount <> 0));

-- one issued bill per account and period (adjustments come beside it), and
-- one bill per reading (a reading is one meter and one period)
ALTER TABLE bills DROP CONSTRAINT uq_bills_account_period;
CREATE UNIQUE INDEX uq_bills_account_period ON bills (account_id, period)
    WHERE adjusts_bill_id IS NULL;
CREATE UNIQUE INDEX uq_bills_reading_id ON bills (reading_id) WHERE reading_id IS NOT NULL;
CREATE INDEX ix_bills_adjusts_bill_id ON bills (adjusts_bill_id)
    WHERE adjusts_bill_id IS NOT NULL;

ALTER TABLE bill_lines DROP CONSTRAINT ck_bill_lines_kind;
ALTER TABLE bill_lines ADD CONSTRAINT ck_bill_lines_kind
    CHECK (kind IN ('charge', 'relief', 'adjust'));

-- issued bills are immutable, for the owner too (counter_refuse_change: 0002)
CREATE TRIGGER bills_append_only BEFORE UPDATE OR DELETE ON bills
    FOR EACH ROW EXECUTE FUNCTION counter_refuse_change();
CREATE TRIGGER bills_no_truncate BEFORE TRUNCATE ON bills
    FOR EACH STATEMENT EXECUTE FUNCTION counter_refuse_change();
CREATE TRIGGER bill_lines_append_only BEFORE UPDATE OR DELETE ON bill_lines
    FOR EACH ROW EXECUTE FUNCTION counter_refuse_change();
CREATE TRIGGER bill_lines_no_truncate BEFORE TRUNCATE ON bill_lines
    FOR EACH STATEMENT EXECUTE FUNCTION counter_refuse_change();

-- the readings files imported, by content: the same file twice posts once
CREATE TABLE reading_imports (
    file_hash char(64) NOT NULL,
    file_name varchar(200) NOT NULL,
    rows_written integer NOT NULL,
    imported_by varchar(63) NOT NULL,
    imported_at timestamptz NOT NULL,
    CONSTRAINT pk_reading_imports PRIMARY KEY (file_hash),
    CONSTRAINT ck_reading_imports_file_hash CHECK (file_hash ~ '^[0-9a-f]{64}$')
);
CREATE TRIGGER reading_imports_append_only BEFORE UPDATE OR DELETE ON reading_imports
    FOR EACH ROW EXECUTE FUNCTION counter_refuse_change();
CREATE TRIGGER reading_imports_no_truncate BEFORE TRUNCATE ON reading_imports
    FOR EACH STATEMENT EXECUTE FUNCTION counter_refuse_change();
REVOKE ALL ON reading_imports FROM PUBLIC;

-- ------------------------------------------------------------------ callers

-- A login of the batch group (billing, imports); its name is the audit's clerk.
CREATE FUNCTION counter_batch_caller() RETURNS text
    LANGUAGE plpgsql STABLE
    SET search_path = public, pg_temp
AS $$
BEGIN
    IF NOT pg_has_role(session_user, 'counter_batch', 'MEMBER') THEN
        PERFORM counter_fail('CT403', 'role', '',
                             format('this needs the batch role; %s is not in counter_batch',
                                    session_user));
    END IF;
    RETURN session_user;
END
$$;

-- An admin clerk (their clerks.id), or the DBA who runs the migrations (a
-- member of counter_owner, NULL): a new installation has no clerk before its
-- first hall.
CREATE FUNCTION counter_admin_caller() RETURNS bigint
    LANGUAGE plpgsql STABLE
    SET search_path = public, pg_temp
AS $$
BEGIN
    IF pg_has_role(session_user, 'counter_owner', 'MEMBER') THEN
        RETURN NULL;
    END IF;
    RETURN (counter_caller('admin')).id;
END
$$;

-- ------------------------------------------------------------------ billing

-- One batch of bills for p_period, computed by the batch client (tiers,
-- components and relief are Python: counter_app/domain/billing.py). Each
-- element: {reading_id, tariff_id, period_start, due_on, amount, lines:
-- [{kind, component, tier_no, volume, unit_price, amount, label}]}. The
-- account, the readings and the usage come from the reading, not from the
-- client. All or nothing; one audit row for the batch.
CREATE FUNCTION counter_issue_bills(p_period text, p_bills jsonb) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_caller text := counter_batch_caller();
    b record;
    r readings;
    v_field text;
    v_id bigint;
    v_lines int;
    v_sum numeric;
    v_bad text;
    v_count int := 0;
    v_total numeric := 0;
BEGIN
    IF p_period IS NULL OR p_period !~ '^[0-9]{4}-(0[1-9]|1[0-2])$' THEN
        PERFORM counter_fail('CT400', 'period', 'period', 'a period is YYYY-MM');
    END IF;
    IF jsonb_typeof(p_bills) IS DISTINCT FROM 'array' OR jsonb_array_length(p_bills) = 0 THEN
        PERFORM counter_fail('CT400', 'bills', 'bills', 'a non-empty list of bills');
    END IF;
    -- one batch of a period at a time: the second waits, then finds it billed
    PERFORM pg_advisory_xact_lock(hashtext('counter_issue_bills'), hashtext(p_period));
    BEGIN
        FOR b IN
            SELECT x.reading_id, x.tariff_id, x.period_start, x.due_on, x.amount, x.lines,
                   x.n - 1 AS n
            FROM ROWS FROM (jsonb_to_recordset(p_bills)
                     AS (reading_id bigint, tariff_id bigint, period_start date, due_on date,
                         amount numeric, lines jsonb)) WITH ORDINALITY
                 AS x(reading_id, tariff_id, period_start, due_on, amount, lines, n)
        LOOP
            v_field := format('bills[%s]', b.n);
            SELECT * INTO r FROM readings WHERE id = b.reading_id;
            IF NOT FOUND THEN
                PERFORM counter_fail('CT404', 'reading', v_field || '.reading_id',
                                     format('no reading %s', b.reading_id));
            END IF;
            IF r.period <> p_period THEN
                PERFORM counter_fail('CT400', 'period', v_field || '.reading_id',
                                     format('reading %s closes %s, not %s', r.id, r.period,
                                            p_period));
            END IF;
            IF EXISTS (SELECT 1 FROM bills WHERE account_id = r.account_id AND period = p_period
                       AND adjusts_bill_id IS NULL) THEN
                PERFORM counter_fail('CT409', 'already_billed', v_field,
                                     format('account %s is billed for %s already', r.account_id,
                                            p_period));
            END IF;
            IF NOT EXISTS (SELECT 1 FROM tariffs WHERE id = b.tariff_id) THEN
                PERFORM counter_fail('CT404', 'tariff', v_field || '.tariff_id',
                                     format('no tariff %s', b.tariff_id));
            END IF;
            IF b.period_start IS NULL OR b.period_start > r.read_on
               OR b.due_on IS NULL OR b.due_on < r.read_on THEN
                PERFORM counter_fail('CT400', 'dates', v_field,
                                     'the period starts before its reading, due after it');
            END IF;
            PERFORM counter_money(b.amount, v_field || '.amount');
            IF jsonb_typeof(b.lines) IS DISTINCT FROM 'array' THEN
                PERFORM counter_fail('CT400', 'lines', v_field || '.lines', 'a list of lines');
            END IF;
            SELECT count(*), coalesce(sum(l.amount), 0),
                   CASE
                       WHEN bool_or(l.amount IS NULL OR l.amount <> round(l.amount, 2))
                           THEN 'at most two decimals (fen)'
                       WHEN bool_or(l.kind IS NULL OR l.kind NOT IN ('charge', 'relief'))
                           THEN 'a line is a charge or a relief'
                       WHEN bool_or(l.volume IS NULL OR l.volume < 0 OR l.volume > r.usage)
                           THEN 'a line''s volume is within the usage'
                       WHEN bool_or(l.kind = 'charge'
                                    AND l.amount IS DISTINCT FROM round(l.volume * l.unit_price, 2))
                           THEN 'a charge is its volume times its unit price'
                       WHEN bool_or(l.kind = 'charge' AND NOT EXISTS (
                                SELECT 1 FROM tariff_rates t
                                WHERE t.tariff_id = b.tariff_id AND t.component = l.component
                                  AND t.tier_no = coalesce(l.tier_no, 1)
                                  AND t.unit_price = l.unit_price))
                           THEN 'a charge is at the tariff''s price'
                       WHEN bool_or(l.kind = 'relief' AND l.amount > 0)
                           THEN 'a relief line is not positive'
                       WHEN bool_or(l.label IS NULL OR l.component IS NULL)
                           THEN 'a line has a component and a label'
                   END
              INTO v_lines, v_sum, v_bad
              FROM jsonb_to_recordset(b.lines)
                   AS l(kind text, component text, tier_no int, volume bigint,
                        unit_price numeric, amount numeric, label text);
            IF v_bad IS NULL AND EXISTS (
                SELECT 1 FROM jsonb_to_recordset(b.lines) AS l(kind text, component text,
                                                                volume bigint)
                WHERE l.kind = 'charge' GROUP BY l.component HAVING sum(l.volume) <> r.usage) THEN
                v_bad := 'each component charges the whole usage';
            END IF;
            IF v_bad IS NOT NULL THEN
                PERFORM counter_fail('CT400', 'lines', v_field || '.lines', v_bad);
            END IF;
            IF v_sum <> b.amount THEN
                PERFORM counter_fail('CT400', 'sum', v_field || '.amount',
                                     format('the bill is %s, its lines add up to %s', b.amount,
                                            v_sum));
            END IF;
            INSERT INTO bills (account_id, period, reading_id, tariff_id, period_start,
                               period_end, start_reading, end_reading, usage, amount, due_on,
                               created_at)
            VALUES (r.account_id, p_period, r.id, b.tariff_id, b.period_start, r.read_on,
                    r.previous_reading, r.reading, r.usage, b.amount, b.due_on, now())
            RETURNING id INTO v_id;
            INSERT INTO bill_lines (bill_id, line_no, kind, component, tier_no, volume,
                                    unit_price, amount, label)
            SELECT v_id, l.n, l.kind, l.component, l.tier_no, l.volume, l.unit_price,
                   l.amount, l.label
            FROM ROWS FROM (jsonb_to_recordset(b.lines)
                     AS (kind text, component text, tier_no int, volume bigint,
                         unit_price numeric, amount numeric, label text)) WITH ORDINALITY
                 AS l(kind, component, tier_no, volume, unit_price, amount, label, n);
            v_count := v_count + 1;
            v_total := v_total + b.amount;
        END LOOP;
    EXCEPTION
        WHEN invalid_text_representation OR invalid_datetime_format
             OR datetime_field_overflow OR numeric_value_out_of_range
             OR string_data_right_truncation OR invalid_parameter_value THEN
            PERFORM counter_fail('CT400', 'format', coalesce(v_field, 'bills'), SQLERRM);
    END;
    PERFORM counter_audit('batch', 'billing.run', 'period', p_period,
                          jsonb_build_object('billed', v_count, 'total', v_total));
    RETURN jsonb_build_object('period', p_period, 'billed', v_count, 'total', v_total);
END
$$;

-- A correction of an issued bill: a new bill of p_amount (negative: a credit,
-- positive: a debit) linked to it, with the reason, approved by the caller.
CREATE FUNCTION counter_adjust_bill(
    p_bill_id bigint, p_amount numeric, p_reason text, p_workstation text
) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_me clerks := counter_caller('supervisor');
    v_reason text := btrim(coalesce(p_reason, ''));
    v_bill bills;
    v_net numeric;
    v_id bigint;
BEGIN
    PERFORM counter_money(abs(p_amount), 'amount', false);
    IF v_reason = '' OR length(v_reason) > 200 THEN
        PERFORM counter_fail('CT400', 'reason', 'reason', 'a reason of 1 to 200 characters');
    END IF;
    SELECT * INTO v_bill FROM bills WHERE id = p_bill_id;
    IF NOT FOUND THEN
        PERFORM counter_fail('CT404', 'bill', 'bill_id', format('no bill %s', p_bill_id));
    END IF;
    IF v_bill.adjusts_bill_id IS NOT NULL THEN
        PERFORM counter_fail('CT400', 'adjustment', 'bill_id',
                             format('bill %s is an adjustment: adjust bill %s', v_bill.id,
                                    v_bill.adjusts_bill_id));
    END IF;
    -- the account first (as payments lock it), then the sum of the corrections
    PERFORM 1 FROM accounts WHERE id = v_bill.account_id FOR UPDATE;
    SELECT v_bill.amount + coalesce(sum(amount), 0) + p_amount INTO v_net
      FROM bills WHERE adjusts_bill_id = v_bill.id;
    IF v_net < 0 THEN
        PERFORM counter_fail('CT409', 'over_credit', 'amount',
                             format('the bill would come to %s', v_net));
    END IF;
    INSERT INTO bills (account_id, period, reading_id, tariff_id, period_start, period_end,
                       start_reading, end_reading, usage, amount, due_on, created_at,
                       adjusts_bill_id, reason, approved_by)
    VALUES (v_bill.account_id, v_bill.period, NULL, v_bill.tariff_id, v_bill.period_start,
            v_bill.period_end, v_bill.start_reading, v_bill.end_reading, 0, p_amount,
            CASE WHEN p_amount > 0 THEN current_date + 30 ELSE current_date END, now(),
            v_bill.id, v_reason, v_me.id)
    RETURNING id INTO v_id;
    INSERT INTO bill_lines (bill_id, line_no, kind, component, tier_no, volume, unit_price,
                            amount, label)
    VALUES (v_id, 1, 'adjust', 'adjustment', NULL, 0, 0, p_amount,
            CASE WHEN p_amount > 0 THEN '调整补收' ELSE '调整冲减' END);
    PERFORM counter_audit(p_workstation, 'bill.adjust', 'bill', v_id::text,
                          jsonb_build_object('adjusts', v_bill.id, 'amount', p_amount,
                                             'reason', v_reason, 'net', v_net));
    RETURN jsonb_build_object('id', v_id, 'adjusts_bill_id', v_bill.id,
                              'account_id', v_bill.account_id, 'period', v_bill.period,
                              'amount', p_amount, 'reason', v_reason,
                              'approved_by', v_me.username, 'net', v_net);
END
$$;

-- ----------------------------------------------------------------- readings

-- One readings file, all or nothing: p_rows [{line, account_id, meter_id,
-- period, read_on, previous_reading, reading, usage, rolled_over, flags}],
-- each checked against the meter's history as it is now. The same file
-- (by the hash of its content) a second time writes nothing and returns
-- what the first import wrote.
CREATE FUNCTION counter_import_readings(p_file_hash text, p_file_name text, p_rows jsonb)
    RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_caller text := counter_batch_caller();
    v_name text := left(btrim(coalesce(p_file_name, '')), 200);
    v_done reading_imports;
    x record;
    v_meter meters;
    v_prev record;
    v_previous bigint;
    v_usage bigint;
    v_field text;
    v_count int := 0;
BEGIN
    IF p_file_hash IS NULL OR p_file_hash !~ '^[0-9a-f]{64}$' THEN
        PERFORM counter_fail('CT400', 'file_hash', 'file_hash', 'the SHA-256 of the file, in hex');
    END IF;
    IF v_name = '' THEN
        PERFORM counter_fail('CT400', 'file_name', 'file_name', 'the file''s name');
    END IF;
    -- one import at a time: each row is checked against the history it extends
    PERFORM pg_advisory_xact_lock(hashtext('counter_import_readings'));
    SELECT * INTO v_done FROM reading_imports WHERE file_hash = p_file_hash;
    IF FOUND THEN
        RETURN jsonb_build_object('file_hash', p_file_hash, 'written', 0, 'replayed', true,
                                  'first_written', v_done.rows_written,
                                  'first_imported_at', v_done.imported_at,
                                  'first_imported_by', v_done.imported_by);
    END IF;
    IF jsonb_typeof(p_rows) IS DISTINCT FROM 'array' OR jsonb_array_length(p_rows) = 0 THEN
        PERFORM counter_fail('CT400', 'rows', 'rows', 'a non-empty list of readings');
    END IF;
    BEGIN
        FOR x IN
            SELECT * FROM jsonb_to_recordset(p_rows)
                AS t(line int, account_id bigint, meter_id bigint, period text, read_on date,
                     previous_reading bigint, reading bigint, usage bigint, rolled_over boolean,
                     flags text)
            ORDER BY meter_id, period
        LOOP
            v_field := format('rows[line %s]', x.line);
            SELECT * INTO v_meter FROM meters WHERE id = x.meter_id;
            IF NOT FOUND OR v_meter.account_id IS DISTINCT FROM x.account_id THEN
                PERFORM counter_fail('CT404', 'meter', v_field || '.meter_no',
                                     'the meter is not on this account');
            END IF;
            IF x.period IS NULL OR x.period !~ '^[0-9]{4}-(0[1-9]|1[0-2])$' THEN
                PERFORM counter_fail('CT400', 'period', v_field || '.period', 'YYYY-MM');
            END IF;
            IF x.read_on IS NULL OR x.read_on > (now() AT TIME ZONE 'Asia/Shanghai')::date THEN
                PERFORM counter_fail('CT400', 'read_on', v_field || '.read_on',
                                     'the date is in the future');
            END IF;
            IF EXISTS (SELECT 1 FROM readings WHERE meter_id = x.meter_id
                       AND period = x.period) THEN
                PERFORM counter_fail('CT409', 'already_read', v_field || '.period',
                                     format('meter %s already has a reading for %s',
                                            v_meter.meter_no, x.period));
            END IF;
            SELECT reading, read_on INTO v_prev FROM readings
             WHERE meter_id = x.meter_id AND period < x.period
             ORDER BY period DESC LIMIT 1;
            v_previous := CASE WHEN FOUND THEN v_prev.reading ELSE 0 END;
            IF FOUND AND x.read_on <= v_prev.read_on THEN
                PERFORM counter_fail('CT400', 'read_on', v_field || '.read_on',
                                     format('not after the previous reading of %s',
                                            v_prev.read_on));
            END IF;
            IF x.previous_reading IS DISTINCT FROM v_previous THEN
                PERFORM counter_fail('CT409', 'stale', v_field || '.reading',
                                     format('the previous reading is %s now', v_previous));
            END IF;
            IF x.reading IS NULL OR x.reading < 0
               OR x.reading >= (10::numeric ^ v_meter.dial_digits) THEN
                PERFORM counter_fail('CT400', 'reading', v_field || '.reading',
                                     'the reading does not fit the meter''s dial');
            END IF;
            v_usage := CASE
                WHEN coalesce(x.rolled_over, false) AND x.reading < v_previous
                    THEN x.reading + (10::numeric ^ v_meter.dial_digits)::bigint - v_previous
                WHEN NOT coalesce(x.rolled_over, false) AND x.reading >= v_previous
                    THEN x.reading - v_previous
            END;
            IF v_usage IS NULL OR x.usage IS DISTINCT FROM v_usage THEN
                PERFORM counter_fail('CT400', 'usage', v_field || '.reading',
                                     format('usage from %s to %s is not %s', v_previous,
                                            x.reading, x.usage));
            END IF;
            INSERT INTO readings (account_id, meter_id, period, read_on, previous_reading,
                                  reading, usage, rolled_over, flags, source, created_at)
            VALUES (x.account_id, x.meter_id, x.period, x.read_on, v_previous, x.reading,
                    v_usage, coalesce(x.rolled_over, false), left(coalesce(x.flags, ''), 64),
                    left('import:' || v_name, 32), now());
            v_count := v_count + 1;
        END LOOP;
    EXCEPTION
        WHEN invalid_text_representation OR invalid_datetime_format
             OR datetime_field_overflow OR numeric_value_out_of_range THEN
            PERFORM counter_fail('CT400', 'format', coalesce(v_field, 'rows'), SQLERRM);
    END;
    INSERT INTO reading_imports (file_hash, file_name, rows_written, imported_by, imported_at)
    VALUES (p_file_hash, v_name, v_count, session_user, now());
    PERFORM counter_audit('batch', 'readings.import', 'file', v_name,
                          jsonb_build_object('rows', v_count, 'file_hash', p_file_hash));
    RETURN jsonb_build_object('file_hash', p_file_hash, 'written', v_count, 'replayed', false);
END
$$;

-- ------------------------------------------------------------ administration

-- A service hall and its receipt series (same code, numbering from 1).
CREATE FUNCTION counter_create_hall(
    p_code text, p_name text, p_address text, p_receipt_prefix text, p_workstation text
) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_admin bigint := counter_admin_caller();
    v_code text := btrim(coalesce(p_code, ''));
    v_name text := btrim(coalesce(p_name, ''));
    v_address text := btrim(coalesce(p_address, ''));
    v_prefix text := upper(btrim(coalesce(p_receipt_prefix, '')));
BEGIN
    IF v_code !~ '^[A-Za-z0-9_-]{1,16}$' THEN
        PERFORM counter_fail('CT400', 'code', 'code', 'use 1-16 letters, digits, _ or -');
    END IF;
    IF v_name = '' OR length(v_name) > 80 THEN
        PERFORM counter_fail('CT400', 'name', 'name', 'a name of 1 to 80 characters');
    END IF;
    IF length(v_address) > 200 THEN
        PERFORM counter_fail('CT400', 'address', 'address', 'at most 200 characters');
    END IF;
    IF v_prefix !~ '^[A-Z0-9]{0,8}$' THEN
        PERFORM counter_fail('CT400', 'receipt_prefix', 'receipt_prefix',
                             'use up to 8 capital letters or digits');
    END IF;
    IF EXISTS (SELECT 1 FROM halls WHERE code = v_code) THEN
        PERFORM counter_fail('CT409', 'exists', 'code', format('hall %s exists already', v_code));
    END IF;
    IF EXISTS (SELECT 1 FROM receipt_series WHERE code = v_code) THEN
        PERFORM counter_fail('CT409', 'exists', 'code',
                             format('receipt series %s exists already', v_code));
    END IF;
    INSERT INTO halls (code, name, address) VALUES (v_code, v_name, v_address);
    INSERT INTO receipt_series (code, hall_code, prefix, next_no)
    VALUES (v_code, v_code, v_prefix, 1);
    PERFORM counter_audit(p_workstation, 'hall.create', 'hall', v_code,
                          jsonb_build_object('name', v_name, 'receipt_prefix', v_prefix,
                                             'by_clerk', v_admin));
    RETURN jsonb_build_object('code', v_code, 'name', v_name, 'address', v_address,
                              'receipt_series', v_code, 'receipt_prefix', v_prefix);
END
$$;

-- A clerk's row, for a login role that exists and is in the group of the
-- role (the login itself is made by the DBA: services/clerks.py).
CREATE FUNCTION counter_save_clerk(
    p_username text, p_display_name text, p_role text, p_hall_code text, p_workstation text
) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_admin bigint := counter_admin_caller();
    v_display text := btrim(coalesce(p_display_name, ''));
    v_row clerks;
    v_action text;
BEGIN
    IF p_username IS NULL OR p_username !~ '^[a-z][a-z0-9_]{1,62}$'
       OR p_username LIKE 'counter\_%' OR p_username LIKE 'pg\_%' THEN
        PERFORM counter_fail('CT400', 'username', 'username',
                             'use 2-63 lowercase letters, digits or _; start with a letter');
    END IF;
    IF v_display = '' OR length(v_display) > 40 THEN
        PERFORM counter_fail('CT400', 'display_name', 'display_name',
                             'a name of 1 to 40 characters');
    END IF;
    IF p_role IS NULL OR p_role NOT IN ('clerk', 'supervisor', 'admin') THEN
        PERFORM counter_fail('CT400', 'role', 'role', 'clerk, supervisor or admin');
    END IF;
    IF NOT EXISTS (SELECT 1 FROM halls WHERE code = p_hall_code) THEN
        PERFORM counter_fail('CT404', 'hall', 'hall', format('unknown hall code %s', p_hall_code));
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_username AND rolcanlogin)
       OR NOT pg_has_role(p_username, 'counter_' || p_role, 'MEMBER') THEN
        PERFORM counter_fail('CT404', 'login', 'username',
                             format('%s is not a login of counter_%s', p_username, p_role));
    END IF;
    SELECT * INTO v_row FROM clerks WHERE username = p_username FOR UPDATE;
    IF FOUND THEN
        UPDATE clerks SET display_name = v_display, role = p_role, hall_code = p_hall_code,
                          active = true
         WHERE id = v_row.id RETURNING * INTO v_row;
        v_action := 'clerk.update';
    ELSE
        INSERT INTO clerks (username, display_name, role, hall_code, active, created_at)
        VALUES (p_username, v_display, p_role, p_hall_code, true, now())
        RETURNING * INTO v_row;
        v_action := 'clerk.create';
    END IF;
    PERFORM counter_audit(p_workstation, v_action, 'clerk', v_row.id::text,
                          jsonb_build_object('username', p_username, 'role', p_role,
                                             'by_clerk', v_admin));
    RETURN jsonb_build_object('id', v_row.id, 'username', v_row.username,
                              'display_name', v_row.display_name, 'role', v_row.role,
                              'hall_code', v_row.hall_code, 'action', v_action);
END
$$;

-- ---------------------------------------------------------------- privileges

REVOKE ALL ON FUNCTION counter_batch_caller() FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_admin_caller() FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_issue_bills(text, jsonb) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_adjust_bill(bigint, numeric, text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_import_readings(text, text, jsonb) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_create_hall(text, text, text, text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_save_clerk(text, text, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION counter_issue_bills(text, jsonb) TO counter_batch;
GRANT EXECUTE ON FUNCTION counter_import_readings(text, text, jsonb) TO counter_batch;
GRANT EXECUTE ON FUNCTION counter_adjust_bill(bigint, numeric, text, text) TO counter_supervisor;
GRANT EXECUTE ON FUNCTION counter_create_hall(text, text, text, text, text) TO counter_admin;
GRANT EXECUTE ON FUNCTION counter_save_clerk(text, text, text, text, text) TO counter_admin;

-- the batch reads what billing and imports need, and writes nothing
GRANT USAGE ON SCHEMA public TO counter_batch;
GRANT SELECT ON readings, meters, bills, bill_lines, tariffs, tariff_tiers, tariff_rates,
    relief_rules, price_categories, reading_imports TO counter_batch;
GRANT SELECT (id, account_no, account_type, households_total, price_category,
              read_cycle_months, status) ON accounts TO counter_batch;
GRANT SELECT (id, account_id, rule_code, status, effective_period, valid_from, valid_to,
              low_income_households, total_households) ON relief_applications TO counter_batch;
GRANT SELECT ON reading_imports TO counter_clerk;

-- what only this area wrote, now through the actions above (or, for the
-- tariffs, only by the DBA's seeder)
REVOKE INSERT, UPDATE ON halls, clerks, readings, bills, bill_lines, tariffs, tariff_tiers,
    tariff_rates FROM counter_admin;
REVOKE DELETE ON tariff_tiers, tariff_rates FROM counter_admin;
REVOKE INSERT ON receipt_series FROM counter_admin;
