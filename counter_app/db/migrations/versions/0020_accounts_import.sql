-- Going live (migration 0020): a utility moving to Counter loads the accounts
-- of its old billing system (营业收费系统) and what they owe or have prepaid.
--
-- Both imports run under a login of counter_batch, one call per file, all or
-- nothing: the client checks every row first and sends the file only when
-- all pass; these actions check each row again and refuse a bad one naming
-- its line (rows[line N].field). A file is known by its SHA-256 in
-- golive_imports (the same file again writes nothing and says so); a row is
-- known by its business key (the account number; the account and period of
-- a bill; the account's opening prepayment), so a corrected or extended file
-- skips what is already there.

-- --------------------------------------------------------------- the schema

-- an opening bill (期初欠费) carried over from the old system: one line of
-- this kind, no reading
ALTER TABLE bill_lines DROP CONSTRAINT ck_bill_lines_kind;
ALTER TABLE bill_lines ADD CONSTRAINT ck_bill_lines_kind
    CHECK (kind IN ('charge', 'relief', 'adjust', 'opening'));

-- the go-live files imported, by content and kind
CREATE TABLE golive_imports (
    kind varchar(16) NOT NULL,
    file_hash char(64) NOT NULL,
    file_name varchar(200) NOT NULL,
    rows_in_file integer NOT NULL,
    summary text NOT NULL,
    imported_by varchar(63) NOT NULL,
    imported_at timestamptz NOT NULL,
    CONSTRAINT pk_golive_imports PRIMARY KEY (kind, file_hash),
    CONSTRAINT ck_golive_imports_kind CHECK (kind IN ('accounts', 'balances')),
    CONSTRAINT ck_golive_imports_file_hash CHECK (file_hash ~ '^[0-9a-f]{64}$')
);
CREATE TRIGGER golive_imports_append_only BEFORE UPDATE OR DELETE ON golive_imports
    FOR EACH ROW EXECUTE FUNCTION counter_refuse_change();
CREATE TRIGGER golive_imports_no_truncate BEFORE TRUNCATE ON golive_imports
    FOR EACH STATEMENT EXECUTE FUNCTION counter_refuse_change();
REVOKE ALL ON golive_imports FROM PUBLIC;

-- ------------------------------------------------------------------ helpers

-- A 'YYYY-MM-DD' text as a date; NULL for anything else (2019-02-30 too).
CREATE FUNCTION counter_text_date(p text) RETURNS date
    LANGUAGE plpgsql IMMUTABLE
    SET search_path = public, pg_temp
AS $$
BEGIN
    IF p IS NULL OR p !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN
        RETURN NULL;
    END IF;
    RETURN make_date(left(p, 4)::int, substr(p, 6, 2)::int, right(p, 2)::int);
EXCEPTION WHEN others THEN
    RETURN NULL;
END
$$;

-- ----------------------------------------------------------------- accounts

-- p_rows: [{line, account_no, name, name_pinyin, name_initials, id_number,
-- mobile, landline, address, meter_location, account_type, households_total,
-- price_category, area_code, book_no, read_cycle_months, meter_no,
-- caliber_mm, dial_digits, installed_on, verified_on, archive_no,
-- cabinet_no, opened_on, last_reading, last_read_on}], every value text or
-- null (numbers as the client read them). The masked copies and the ID tail
-- are the server's (counter_mask_value, as a correction's); the pinyin keys
-- are the client's (domain/pinyin, as a corrected name's). An account number
-- already in the database with the same meter is skipped; with another
-- meter it is refused.
CREATE FUNCTION counter_import_accounts(p_file_hash text, p_file_name text, p_rows jsonb)
    RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_caller text := counter_batch_caller();
    v_name text := left(btrim(coalesce(p_file_name, '')), 200);
    v_today date := (now() AT TIME ZONE 'Asia/Shanghai')::date;
    v_done golive_imports;
    v_bad record;
    v_rows int;
    v_accounts int;
    v_readings int;
    v_summary jsonb;
BEGIN
    IF p_file_hash IS NULL OR p_file_hash !~ '^[0-9a-f]{64}$' THEN
        PERFORM counter_fail('CT400', 'file_hash', 'file_hash', 'the SHA-256 of the file, in hex');
    END IF;
    IF v_name = '' THEN
        PERFORM counter_fail('CT400', 'file_name', 'file_name', 'the file''s name');
    END IF;
    -- one go-live import at a time: each row is checked against the others
    PERFORM pg_advisory_xact_lock(hashtext('counter_golive_import'));
    SELECT * INTO v_done FROM golive_imports WHERE kind = 'accounts' AND file_hash = p_file_hash;
    IF FOUND THEN
        RETURN v_done.summary::jsonb || jsonb_build_object(
            'replayed', true, 'written', 0, 'first_imported_at', v_done.imported_at,
            'first_imported_by', v_done.imported_by);
    END IF;
    IF jsonb_typeof(p_rows) IS DISTINCT FROM 'array' OR jsonb_array_length(p_rows) = 0 THEN
        PERFORM counter_fail('CT400', 'rows', 'rows', 'a non-empty list of accounts');
    END IF;

    CREATE TEMP TABLE golive_accounts ON COMMIT DROP AS
    SELECT t.*, false AS present
      FROM jsonb_to_recordset(p_rows) AS t(
           line int, account_no text, name text, name_pinyin text, name_initials text,
           id_number text, mobile text, landline text, address text, meter_location text,
           account_type text, households_total text, price_category text, area_code text,
           book_no text, read_cycle_months text, meter_no text, caliber_mm text,
           dial_digits text, installed_on text, verified_on text, archive_no text,
           cabinet_no text, opened_on text, last_reading text, last_read_on text);

    -- every row's first problem, the lowest line first
    SELECT line, field, message INTO v_bad FROM (
        SELECT line, CASE
            WHEN line IS NULL THEN 'line'
            WHEN coalesce(account_no, '') !~ '^[0-9A-Za-z-]{1,16}$' THEN 'account_no'
            WHEN btrim(coalesce(name, '')) = '' OR char_length(name) > 80 THEN 'name'
            WHEN char_length(coalesce(name_pinyin, '')) > 200
                 OR char_length(coalesce(name_initials, '')) > 40 THEN 'name_pinyin'
            WHEN id_number IS NOT NULL AND (id_number !~ '^[0-9]{17}[0-9X]$'
                 OR counter_relief_id_problem(id_number, v_today) IS NOT NULL) THEN 'id_number'
            WHEN mobile IS NOT NULL AND mobile !~ '^1[3-9][0-9]{9}$' THEN 'mobile'
            WHEN landline IS NOT NULL
                 AND landline !~ '^(0[12][0-9]-|0[3-9][0-9]{2}-)?[2-9][0-9]{6,7}$' THEN 'landline'
            WHEN btrim(coalesce(address, '')) = '' OR char_length(address) > 200 THEN 'address'
            WHEN char_length(coalesce(meter_location, '')) > 80 THEN 'meter_location'
            WHEN coalesce(account_type, '') NOT IN ('household', 'bulk', 'collective',
                                                    'nonresidential') THEN 'account_type'
            WHEN households_total IS NOT NULL AND households_total !~ '^[1-9][0-9]{0,5}$'
                THEN 'households_total'
            WHEN NOT EXISTS (SELECT 1 FROM price_categories p WHERE p.code = price_category)
                THEN 'price_category'
            WHEN NOT EXISTS (SELECT 1 FROM areas a WHERE a.code = area_code) THEN 'area_code'
            WHEN char_length(coalesce(book_no, '')) > 16 THEN 'book_no'
            WHEN coalesce(read_cycle_months, '') NOT IN ('1', '2') THEN 'read_cycle_months'
            WHEN btrim(coalesce(meter_no, '')) = '' OR char_length(meter_no) > 32 THEN 'meter_no'
            WHEN coalesce(caliber_mm, '') !~ '^[1-9][0-9]{0,3}$' THEN 'caliber_mm'
            WHEN coalesce(dial_digits, '') !~ '^[4-9]$' THEN 'dial_digits'
            WHEN installed_on IS NOT NULL AND coalesce(counter_text_date(installed_on) > v_today, true) THEN 'installed_on'
            WHEN verified_on IS NOT NULL AND coalesce(counter_text_date(verified_on) > v_today, true) THEN 'verified_on'
            WHEN opened_on IS NOT NULL AND coalesce(counter_text_date(opened_on) > v_today, true)
                THEN 'opened_on'
            WHEN archive_no IS NOT NULL AND (btrim(archive_no) = ''
                 OR char_length(archive_no) > 32) THEN 'archive_no'
            WHEN char_length(coalesce(cabinet_no, '')) > 16 THEN 'cabinet_no'
            WHEN (last_reading IS NULL) <> (last_read_on IS NULL) THEN 'last_read_on'
            WHEN last_reading IS NOT NULL AND (last_reading !~ '^[0-9]{1,9}$'
                 OR last_reading::bigint >= 10::bigint ^ dial_digits::int) THEN 'last_reading'
            WHEN last_read_on IS NOT NULL AND coalesce(counter_text_date(last_read_on) > v_today, true) THEN 'last_read_on'
        END AS field, 'the value is missing, malformed or out of range' AS message
        FROM golive_accounts
    ) p WHERE field IS NOT NULL ORDER BY line NULLS FIRST LIMIT 1;
    IF FOUND THEN
        PERFORM counter_fail('CT400', v_bad.field,
                             format('rows[line %s].%s', v_bad.line, v_bad.field), v_bad.message);
    END IF;

    -- the same key twice in the file: the second line is refused
    SELECT line, field INTO v_bad FROM (
        SELECT line, 'account_no' AS field,
               count(*) OVER (PARTITION BY account_no ORDER BY line) AS n FROM golive_accounts
        UNION ALL
        SELECT line, 'meter_no', count(*) OVER (PARTITION BY meter_no ORDER BY line)
          FROM golive_accounts
        UNION ALL
        SELECT line, 'archive_no', count(*) OVER (PARTITION BY archive_no ORDER BY line)
          FROM golive_accounts WHERE archive_no IS NOT NULL
    ) d WHERE n > 1 ORDER BY line LIMIT 1;
    IF FOUND THEN
        PERFORM counter_fail('CT409', 'duplicate', format('rows[line %s].%s', v_bad.line,
                             v_bad.field), 'the same value is on an earlier line of the file');
    END IF;

    -- already in the database: the same account and meter is skipped; the
    -- account number with another meter, or a meter or archive number of
    -- another account, is refused
    UPDATE golive_accounts t SET present = true
      FROM accounts a JOIN meters m ON m.account_id = a.id
     WHERE a.account_no = t.account_no AND m.meter_no = t.meter_no;
    SELECT line, field INTO v_bad FROM (
        SELECT t.line, 'account_no' AS field FROM golive_accounts t
         WHERE NOT t.present AND EXISTS (SELECT 1 FROM accounts a WHERE a.account_no = t.account_no)
        UNION ALL
        SELECT t.line, 'meter_no' FROM golive_accounts t
         WHERE NOT t.present AND EXISTS (SELECT 1 FROM meters m WHERE m.meter_no = t.meter_no)
        UNION ALL
        SELECT t.line, 'archive_no' FROM golive_accounts t
         WHERE t.archive_no IS NOT NULL AND EXISTS (
               SELECT 1 FROM accounts a WHERE a.archive_no = t.archive_no
                  AND a.account_no <> t.account_no)
    ) d ORDER BY line LIMIT 1;
    IF FOUND THEN
        PERFORM counter_fail('CT409', 'exists', format('rows[line %s].%s', v_bad.line,
                             v_bad.field), CASE v_bad.field
                                 WHEN 'account_no' THEN 'the account is in the database already '
                                                        'with another meter'
                                 ELSE 'already in the database on another account' END);
    END IF;

    WITH a AS (
        INSERT INTO accounts (
            account_no, name, name_pinyin, name_initials, id_number, id_masked, id_tail,
            mobile, mobile_masked, landline, landline_masked, address, meter_location,
            account_type, households_total, price_category, area_code, book_no,
            read_cycle_months, status, prepayment_balance, archive_no, cabinet_no, opened_on,
            version, created_at, updated_at)
        SELECT account_no, btrim(name), coalesce(name_pinyin, ''), coalesce(name_initials, ''),
               id_number, coalesce(counter_mask_value('id_number', id_number), ''),
               coalesce(right(id_number, 6), ''),
               mobile, coalesce(counter_mask_value('mobile', mobile), ''),
               landline, coalesce(counter_mask_value('landline', replace(landline, '-', '')), ''),
               btrim(address), coalesce(meter_location, ''), account_type,
               households_total::int, price_category, area_code, coalesce(book_no, ''),
               read_cycle_months::int, 'active', 0, archive_no, coalesce(cabinet_no, ''),
               opened_on::date, 1, now(), now()
          FROM golive_accounts WHERE NOT present ORDER BY line
        RETURNING id, account_no
    ), m AS (
        INSERT INTO meters (account_id, meter_no, caliber_mm, dial_digits, installed_on,
                            verified_on, active)
        SELECT a.id, t.meter_no, t.caliber_mm::int, t.dial_digits::int, t.installed_on::date,
               t.verified_on::date, true
          FROM a JOIN golive_accounts t ON t.account_no = a.account_no
        RETURNING id, account_id, meter_no
    )
    -- the meter's last reading in the old system: the next reading's start
    -- (no usage of its own, never billed: source 'opening')
    INSERT INTO readings (account_id, meter_id, period, read_on, previous_reading, reading,
                          usage, rolled_over, flags, source, created_at)
    SELECT m.account_id, m.id, to_char(t.last_read_on::date, 'YYYY-MM'), t.last_read_on::date,
           t.last_reading::bigint, t.last_reading::bigint, 0, false, 'opening', 'opening', now()
      FROM m JOIN golive_accounts t ON t.meter_no = m.meter_no
     WHERE t.last_reading IS NOT NULL;

    SELECT count(*), count(*) FILTER (WHERE NOT present),
           count(*) FILTER (WHERE NOT present AND last_reading IS NOT NULL)
      INTO v_rows, v_accounts, v_readings FROM golive_accounts;
    v_summary := jsonb_build_object(
        'file_hash', p_file_hash, 'rows', v_rows, 'accounts', v_accounts, 'meters', v_accounts,
        'readings', v_readings, 'skipped', v_rows - v_accounts);
    INSERT INTO golive_imports (kind, file_hash, file_name, rows_in_file, summary, imported_by,
                                imported_at)
    VALUES ('accounts', p_file_hash, v_name, v_rows, v_summary::text, session_user, now());
    PERFORM counter_audit('batch', 'golive.accounts', 'file', v_name, v_summary);
    DROP TABLE golive_accounts;
    RETURN v_summary || jsonb_build_object('replayed', false, 'written', v_accounts);
END
$$;

-- ----------------------------------------------------------------- balances

-- p_bills: [{line, account_no, period, usage, amount, due_on}]: each an
-- opening bill (one 'opening' line, no reading, the account's category's
-- tariff); p_prepayments: [{line, account_no, amount}]: each an 'opening'
-- ledger row and the account's balance. A bill already there for the
-- account and period (an opening one of the same amount) or an opening
-- prepayment already there (of the same amount) is skipped; anything else
-- there is refused. Returns the file's totals and the database's totals of
-- the opening rows of the file's accounts, side by side.
CREATE FUNCTION counter_import_balances(p_file_hash text, p_file_name text, p_bills jsonb,
                                        p_prepayments jsonb)
    RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_caller text := counter_batch_caller();
    v_name text := left(btrim(coalesce(p_file_name, '')), 200);
    v_month text := to_char((now() AT TIME ZONE 'Asia/Shanghai')::date, 'YYYY-MM');
    v_done golive_imports;
    v_bad record;
    v_summary jsonb;
    v_rows int;
BEGIN
    IF p_file_hash IS NULL OR p_file_hash !~ '^[0-9a-f]{64}$' THEN
        PERFORM counter_fail('CT400', 'file_hash', 'file_hash', 'the SHA-256 of the file, in hex');
    END IF;
    IF v_name = '' THEN
        PERFORM counter_fail('CT400', 'file_name', 'file_name', 'the file''s name');
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('counter_golive_import'));
    SELECT * INTO v_done FROM golive_imports WHERE kind = 'balances' AND file_hash = p_file_hash;
    IF FOUND THEN
        RETURN v_done.summary::jsonb || jsonb_build_object(
            'replayed', true, 'first_imported_at', v_done.imported_at,
            'first_imported_by', v_done.imported_by);
    END IF;
    IF jsonb_typeof(p_bills) IS DISTINCT FROM 'array'
       OR jsonb_typeof(p_prepayments) IS DISTINCT FROM 'array'
       OR jsonb_array_length(p_bills) + jsonb_array_length(p_prepayments) = 0 THEN
        PERFORM counter_fail('CT400', 'rows', 'rows', 'a non-empty list of bills or prepayments');
    END IF;

    CREATE TEMP TABLE golive_bills ON COMMIT DROP AS
    SELECT t.*, a.id AS account_id, a.price_category, NULL::bigint AS tariff_id,
           false AS present
      FROM jsonb_to_recordset(p_bills)
           AS t(line int, account_no text, period text, usage text, amount text, due_on text)
      LEFT JOIN accounts a ON a.account_no = t.account_no;
    CREATE TEMP TABLE golive_prepayments ON COMMIT DROP AS
    SELECT t.*, a.id AS account_id, false AS present
      FROM jsonb_to_recordset(p_prepayments) AS t(line int, account_no text, amount text)
      LEFT JOIN accounts a ON a.account_no = t.account_no;
    UPDATE golive_bills b SET tariff_id = (
        SELECT x.id FROM tariffs x WHERE x.category_code = b.price_category
         ORDER BY (x.effective_from <= (b.period || '-01')::date) DESC, x.effective_from DESC
         LIMIT 1)
     WHERE b.period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$';

    SELECT line, field INTO v_bad FROM (
        SELECT line, CASE
            WHEN line IS NULL THEN 'line'
            WHEN account_id IS NULL THEN 'account_no'
            WHEN coalesce(period, '') !~ '^[0-9]{4}-(0[1-9]|1[0-2])$' OR period > v_month
                THEN 'period'
            WHEN coalesce(usage, '') !~ '^[0-9]{1,9}$' THEN 'usage'
            WHEN coalesce(amount, '') !~ '^[0-9]{1,10}(\.[0-9]{1,2})?$' OR amount::numeric <= 0
                THEN 'amount'
            WHEN counter_text_date(due_on) IS NULL THEN 'due_on'
            WHEN tariff_id IS NULL THEN 'price_category'
        END AS field FROM golive_bills
        UNION ALL
        SELECT line, CASE
            WHEN line IS NULL THEN 'line'
            WHEN account_id IS NULL THEN 'account_no'
            WHEN coalesce(amount, '') !~ '^[0-9]{1,10}(\.[0-9]{1,2})?$' OR amount::numeric <= 0
                THEN 'prepayment'
        END FROM golive_prepayments
    ) p WHERE field IS NOT NULL ORDER BY line NULLS FIRST LIMIT 1;
    IF FOUND THEN
        PERFORM counter_fail(CASE v_bad.field WHEN 'account_no' THEN 'CT404' ELSE 'CT400' END,
                             v_bad.field, format('rows[line %s].%s', v_bad.line, v_bad.field),
                             CASE v_bad.field
                                 WHEN 'account_no' THEN 'no account with this number'
                                 WHEN 'price_category' THEN 'no tariff for the account''s category'
                                 ELSE 'the value is missing, malformed or out of range' END);
    END IF;

    SELECT line, field INTO v_bad FROM (
        SELECT line, 'period' AS field,
               count(*) OVER (PARTITION BY account_id, period ORDER BY line) AS n
          FROM golive_bills
        UNION ALL
        SELECT line, 'prepayment', count(*) OVER (PARTITION BY account_id ORDER BY line)
          FROM golive_prepayments
    ) d WHERE n > 1 ORDER BY line LIMIT 1;
    IF FOUND THEN
        PERFORM counter_fail('CT409', 'duplicate', format('rows[line %s].%s', v_bad.line,
                             v_bad.field), 'the same key is on an earlier line of the file');
    END IF;

    -- what is there already: the same opening row is skipped, anything else refused
    UPDATE golive_bills t SET present = true
      FROM bills b
     WHERE b.account_id = t.account_id AND b.period = t.period AND b.adjusts_bill_id IS NULL
       AND b.amount = t.amount::numeric
       AND EXISTS (SELECT 1 FROM bill_lines l WHERE l.bill_id = b.id AND l.kind = 'opening');
    UPDATE golive_prepayments t SET present = true
      FROM prepayment_ledger l
     WHERE l.account_id = t.account_id AND l.kind = 'opening' AND l.amount = t.amount::numeric;
    SELECT line, field INTO v_bad FROM (
        SELECT t.line, 'period' AS field FROM golive_bills t
         WHERE NOT t.present AND EXISTS (
               SELECT 1 FROM bills b WHERE b.account_id = t.account_id AND b.period = t.period
                  AND b.adjusts_bill_id IS NULL)
        UNION ALL
        SELECT t.line, 'prepayment' FROM golive_prepayments t
         WHERE NOT t.present AND EXISTS (
               SELECT 1 FROM prepayment_ledger l WHERE l.account_id = t.account_id
                  AND l.kind = 'opening')
    ) d ORDER BY line LIMIT 1;
    IF FOUND THEN
        PERFORM counter_fail('CT409', 'exists', format('rows[line %s].%s', v_bad.line,
                             v_bad.field), CASE v_bad.field
                                 WHEN 'period' THEN 'the account is billed for this period already'
                                 ELSE 'the account has another opening prepayment already' END);
    END IF;

    -- the accounts in a fixed order (as every action locks them), then the rows
    PERFORM 1 FROM accounts
     WHERE id IN (SELECT account_id FROM golive_bills UNION SELECT account_id FROM golive_prepayments)
     ORDER BY id FOR UPDATE;
    WITH b AS (
        INSERT INTO bills (account_id, period, reading_id, tariff_id, period_start, period_end,
                           start_reading, end_reading, usage, amount, due_on, created_at)
        SELECT account_id, period, NULL, tariff_id, (period || '-01')::date,
               ((period || '-01')::date + interval '1 month' - interval '1 day')::date,
               0, usage::bigint, usage::bigint, amount::numeric, due_on::date, now()
          FROM golive_bills WHERE NOT present ORDER BY line
        RETURNING id, account_id, period, usage, amount
    )
    INSERT INTO bill_lines (bill_id, line_no, kind, component, tier_no, volume, unit_price,
                            amount, label)
    SELECT id, 1, 'opening', 'opening', NULL, usage, 0, amount, '期初欠费' FROM b;
    INSERT INTO prepayment_ledger (account_id, payment_id, reversal_id, kind, amount,
                                   balance_after, created_at)
    SELECT t.account_id, NULL, NULL, 'opening', t.amount::numeric,
           a.prepayment_balance + t.amount::numeric, now()
      FROM golive_prepayments t JOIN accounts a ON a.id = t.account_id
     WHERE NOT t.present ORDER BY t.line;
    UPDATE accounts a SET prepayment_balance = a.prepayment_balance + t.amount::numeric,
                          version = a.version + 1, updated_at = now()
      FROM golive_prepayments t WHERE t.account_id = a.id AND NOT t.present;

    SELECT count(*) INTO v_rows FROM (SELECT line FROM golive_bills
                                      UNION SELECT line FROM golive_prepayments) r;
    v_summary := jsonb_build_object(
        'file_hash', p_file_hash, 'rows', v_rows,
        'bills_written', (SELECT count(*) FROM golive_bills WHERE NOT present),
        'prepayments_written', (SELECT count(*) FROM golive_prepayments WHERE NOT present),
        'skipped', (SELECT count(*) FROM golive_bills WHERE present)
                   + (SELECT count(*) FROM golive_prepayments WHERE present),
        'file', jsonb_build_object(
            'bills', (SELECT count(*) FROM golive_bills),
            'bills_amount', (SELECT coalesce(sum(amount::numeric), 0) FROM golive_bills),
            'prepayment', (SELECT coalesce(sum(amount::numeric), 0) FROM golive_prepayments)),
        'database', jsonb_build_object(
            'bills', (SELECT count(*) FROM golive_bills t JOIN bills b
                        ON b.account_id = t.account_id AND b.period = t.period
                       AND b.adjusts_bill_id IS NULL
                      JOIN bill_lines l ON l.bill_id = b.id AND l.kind = 'opening'),
            'bills_amount', (SELECT coalesce(sum(b.amount), 0) FROM golive_bills t JOIN bills b
                               ON b.account_id = t.account_id AND b.period = t.period
                              AND b.adjusts_bill_id IS NULL
                             JOIN bill_lines l ON l.bill_id = b.id AND l.kind = 'opening'),
            'prepayment', (SELECT coalesce(sum(l.amount), 0) FROM prepayment_ledger l
                            WHERE l.kind = 'opening' AND l.account_id IN (
                                  SELECT account_id FROM golive_prepayments))));
    INSERT INTO golive_imports (kind, file_hash, file_name, rows_in_file, summary, imported_by,
                                imported_at)
    VALUES ('balances', p_file_hash, v_name, v_rows, v_summary::text, session_user, now());
    PERFORM counter_audit('batch', 'golive.balances', 'file', v_name, v_summary);
    DROP TABLE golive_bills;
    DROP TABLE golive_prepayments;
    RETURN v_summary || jsonb_build_object('replayed', false);
END
$$;

-- ---------------------------------------------------------------- privileges

REVOKE ALL ON FUNCTION counter_text_date(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_import_accounts(text, text, jsonb) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_import_balances(text, text, jsonb, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION counter_import_accounts(text, text, jsonb) TO counter_batch;
GRANT EXECUTE ON FUNCTION counter_import_balances(text, text, jsonb, jsonb) TO counter_batch;
-- the client's checks before it sends a file: known files, areas, archive numbers
GRANT SELECT ON golive_imports, areas TO counter_batch;
GRANT SELECT (archive_no) ON accounts TO counter_batch;
