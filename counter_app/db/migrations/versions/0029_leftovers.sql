-- Leftovers of the server-side actions (migration 0029): the database is the
-- last line of defence, so each point below assumes a login used from psql
-- by someone who wants to steal or hide money.

-- ------------------------------------------------ locks no login can hold
--
-- The actions serialised billing, the imports, the complaint tickets, the
-- archive numbers, the withholding files and a clerk's till on advisory
-- locks with fixed or guessable keys. pg_advisory_lock() is EXECUTE for
-- PUBLIC: any login could take such a key from psql and hold it for the
-- life of its session (billing or an import then waits for ever). A row of
-- counter_locks locked FOR UPDATE cannot be taken that way: FOR UPDATE /
-- FOR SHARE need UPDATE on the table, LOCK TABLE needs a privilege, and no
-- group role holds any privilege on it; only the definer's actions (run as
-- counter_owner) lock its rows, and only for their own transaction.
-- The rows are made on first use (one per name and key: a period, a bank,
-- a shift, a clerk), never deleted (a waiter must find the row it waits on).
CREATE TABLE counter_locks (
    name text NOT NULL,
    key text NOT NULL DEFAULT '',
    CONSTRAINT pk_counter_locks PRIMARY KEY (name, key)
);
REVOKE ALL ON counter_locks FROM PUBLIC;

-- Take the lock (name, key) until the end of the transaction; p_shared: the
-- shared mode (FOR SHARE; several holders, none while one holds it FOR
-- UPDATE). Internal: only the definer's actions call it.
CREATE FUNCTION counter_lock(p_name text, p_key text DEFAULT '', p_shared boolean DEFAULT false)
    RETURNS void
    LANGUAGE plpgsql
    SET search_path = public, pg_temp
AS $$
BEGIN
    -- a second inserter of the same new row waits here for the first's end
    INSERT INTO counter_locks (name, key) VALUES (p_name, coalesce(p_key, ''))
        ON CONFLICT DO NOTHING;
    IF p_shared THEN
        PERFORM 1 FROM counter_locks WHERE name = p_name AND key = coalesce(p_key, '') FOR SHARE;
    ELSE
        PERFORM 1 FROM counter_locks WHERE name = p_name AND key = coalesce(p_key, '') FOR UPDATE;
    END IF;
END
$$;
REVOKE ALL ON FUNCTION counter_lock(text, text, boolean) FROM PUBLIC;

INSERT INTO counter_locks (name) VALUES
    ('complaint_ticket'), ('complaint_departments'), ('import_readings'),
    ('assign_archive_numbers'), ('golive_import');

-- The actions themselves are 0028's bodies with the advisory lock replaced
-- by counter_lock(): 0029_leftovers.py writes them (LOCKS there), so the
-- rest of each body stays exactly as reviewed.

-- ----------------------------------------- full bank account numbers, audited
--
-- counter_withholding_due gave the batch login every full bank account
-- number of a bank without a trace: a batch password used from psql could
-- copy them all, as often as it liked. The request file needs them, so the
-- batch still gets them, but each call is audited (withholding.numbers: the
-- bank, period, batch number, how many and which agreements), like a
-- supervisor's reveal. EXECUTE stays the batch's alone (a clerk's or a
-- supervisor's screen shows the agreement's mask: counter_withholding_screen).
-- VOLATILE now: it writes the audit row (the client no longer retries it).
CREATE OR REPLACE FUNCTION counter_withholding_due(p_bank text, p_period text) RETURNS jsonb
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_caller text := counter_batch_caller();
    v_bank withholding_banks;
    v_batch_no text;
    v_items jsonb;
BEGIN
    IF p_period IS NULL OR p_period !~ '^[0-9]{4}-(0[1-9]|1[0-2])$' THEN
        PERFORM counter_fail('CT400', 'period', 'period', 'a period is YYYY-MM');
    END IF;
    SELECT * INTO v_bank FROM withholding_banks WHERE code = p_bank AND active;
    IF NOT FOUND THEN
        PERFORM counter_fail('CT404', 'bank', 'bank', format('no bank %s', p_bank));
    END IF;
    v_batch_no := counter_withholding_next_batch_no(p_bank, p_period);
    v_items := coalesce((
        SELECT jsonb_agg(jsonb_build_object(
                   'account_id', d.account_id, 'account_no', d.account_no,
                   'agreement_id', d.agreement_id, 'bank_account', d.bank_account,
                   'holder_name', d.holder_name, 'amount', d.owed)
               ORDER BY d.account_no)
        FROM counter_withholding_due_rows(p_bank, p_period) d), '[]'::jsonb);
    PERFORM counter_audit('batch', 'withholding.numbers', 'withholding_bank', p_bank,
                          jsonb_build_object(
                              'period', p_period, 'batch_no', v_batch_no,
                              'count', jsonb_array_length(v_items),
                              'agreements', (SELECT coalesce(jsonb_agg(x->'agreement_id'),
                                                             '[]'::jsonb)
                                             FROM jsonb_array_elements(v_items) x)));
    RETURN jsonb_build_object(
        'bank_code', v_bank.code, 'bank_name', v_bank.name, 'layout', v_bank.layout,
        'period', p_period, 'batch_no', v_batch_no, 'items', v_items);
END
$$;
