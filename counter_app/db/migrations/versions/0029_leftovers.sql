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
-- copy them all, as often as it liked. Now the full numbers leave the
-- database as a supervisor's reveal does (0015): step 1,
-- counter_request_withholding_numbers, writes the audit row
-- (withholding.numbers: bank, period, batch number, which agreements) and a
-- one-time token, sent in autocommit; step 2, counter_withholding_numbers,
-- hands out the numbers of exactly those agreements, once, within two
-- minutes, to the login that asked, and only if the request (with its audit
-- row) is committed: a BEGIN ... ROLLBACK around both gets nothing.
-- counter_withholding_due itself now lists the masks only.
CREATE TABLE withholding_number_requests (
    token uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    login text NOT NULL,
    bank_code varchar(16) NOT NULL REFERENCES withholding_banks (code),
    period char(7) NOT NULL,
    agreement_ids bigint[] NOT NULL,
    audit_id bigint NOT NULL REFERENCES audit_events (id),
    requested_at timestamptz NOT NULL,
    used_at timestamptz
);
REVOKE ALL ON withholding_number_requests FROM PUBLIC;

CREATE OR REPLACE FUNCTION counter_withholding_due(p_bank text, p_period text) RETURNS jsonb
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_caller text := counter_batch_caller();
    v_bank withholding_banks;
BEGIN
    IF p_period IS NULL OR p_period !~ '^[0-9]{4}-(0[1-9]|1[0-2])$' THEN
        PERFORM counter_fail('CT400', 'period', 'period', 'a period is YYYY-MM');
    END IF;
    SELECT * INTO v_bank FROM withholding_banks WHERE code = p_bank AND active;
    IF NOT FOUND THEN
        PERFORM counter_fail('CT404', 'bank', 'bank', format('no bank %s', p_bank));
    END IF;
    RETURN jsonb_build_object(
        'bank_code', v_bank.code, 'bank_name', v_bank.name, 'layout', v_bank.layout,
        'period', p_period, 'batch_no', counter_withholding_next_batch_no(p_bank, p_period),
        'items', coalesce((
            SELECT jsonb_agg(jsonb_build_object(
                       'account_id', d.account_id, 'account_no', d.account_no,
                       'agreement_id', d.agreement_id,
                       'bank_account_masked', g.bank_account_masked,
                       'holder_name', d.holder_name, 'amount', d.owed)
                   ORDER BY d.account_no)
            FROM counter_withholding_due_rows(p_bank, p_period) d
            JOIN withholding_agreements g ON g.id = d.agreement_id), '[]'::jsonb));
END
$$;

-- Step 1 (sent in autocommit): the audit row and a one-time token for the
-- full numbers of what counter_withholding_due lists now.
CREATE FUNCTION counter_request_withholding_numbers(p_bank text, p_period text) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_caller text := counter_batch_caller();
    v_ids bigint[];
    v_batch_no text;
    v_audit bigint;
    v_token uuid;
BEGIN
    IF p_period IS NULL OR p_period !~ '^[0-9]{4}-(0[1-9]|1[0-2])$' THEN
        PERFORM counter_fail('CT400', 'period', 'period', 'a period is YYYY-MM');
    END IF;
    IF NOT EXISTS (SELECT 1 FROM withholding_banks WHERE code = p_bank AND active) THEN
        PERFORM counter_fail('CT404', 'bank', 'bank', format('no bank %s', p_bank));
    END IF;
    SELECT coalesce(array_agg(d.agreement_id ORDER BY d.agreement_id), '{}')
      INTO v_ids FROM counter_withholding_due_rows(p_bank, p_period) d;
    IF cardinality(v_ids) = 0 THEN
        PERFORM counter_fail('CT404', 'nothing_due', 'period',
                             format('nothing to withhold at %s up to %s', p_bank, p_period));
    END IF;
    v_batch_no := counter_withholding_next_batch_no(p_bank, p_period);
    v_audit := counter_audit('batch', 'withholding.numbers', 'withholding_bank', p_bank,
                             jsonb_build_object('period', p_period, 'batch_no', v_batch_no,
                                                'count', cardinality(v_ids),
                                                'agreements', to_jsonb(v_ids)));
    INSERT INTO withholding_number_requests (login, bank_code, period, agreement_ids, audit_id,
                                             requested_at)
    VALUES (session_user, p_bank, p_period, v_ids, v_audit, clock_timestamp())
    RETURNING token INTO v_token;
    RETURN jsonb_build_object('token', v_token, 'audit_id', v_audit, 'count', cardinality(v_ids));
END
$$;

-- Step 2: the numbers {agreement id: full number} of the request's
-- agreements, once, for the login that asked, within two minutes, and only
-- if the request is committed (as counter_reveal_value, 0015).
CREATE FUNCTION counter_withholding_numbers(p_token uuid) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_caller text := counter_batch_caller();
    v_req withholding_number_requests;
    v_xmin bigint;
    v_now bigint;
    v_xid bigint;
BEGIN
    SELECT * INTO v_req FROM withholding_number_requests WHERE token = p_token FOR UPDATE;
    IF NOT FOUND OR v_req.login IS DISTINCT FROM session_user THEN
        PERFORM counter_fail('CT404', 'no_request', 'token', 'no such request of yours');
    END IF;
    IF v_req.used_at IS NOT NULL THEN
        PERFORM counter_fail('CT409', 'used', 'token', 'this request was used');
    END IF;
    IF clock_timestamp() - v_req.requested_at > interval '2 minutes' THEN
        PERFORM counter_fail('CT409', 'expired', 'token', 'this request expired');
    END IF;
    -- the request's 64-bit transaction id from its xmin (see 0015)
    SELECT xmin::text::bigint INTO v_xmin FROM withholding_number_requests WHERE token = p_token;
    v_now := pg_current_xact_id()::text::bigint;
    v_xid := v_now + ((v_xmin - v_now % 4294967296 + 6442450944) % 4294967296 - 2147483648);
    IF pg_xact_status(v_xid::text::xid8) IS DISTINCT FROM 'committed' THEN
        PERFORM counter_fail('CT409', 'uncommitted', 'token', 'the request must be committed first');
    END IF;
    UPDATE withholding_number_requests SET used_at = clock_timestamp() WHERE token = p_token;
    RETURN jsonb_build_object('numbers', coalesce((
        SELECT jsonb_object_agg(g.id::text, g.bank_account)
        FROM withholding_agreements g
        WHERE g.id = ANY (v_req.agreement_ids) AND g.status = 'active'), '{}'::jsonb));
END
$$;

REVOKE ALL ON FUNCTION counter_request_withholding_numbers(text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_withholding_numbers(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION counter_request_withholding_numbers(text, text) TO counter_batch;
GRANT EXECUTE ON FUNCTION counter_withholding_numbers(uuid) TO counter_batch;
