-- Bank withholding (银行代扣, migration 0023): agreements per account kept at
-- the counter, the banks' file layouts as data, request batches sent to a
-- bank and the results it returns, each success posted once through
-- counter_post_channel_payment (migration 0022) as a payment of channel
-- 'withholding' with the reference '<bank>:<bank reference>'.
--
-- The full bank account number is in withholding_agreements.bank_account,
-- readable by no group role: clerks read withholding_agreements_masked (the
-- masked number and the tail), the batch gets the full number only inside
-- counter_withholding_due (the request file needs it). See docs/withholding.md.

-- ------------------------------------------------------------------- banks

-- One row per bank taking withholding files; ``layout`` describes its
-- request and return files (docs/withholding.md). Written by the DBA only.
CREATE TABLE withholding_banks (
    code varchar(16) NOT NULL,
    name varchar(80) NOT NULL,
    layout jsonb NOT NULL,
    active boolean NOT NULL DEFAULT true,
    CONSTRAINT pk_withholding_banks PRIMARY KEY (code),
    CONSTRAINT ck_withholding_banks_code CHECK (code ~ '^[A-Z0-9]{2,16}$'),
    CONSTRAINT ck_withholding_banks_layout CHECK (
        jsonb_typeof(layout -> 'request') = 'object' AND jsonb_typeof(layout -> 'return') = 'object')
);

INSERT INTO withholding_banks (code, name, layout) VALUES
('ABC', '中国农业银行', $json${
  "request": {
    "format": "fixed", "encoding": "gbk", "amount_unit": "fen",
    "header": [
      {"name": "record", "kind": "literal", "value": "H", "width": 1},
      {"name": "bank_code", "kind": "text", "width": 6},
      {"name": "batch_no", "kind": "text", "width": 20},
      {"name": "created_on", "kind": "date", "width": 8},
      {"name": "count", "kind": "digits", "width": 6},
      {"name": "total", "kind": "amount", "width": 15}
    ],
    "detail": [
      {"name": "record", "kind": "literal", "value": "D", "width": 1},
      {"name": "seq", "kind": "digits", "width": 6},
      {"name": "account_no", "kind": "text", "width": 16},
      {"name": "bank_account", "kind": "text", "width": 32},
      {"name": "holder_name", "kind": "text", "width": 40},
      {"name": "amount", "kind": "amount", "width": 12}
    ],
    "trailer": [
      {"name": "record", "kind": "literal", "value": "T", "width": 1},
      {"name": "count", "kind": "digits", "width": 6},
      {"name": "total", "kind": "amount", "width": 15}
    ]
  },
  "return": {
    "format": "fixed", "encoding": "gbk", "amount_unit": "fen", "success_codes": ["0000"],
    "header": [
      {"name": "record", "kind": "literal", "value": "H", "width": 1},
      {"name": "bank_code", "kind": "text", "width": 6},
      {"name": "batch_no", "kind": "text", "width": 20},
      {"name": "returned_on", "kind": "date", "width": 8}
    ],
    "detail": [
      {"name": "record", "kind": "literal", "value": "D", "width": 1},
      {"name": "seq", "kind": "digits", "width": 6},
      {"name": "account_no", "kind": "text", "width": 16},
      {"name": "amount", "kind": "amount", "width": 12},
      {"name": "result_code", "kind": "text", "width": 4},
      {"name": "reason", "kind": "text", "width": 40},
      {"name": "bank_ref", "kind": "text", "width": 24}
    ],
    "trailer": [
      {"name": "record", "kind": "literal", "value": "T", "width": 1},
      {"name": "count", "kind": "digits", "width": 6},
      {"name": "total", "kind": "amount", "width": 15}
    ]
  }
}$json$::jsonb),
('RCB', '农村商业银行', $json${
  "request": {
    "format": "csv", "encoding": "utf-8", "amount_unit": "yuan", "delimiter": ",",
    "header": [
      {"name": "record", "kind": "literal", "value": "HEAD"},
      {"name": "bank_code", "kind": "text"},
      {"name": "batch_no", "kind": "text"},
      {"name": "created_on", "kind": "date"}
    ],
    "detail": [
      {"name": "seq", "kind": "digits"},
      {"name": "account_no", "kind": "text"},
      {"name": "holder_name", "kind": "text"},
      {"name": "bank_account", "kind": "text"},
      {"name": "amount", "kind": "amount"}
    ],
    "trailer": [
      {"name": "record", "kind": "literal", "value": "TAIL"},
      {"name": "count", "kind": "digits"},
      {"name": "total", "kind": "amount"}
    ]
  },
  "return": {
    "format": "csv", "encoding": "utf-8", "amount_unit": "yuan", "delimiter": ",",
    "success_codes": ["S"],
    "header": [
      {"name": "record", "kind": "literal", "value": "HEAD"},
      {"name": "bank_code", "kind": "text"},
      {"name": "batch_no", "kind": "text"},
      {"name": "returned_on", "kind": "date"}
    ],
    "detail": [
      {"name": "seq", "kind": "digits"},
      {"name": "account_no", "kind": "text"},
      {"name": "amount", "kind": "amount"},
      {"name": "result_code", "kind": "text"},
      {"name": "bank_ref", "kind": "text"},
      {"name": "reason", "kind": "text"}
    ],
    "trailer": [
      {"name": "record", "kind": "literal", "value": "TAIL"},
      {"name": "count", "kind": "digits"},
      {"name": "total", "kind": "amount"}
    ]
  }
}$json$::jsonb);

-- -------------------------------------------------------------- agreements

-- A withholding agreement (代扣协议) of an account: at most one active.
-- bank_account is the full number (no group role reads it); the mask and
-- the tail are what clerks see. The last result is the bank's answer to
-- the last request (written by the import).
CREATE TABLE withholding_agreements (
    id bigint GENERATED BY DEFAULT AS IDENTITY,
    account_id bigint NOT NULL,
    bank_code varchar(16) NOT NULL,
    bank_account varchar(32) NOT NULL,
    bank_account_masked varchar(32) NOT NULL,
    bank_account_tail varchar(4) NOT NULL,
    holder_name varchar(80) NOT NULL,
    signed_on date NOT NULL,
    status varchar(16) NOT NULL DEFAULT 'active',
    cancelled_on date,
    cancel_reason varchar(200),
    signed_by bigint NOT NULL,
    cancelled_by bigint,
    last_result varchar(16),
    last_result_at timestamptz,
    last_amount numeric(12, 2),
    last_reason varchar(80),
    created_at timestamptz NOT NULL,
    version integer NOT NULL DEFAULT 1,
    CONSTRAINT pk_withholding_agreements PRIMARY KEY (id),
    CONSTRAINT fk_withholding_agreements_account_id_accounts FOREIGN KEY (account_id)
        REFERENCES accounts (id),
    CONSTRAINT fk_withholding_agreements_bank_code_withholding_banks FOREIGN KEY (bank_code)
        REFERENCES withholding_banks (code),
    CONSTRAINT fk_withholding_agreements_signed_by_clerks FOREIGN KEY (signed_by)
        REFERENCES clerks (id),
    CONSTRAINT fk_withholding_agreements_cancelled_by_clerks FOREIGN KEY (cancelled_by)
        REFERENCES clerks (id),
    CONSTRAINT ck_withholding_agreements_bank_account CHECK (bank_account ~ '^[0-9]{10,30}$'),
    CONSTRAINT ck_withholding_agreements_tail CHECK (bank_account_tail = right(bank_account, 4)),
    CONSTRAINT ck_withholding_agreements_status CHECK (
        (status = 'active' AND cancelled_on IS NULL AND cancel_reason IS NULL
         AND cancelled_by IS NULL)
        OR (status = 'cancelled' AND cancelled_on IS NOT NULL
            AND btrim(coalesce(cancel_reason, '')) <> '' AND cancelled_by IS NOT NULL)),
    CONSTRAINT ck_withholding_agreements_last_result CHECK (
        last_result IS NULL OR last_result IN ('paid', 'failed'))
);
CREATE INDEX ix_withholding_agreements_account_id ON withholding_agreements (account_id);
CREATE UNIQUE INDEX uq_withholding_agreements_active ON withholding_agreements (account_id)
    WHERE status = 'active';

-- what a clerk reads of an agreement: never the full bank account number
CREATE VIEW withholding_agreements_masked AS
    SELECT id, account_id, bank_code, bank_account_masked, bank_account_tail, holder_name,
           signed_on, status, cancelled_on, cancel_reason, signed_by, cancelled_by,
           last_result, last_result_at, last_amount, last_reason, created_at, version
    FROM withholding_agreements;

-- ---------------------------------------------------------------- batches

-- A request file sent to a bank: what each account owed up to the period.
CREATE TABLE withholding_batches (
    id bigint GENERATED BY DEFAULT AS IDENTITY,
    batch_no varchar(20) NOT NULL,
    bank_code varchar(16) NOT NULL,
    period varchar(7) NOT NULL,
    file_name varchar(200) NOT NULL,
    file_hash char(64) NOT NULL,
    item_count integer NOT NULL,
    total_amount numeric(12, 2) NOT NULL,
    created_by varchar(63) NOT NULL,
    created_at timestamptz NOT NULL,
    CONSTRAINT pk_withholding_batches PRIMARY KEY (id),
    CONSTRAINT uq_withholding_batches_batch_no UNIQUE (batch_no),
    CONSTRAINT uq_withholding_batches_file_hash UNIQUE (file_hash),
    CONSTRAINT fk_withholding_batches_bank_code_withholding_banks FOREIGN KEY (bank_code)
        REFERENCES withholding_banks (code),
    CONSTRAINT ck_withholding_batches_file_hash CHECK (file_hash ~ '^[0-9a-f]{64}$'),
    CONSTRAINT ck_withholding_batches_totals CHECK (item_count > 0 AND total_amount > 0)
);

CREATE TABLE withholding_items (
    batch_id bigint NOT NULL,
    seq integer NOT NULL,
    account_id bigint NOT NULL,
    agreement_id bigint NOT NULL,
    amount numeric(12, 2) NOT NULL,
    CONSTRAINT pk_withholding_items PRIMARY KEY (batch_id, seq),
    CONSTRAINT fk_withholding_items_batch_id_withholding_batches FOREIGN KEY (batch_id)
        REFERENCES withholding_batches (id),
    CONSTRAINT fk_withholding_items_account_id_accounts FOREIGN KEY (account_id)
        REFERENCES accounts (id),
    CONSTRAINT fk_withholding_items_agreement_id_withholding_agreements FOREIGN KEY (agreement_id)
        REFERENCES withholding_agreements (id),
    CONSTRAINT ck_withholding_items_amount CHECK (amount > 0)
);
CREATE INDEX ix_withholding_items_account_id ON withholding_items (account_id);

-- The bank's answer to one item, once: paid (with the payment it posted)
-- or failed (with the bank's reason).
CREATE TABLE withholding_results (
    batch_id bigint NOT NULL,
    seq integer NOT NULL,
    bank_code varchar(16) NOT NULL,
    paid boolean NOT NULL,
    result_code varchar(16) NOT NULL,
    reason varchar(80) NOT NULL,
    bank_ref varchar(40),
    payment_id bigint,
    file_hash char(64) NOT NULL,
    created_at timestamptz NOT NULL,
    CONSTRAINT pk_withholding_results PRIMARY KEY (batch_id, seq),
    CONSTRAINT fk_withholding_results_batch_id_withholding_items FOREIGN KEY (batch_id, seq)
        REFERENCES withholding_items (batch_id, seq),
    CONSTRAINT fk_withholding_results_payment_id_payments FOREIGN KEY (payment_id)
        REFERENCES payments (id),
    CONSTRAINT ck_withholding_results_paid CHECK (
        (paid AND payment_id IS NOT NULL AND btrim(coalesce(bank_ref, '')) <> '')
        OR (NOT paid AND payment_id IS NULL))
);
CREATE UNIQUE INDEX uq_withholding_results_bank_ref ON withholding_results (bank_code, bank_ref)
    WHERE bank_ref IS NOT NULL;

-- The return files imported, by content: the same file twice posts once.
CREATE TABLE withholding_imports (
    file_hash char(64) NOT NULL,
    file_name varchar(200) NOT NULL,
    bank_code varchar(16) NOT NULL,
    batch_id bigint NOT NULL,
    report text NOT NULL,
    imported_by varchar(63) NOT NULL,
    imported_at timestamptz NOT NULL,
    CONSTRAINT pk_withholding_imports PRIMARY KEY (file_hash),
    CONSTRAINT fk_withholding_imports_batch_id_withholding_batches FOREIGN KEY (batch_id)
        REFERENCES withholding_batches (id),
    CONSTRAINT ck_withholding_imports_file_hash CHECK (file_hash ~ '^[0-9a-f]{64}$')
);

-- batches, items, results and imports are append-only, for the owner too
CREATE TRIGGER withholding_batches_append_only BEFORE UPDATE OR DELETE ON withholding_batches
    FOR EACH ROW EXECUTE FUNCTION counter_refuse_change();
CREATE TRIGGER withholding_items_append_only BEFORE UPDATE OR DELETE ON withholding_items
    FOR EACH ROW EXECUTE FUNCTION counter_refuse_change();
CREATE TRIGGER withholding_results_append_only BEFORE UPDATE OR DELETE ON withholding_results
    FOR EACH ROW EXECUTE FUNCTION counter_refuse_change();
CREATE TRIGGER withholding_imports_append_only BEFORE UPDATE OR DELETE ON withholding_imports
    FOR EACH ROW EXECUTE FUNCTION counter_refuse_change();

-- ----------------------------------------------------------------- helpers

-- 6228480012345678901 -> 6228***********8901 (first 4 and last 4 kept)
CREATE FUNCTION counter_mask_bank_account(p_number text) RETURNS text
    LANGUAGE sql IMMUTABLE
    SET search_path = public, pg_temp
AS $$
    SELECT left(p_number, 4) || repeat('*', greatest(length(p_number) - 8, 0))
           || right(p_number, 4)
$$;

-- What an account owes up to p_period (bills of that period and before).
CREATE FUNCTION counter_withholding_owed(p_account_id bigint, p_period text) RETURNS numeric
    LANGUAGE sql STABLE
    SET search_path = public, pg_temp
AS $$
    SELECT coalesce(sum(o.outstanding), 0) FROM counter_open_bills(p_account_id) o
    WHERE o.outstanding > 0 AND o.period <= p_period
$$;

-- The agreement's facts a clerk may see (and print).
CREATE FUNCTION counter_withholding_agreement_facts(p_id bigint) RETURNS jsonb
    LANGUAGE sql STABLE
    SET search_path = public, pg_temp
AS $$
    SELECT jsonb_build_object(
        'id', g.id, 'account_id', g.account_id, 'account_no', a.account_no,
        'account_name', a.name, 'address', a.address,
        'bank_code', g.bank_code, 'bank_name', b.name,
        'bank_account_masked', g.bank_account_masked, 'bank_account_tail', g.bank_account_tail,
        'holder_name', g.holder_name, 'signed_on', g.signed_on, 'status', g.status,
        'cancelled_on', g.cancelled_on, 'cancel_reason', g.cancel_reason,
        'signed_by', s.display_name, 'cancelled_by', c.display_name,
        'last_result', g.last_result, 'last_result_at', g.last_result_at,
        'last_amount', g.last_amount, 'last_reason', g.last_reason, 'version', g.version,
        'utility_name', (SELECT value FROM utility_settings WHERE key = 'utility_name'))
    FROM withholding_agreements g
    JOIN accounts a ON a.id = g.account_id
    JOIN withholding_banks b ON b.code = g.bank_code
    JOIN clerks s ON s.id = g.signed_by
    LEFT JOIN clerks c ON c.id = g.cancelled_by
    WHERE g.id = p_id
$$;

-- ------------------------------------------------------- clerk's actions

-- Sign an agreement at the counter with the customer's papers. The number
-- is kept whole for the bank file; the result carries only its mask.
CREATE FUNCTION counter_sign_withholding(
    p_workstation text, p_account_id bigint, p_bank_code text, p_bank_account text,
    p_holder_name text, p_signed_on date
) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_me clerks := counter_caller('clerk');
    v_number text := regexp_replace(coalesce(p_bank_account, ''), '[\s-]', '', 'g');
    v_holder text := btrim(coalesce(p_holder_name, ''));
    v_today date := (now() AT TIME ZONE 'Asia/Shanghai')::date;
    v_account accounts;
    v_id bigint;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM withholding_banks WHERE code = p_bank_code AND active) THEN
        PERFORM counter_fail('CT404', 'bank', 'bank_code',
                             format('no bank %s takes withholding', p_bank_code));
    END IF;
    IF v_number !~ '^[0-9]{10,30}$' THEN
        PERFORM counter_fail('CT400', 'bank_account', 'bank_account',
                             'a bank account number is 10 to 30 digits');
    END IF;
    IF v_holder = '' OR length(v_holder) > 40 THEN
        PERFORM counter_fail('CT400', 'holder_name', 'holder_name',
                             'the holder''s name, 1 to 40 characters');
    END IF;
    IF p_signed_on IS NULL OR p_signed_on > v_today OR p_signed_on < v_today - 366 THEN
        PERFORM counter_fail('CT400', 'signed_on', 'signed_on',
                             'the signing date is within the last year and not in the future');
    END IF;
    SELECT * INTO v_account FROM accounts WHERE id = p_account_id FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM counter_fail('CT404', 'account', 'account', format('no account %s', p_account_id));
    END IF;
    IF v_account.status <> 'active' THEN
        PERFORM counter_fail('CT409', 'account_status', 'account',
                             format('account %s is %s', v_account.account_no, v_account.status));
    END IF;
    IF EXISTS (SELECT 1 FROM withholding_agreements WHERE account_id = p_account_id
               AND status = 'active') THEN
        PERFORM counter_fail('CT409', 'active_agreement', 'account',
                             'the account has an active agreement: cancel it first');
    END IF;
    INSERT INTO withholding_agreements (account_id, bank_code, bank_account, bank_account_masked,
                                        bank_account_tail, holder_name, signed_on, signed_by,
                                        created_at)
    VALUES (p_account_id, p_bank_code, v_number, counter_mask_bank_account(v_number),
            right(v_number, 4), v_holder, p_signed_on, v_me.id, now())
    RETURNING id INTO v_id;
    PERFORM counter_audit(p_workstation, 'withholding.sign', 'withholding_agreement', v_id::text,
        jsonb_build_object('account', v_account.account_no, 'bank', p_bank_code,
                           'bank_account', counter_mask_bank_account(v_number),
                           'signed_on', p_signed_on));
    RETURN counter_withholding_agreement_facts(v_id);
END
$$;

CREATE FUNCTION counter_cancel_withholding(
    p_workstation text, p_agreement_id bigint, p_version int, p_reason text
) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_me clerks := counter_caller('clerk');
    v_reason text := btrim(coalesce(p_reason, ''));
    v_row withholding_agreements;
BEGIN
    IF v_reason = '' OR length(v_reason) > 200 THEN
        PERFORM counter_fail('CT400', 'reason', 'reason', 'a reason of 1 to 200 characters');
    END IF;
    SELECT account_id INTO v_row.account_id FROM withholding_agreements WHERE id = p_agreement_id;
    IF NOT FOUND THEN
        PERFORM counter_fail('CT404', 'agreement', 'agreement',
                             format('no agreement %s', p_agreement_id));
    END IF;
    PERFORM 1 FROM accounts WHERE id = v_row.account_id FOR UPDATE;
    SELECT * INTO v_row FROM withholding_agreements WHERE id = p_agreement_id FOR UPDATE;
    IF v_row.status <> 'active' THEN
        PERFORM counter_fail('CT409', 'cancelled', 'agreement', 'the agreement is cancelled already');
    END IF;
    IF p_version IS DISTINCT FROM v_row.version THEN
        PERFORM counter_fail('CT409', 'conflict', 'version',
                             'the agreement changed since it was shown');
    END IF;
    UPDATE withholding_agreements
       SET status = 'cancelled', cancelled_on = (now() AT TIME ZONE 'Asia/Shanghai')::date,
           cancel_reason = v_reason, cancelled_by = v_me.id, version = version + 1
     WHERE id = p_agreement_id;
    PERFORM counter_audit(p_workstation, 'withholding.cancel', 'withholding_agreement',
                          p_agreement_id::text, jsonb_build_object('reason', v_reason));
    RETURN counter_withholding_agreement_facts(p_agreement_id);
END
$$;

-- The withholding dialog (and the account view's line): the account, its
-- agreements (masked), its last requests and their results, the banks.
CREATE FUNCTION counter_withholding_screen(p_account_id bigint) RETURNS jsonb
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_me clerks := counter_caller('clerk');
    v_account accounts;
BEGIN
    SELECT * INTO v_account FROM accounts WHERE id = p_account_id;
    IF NOT FOUND THEN
        PERFORM counter_fail('CT404', 'account', 'account', format('no account %s', p_account_id));
    END IF;
    RETURN jsonb_build_object(
        'account_id', v_account.id, 'account_no', v_account.account_no,
        'account_name', v_account.name,
        'agreement', (SELECT counter_withholding_agreement_facts(g.id)
                      FROM withholding_agreements g
                      WHERE g.account_id = p_account_id
                      ORDER BY (g.status = 'active') DESC, g.id DESC LIMIT 1),
        'requests', coalesce((
            SELECT jsonb_agg(x ORDER BY x->>'created_at' DESC) FROM (
                SELECT jsonb_build_object(
                    'batch_no', wb.batch_no, 'bank_code', wb.bank_code, 'period', wb.period,
                    'amount', i.amount, 'created_at', wb.created_at,
                    'result', CASE WHEN r.batch_id IS NULL THEN 'sent'
                                   WHEN r.paid THEN 'paid' ELSE 'failed' END,
                    'reason', r.reason, 'answered_at', r.created_at) AS x
                FROM withholding_items i
                JOIN withholding_batches wb ON wb.id = i.batch_id
                LEFT JOIN withholding_results r ON r.batch_id = i.batch_id AND r.seq = i.seq
                WHERE i.account_id = p_account_id
                ORDER BY wb.created_at DESC LIMIT 12) q), '[]'::jsonb),
        'banks', (SELECT coalesce(jsonb_agg(jsonb_build_object('code', code, 'name', name)
                                            ORDER BY code), '[]'::jsonb)
                  FROM withholding_banks WHERE active));
END
$$;

-- ------------------------------------------------------- batch's actions

-- What a request file of p_bank for p_period holds: each account with an
-- active agreement at that bank, owing something up to the period, not in
-- a request still unanswered; with the full bank account number (the file
-- needs it) and the batch number the file is to carry.
CREATE FUNCTION counter_withholding_due(p_bank text, p_period text) RETURNS jsonb
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
                       'agreement_id', d.agreement_id, 'bank_account', d.bank_account,
                       'holder_name', d.holder_name, 'amount', d.owed)
                   ORDER BY d.account_no)
            FROM counter_withholding_due_rows(p_bank, p_period) d), '[]'::jsonb));
END
$$;

CREATE FUNCTION counter_withholding_due_rows(p_bank text, p_period text)
    RETURNS TABLE (account_id bigint, account_no text, agreement_id bigint, bank_account text,
                   holder_name text, owed numeric)
    LANGUAGE sql STABLE
    SET search_path = public, pg_temp
AS $$
    SELECT g.account_id, a.account_no::text, g.id, g.bank_account::text, g.holder_name::text,
           sum(o.outstanding)
    FROM withholding_agreements g
    JOIN accounts a ON a.id = g.account_id
    CROSS JOIN LATERAL counter_open_bills(g.account_id) o
    WHERE g.bank_code = p_bank AND g.status = 'active'
      AND o.outstanding > 0 AND o.period <= p_period
      AND NOT EXISTS (SELECT 1 FROM withholding_items i
                      WHERE i.account_id = g.account_id
                        AND NOT EXISTS (SELECT 1 FROM withholding_results r
                                        WHERE r.batch_id = i.batch_id AND r.seq = i.seq))
    GROUP BY g.account_id, a.account_no, g.id, g.bank_account, g.holder_name
$$;

-- <bank><YYYYMM><nnn>: the bank's batches of a period, numbered from 001
CREATE FUNCTION counter_withholding_next_batch_no(p_bank text, p_period text) RETURNS text
    LANGUAGE sql STABLE
    SET search_path = public, pg_temp
AS $$
    SELECT p_bank || replace(p_period, '-', '')
           || lpad((count(*) + 1)::text, 3, '0')
    FROM withholding_batches WHERE bank_code = p_bank AND period = p_period
$$;

-- Record a request file: p_items [{seq, account_id, agreement_id, amount}]
-- must be exactly what counter_withholding_due says now (else CT409 stale:
-- a payment or an agreement changed in between), p_batch_no the next
-- number. All or nothing; the client writes the file only afterwards.
CREATE FUNCTION counter_export_withholding(
    p_bank text, p_period text, p_batch_no text, p_file_hash text, p_file_name text,
    p_items jsonb
) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_caller text := counter_batch_caller();
    v_name text := left(btrim(coalesce(p_file_name, '')), 200);
    v_id bigint;
    v_count int;
    v_total numeric;
    v_diff int;
BEGIN
    IF p_period IS NULL OR p_period !~ '^[0-9]{4}-(0[1-9]|1[0-2])$' THEN
        PERFORM counter_fail('CT400', 'period', 'period', 'a period is YYYY-MM');
    END IF;
    IF NOT EXISTS (SELECT 1 FROM withholding_banks WHERE code = p_bank AND active) THEN
        PERFORM counter_fail('CT404', 'bank', 'bank', format('no bank %s', p_bank));
    END IF;
    IF p_file_hash IS NULL OR p_file_hash !~ '^[0-9a-f]{64}$' THEN
        PERFORM counter_fail('CT400', 'file_hash', 'file_hash', 'the SHA-256 of the file, in hex');
    END IF;
    IF v_name = '' THEN
        PERFORM counter_fail('CT400', 'file_name', 'file_name', 'the file''s name');
    END IF;
    IF jsonb_typeof(p_items) IS DISTINCT FROM 'array' OR jsonb_array_length(p_items) = 0 THEN
        PERFORM counter_fail('CT400', 'items', 'items', 'nothing is owed: no request to send');
    END IF;
    -- one export of a bank at a time; the accounts' rows before their bills
    PERFORM pg_advisory_xact_lock(hashtext('counter_export_withholding'), hashtext(p_bank));
    PERFORM 1 FROM accounts WHERE id IN (SELECT (x->>'account_id')::bigint
                                         FROM jsonb_array_elements(p_items) x)
     ORDER BY id FOR UPDATE;
    IF p_batch_no IS DISTINCT FROM counter_withholding_next_batch_no(p_bank, p_period) THEN
        PERFORM counter_fail('CT409', 'stale', 'batch_no',
                             format('the next batch of %s is %s', p_bank,
                                    counter_withholding_next_batch_no(p_bank, p_period)));
    END IF;
    WITH due AS MATERIALIZED (
             SELECT d.account_id, d.agreement_id, d.owed
             FROM counter_withholding_due_rows(p_bank, p_period) d),
         sent AS MATERIALIZED (
             SELECT (x->>'account_id')::bigint AS account_id,
                    (x->>'agreement_id')::bigint AS agreement_id, (x->>'amount')::numeric AS owed
             FROM jsonb_array_elements(p_items) x)
    SELECT count(*) INTO v_diff FROM (
        (SELECT * FROM sent EXCEPT SELECT * FROM due)
        UNION ALL (SELECT * FROM due EXCEPT SELECT * FROM sent)) q;
    IF v_diff > 0 OR (SELECT count(DISTINCT (x->>'seq')::int) FROM jsonb_array_elements(p_items) x)
                     <> jsonb_array_length(p_items) THEN
        PERFORM counter_fail('CT409', 'stale', 'items',
                             'what is owed changed since it was read: export again');
    END IF;
    SELECT count(*), sum((x->>'amount')::numeric) INTO v_count, v_total
      FROM jsonb_array_elements(p_items) x;
    INSERT INTO withholding_batches (batch_no, bank_code, period, file_name, file_hash,
                                     item_count, total_amount, created_by, created_at)
    VALUES (p_batch_no, p_bank, p_period, v_name, p_file_hash, v_count, v_total, session_user,
            now())
    RETURNING id INTO v_id;
    INSERT INTO withholding_items (batch_id, seq, account_id, agreement_id, amount)
    SELECT v_id, (x->>'seq')::int, (x->>'account_id')::bigint, (x->>'agreement_id')::bigint,
           (x->>'amount')::numeric
    FROM jsonb_array_elements(p_items) x;
    PERFORM counter_audit('batch', 'withholding.export', 'withholding_batch', p_batch_no,
        jsonb_build_object('bank', p_bank, 'period', p_period, 'count', v_count,
                           'total', v_total, 'file_hash', p_file_hash));
    RETURN jsonb_build_object('batch_id', v_id, 'batch_no', p_batch_no, 'bank_code', p_bank,
                              'period', p_period, 'count', v_count, 'total', v_total,
                              'file_hash', p_file_hash);
END
$$;

-- The reconciliation of a request batch with its answers.
CREATE FUNCTION counter_withholding_reconciliation(p_batch_id bigint) RETURNS jsonb
    LANGUAGE sql STABLE
    SET search_path = public, pg_temp
AS $$
    SELECT jsonb_build_object(
        'batch_no', b.batch_no, 'bank_code', b.bank_code, 'period', b.period,
        'sent_count', b.item_count, 'sent_amount', b.total_amount,
        'paid_count', count(*) FILTER (WHERE r.paid),
        'paid_amount', coalesce(sum(i.amount) FILTER (WHERE r.paid), 0),
        'failed_count', count(*) FILTER (WHERE NOT r.paid),
        'failed_amount', coalesce(sum(i.amount) FILTER (WHERE NOT r.paid), 0),
        'open_count', count(*) FILTER (WHERE r.batch_id IS NULL),
        'open_amount', coalesce(sum(i.amount) FILTER (WHERE r.batch_id IS NULL), 0))
    FROM withholding_batches b
    JOIN withholding_items i ON i.batch_id = b.id
    LEFT JOIN withholding_results r ON r.batch_id = i.batch_id AND r.seq = i.seq
    WHERE b.id = p_batch_id
    GROUP BY b.id
$$;

-- A bank's return file: p_rows [{line, batch_no, seq, account_no, amount,
-- result_code, reason, bank_ref}], one per item of the request batch it
-- answers (all of them: the answers must add up to the request to the
-- cent). A success posts a payment through counter_post_channel_payment
-- (idempotent per bank reference), a failure records the bank's reason on
-- the agreement. All or nothing; the same file twice posts nothing new.
CREATE FUNCTION counter_import_withholding(
    p_bank text, p_file_hash text, p_file_name text, p_rows jsonb
) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_caller text := counter_batch_caller();
    v_name text := left(btrim(coalesce(p_file_name, '')), 200);
    v_bank withholding_banks;
    v_done withholding_imports;
    v_batch withholding_batches;
    v_item withholding_items;
    v_old withholding_results;
    v_success jsonb;
    x record;
    v_field text;
    v_paid boolean;
    v_ref text;
    v_post jsonb;
    v_posted int := 0;
    v_replayed int := 0;
    v_failed int := 0;
    v_report jsonb;
    v_state text;
    v_code text;
    v_detail text;
    v_hint text;
BEGIN
    SELECT * INTO v_bank FROM withholding_banks WHERE code = p_bank;
    IF NOT FOUND THEN
        PERFORM counter_fail('CT404', 'bank', 'bank', format('no bank %s', p_bank));
    END IF;
    IF p_file_hash IS NULL OR p_file_hash !~ '^[0-9a-f]{64}$' THEN
        PERFORM counter_fail('CT400', 'file_hash', 'file_hash', 'the SHA-256 of the file, in hex');
    END IF;
    IF v_name = '' THEN
        PERFORM counter_fail('CT400', 'file_name', 'file_name', 'the file''s name');
    END IF;
    -- one import of a bank at a time
    PERFORM pg_advisory_xact_lock(hashtext('counter_import_withholding'), hashtext(p_bank));
    SELECT * INTO v_done FROM withholding_imports WHERE file_hash = p_file_hash;
    IF FOUND THEN
        RETURN v_done.report::jsonb || jsonb_build_object(
            'replayed', true, 'posted', 0, 'first_imported_at', v_done.imported_at,
            'first_imported_by', v_done.imported_by,
            'reconciliation', counter_withholding_reconciliation(v_done.batch_id));
    END IF;
    IF jsonb_typeof(p_rows) IS DISTINCT FROM 'array' OR jsonb_array_length(p_rows) = 0 THEN
        PERFORM counter_fail('CT400', 'rows', 'rows', 'a non-empty list of results');
    END IF;
    IF (SELECT count(DISTINCT e->>'batch_no') FROM jsonb_array_elements(p_rows) e) <> 1 THEN
        PERFORM counter_fail('CT400', 'batch_no', 'rows', 'a return file answers one batch');
    END IF;
    SELECT * INTO v_batch FROM withholding_batches
     WHERE batch_no = p_rows->0->>'batch_no';
    IF NOT FOUND THEN
        PERFORM counter_fail('CT404', 'batch', 'batch_no',
                             format('no request batch %s', p_rows->0->>'batch_no'));
    END IF;
    IF v_batch.bank_code <> p_bank THEN
        PERFORM counter_fail('CT400', 'bank', 'batch_no',
                             format('batch %s was sent to %s, not %s', v_batch.batch_no,
                                    v_batch.bank_code, p_bank));
    END IF;
    v_success := coalesce(v_bank.layout -> 'return' -> 'success_codes', '[]'::jsonb);
    BEGIN
        FOR x IN
            SELECT * FROM jsonb_to_recordset(p_rows)
                AS t(line int, seq int, account_no text, amount numeric, result_code text,
                     reason text, bank_ref text)
            ORDER BY seq
        LOOP
            v_field := format('rows[line %s]', x.line);
            SELECT * INTO v_item FROM withholding_items
             WHERE batch_id = v_batch.id AND seq = x.seq;
            IF NOT FOUND OR NOT EXISTS (SELECT 1 FROM accounts a WHERE a.id = v_item.account_id
                                        AND a.account_no = x.account_no) THEN
                PERFORM counter_fail('CT404', 'no_agreement', v_field || '.account_no',
                    format('account %s has no request %s in batch %s (no agreement)',
                           x.account_no, x.seq, v_batch.batch_no));
            END IF;
            PERFORM counter_money(x.amount, v_field || '.amount', false);
            IF x.amount <> v_item.amount THEN
                PERFORM counter_fail('CT409', 'amount', v_field || '.amount',
                                     format('%s was requested, not %s', v_item.amount, x.amount));
            END IF;
            v_paid := v_success ? btrim(coalesce(x.result_code, ''));
            v_ref := nullif(btrim(coalesce(x.bank_ref, '')), '');
            IF v_paid AND v_ref IS NULL THEN
                PERFORM counter_fail('CT400', 'bank_ref', v_field || '.bank_ref',
                                     'a success carries the bank''s reference');
            END IF;
            IF length(v_ref) > 40 OR length(x.result_code) > 16 THEN
                PERFORM counter_fail('CT400', 'format', v_field, 'reference or code too long');
            END IF;
            SELECT * INTO v_old FROM withholding_results
             WHERE batch_id = v_batch.id AND seq = x.seq;
            IF FOUND THEN
                -- answered by an earlier file: the same answer is nothing new
                IF v_old.paid IS DISTINCT FROM v_paid OR v_old.bank_ref IS DISTINCT FROM v_ref THEN
                    PERFORM counter_fail('CT409', 'answered', v_field,
                        format('request %s was answered before with another result', x.seq));
                END IF;
                v_replayed := v_replayed + 1;
                CONTINUE;
            END IF;
            IF v_ref IS NOT NULL AND EXISTS (SELECT 1 FROM withholding_results
                                             WHERE bank_code = p_bank AND bank_ref = v_ref) THEN
                PERFORM counter_fail('CT409', 'reference', v_field || '.bank_ref',
                    format('the bank''s reference %s answered another request before', v_ref));
            END IF;
            IF v_paid THEN
                v_post := counter_post_channel_payment(
                    'withholding', p_bank || ':' || v_ref, v_item.account_id, x.amount, now(),
                    'bank', format('%s %s', v_batch.batch_no, x.seq));
                IF coalesce((v_post->>'replayed')::boolean, false) THEN
                    v_replayed := v_replayed + 1;
                ELSE
                    v_posted := v_posted + 1;
                END IF;
            ELSE
                v_failed := v_failed + 1;
            END IF;
            INSERT INTO withholding_results (batch_id, seq, bank_code, paid, result_code, reason,
                                             bank_ref, payment_id, file_hash, created_at)
            VALUES (v_batch.id, x.seq, p_bank, v_paid, btrim(coalesce(x.result_code, '')),
                    left(btrim(coalesce(x.reason, '')), 80), v_ref,
                    CASE WHEN v_paid THEN (v_post->>'payment_id')::bigint END, p_file_hash,
                    now());
            UPDATE withholding_agreements
               SET last_result = CASE WHEN v_paid THEN 'paid' ELSE 'failed' END,
                   last_result_at = now(), last_amount = x.amount,
                   last_reason = left(btrim(coalesce(x.reason, '')), 80)
             WHERE id = v_item.agreement_id;
        END LOOP;
    EXCEPTION
        WHEN invalid_text_representation OR numeric_value_out_of_range
             OR string_data_right_truncation OR unique_violation THEN
            PERFORM counter_fail('CT400', 'format', coalesce(v_field, 'rows'), SQLERRM);
        WHEN SQLSTATE 'CT400' OR SQLSTATE 'CT404' OR SQLSTATE 'CT409' THEN
            -- a refusal of the posting (counter_post_channel_payment) names
            -- its argument: say which line of the file it was
            GET STACKED DIAGNOSTICS v_state = RETURNED_SQLSTATE, v_code = MESSAGE_TEXT,
                                    v_detail = PG_EXCEPTION_DETAIL, v_hint = PG_EXCEPTION_HINT;
            IF v_detail NOT LIKE 'rows%' AND v_detail NOT IN ('batch_no', 'bank') THEN
                v_detail := coalesce(v_field, 'rows') || '.' || v_detail;
            END IF;
            PERFORM counter_fail(v_state, v_code, v_detail, v_hint);
    END;
    v_report := counter_withholding_reconciliation(v_batch.id);
    IF (v_report->>'open_count')::int > 0 THEN
        PERFORM counter_fail('CT409', 'unreconciled', 'rows',
            format('the file answers %s of the %s requests of batch %s: the bank''s answers '
                   'must cover the request to the cent',
                   (v_report->>'sent_count')::int - (v_report->>'open_count')::int,
                   v_report->>'sent_count', v_batch.batch_no));
    END IF;
    v_report := jsonb_build_object('batch_no', v_batch.batch_no, 'bank_code', p_bank,
                                   'posted', v_posted, 'failed', v_failed,
                                   'already_posted', v_replayed, 'file_hash', p_file_hash);
    INSERT INTO withholding_imports (file_hash, file_name, bank_code, batch_id, report,
                                     imported_by, imported_at)
    VALUES (p_file_hash, v_name, p_bank, v_batch.id, v_report::text, session_user, now());
    PERFORM counter_audit('batch', 'withholding.import', 'withholding_batch', v_batch.batch_no,
                          v_report);
    RETURN v_report || jsonb_build_object(
        'replayed', false, 'reconciliation', counter_withholding_reconciliation(v_batch.id));
END
$$;

-- -------------------------------------------------------------- privileges

REVOKE ALL ON withholding_banks, withholding_agreements, withholding_agreements_masked,
    withholding_batches, withholding_items, withholding_results, withholding_imports FROM PUBLIC;
GRANT SELECT (code, name, active) ON withholding_banks TO counter_clerk;
GRANT SELECT ON withholding_agreements_masked TO counter_clerk;
GRANT SELECT ON withholding_batches, withholding_items, withholding_results TO counter_clerk;
GRANT SELECT ON withholding_banks, withholding_batches, withholding_items, withholding_results,
    withholding_imports TO counter_batch;
GRANT SELECT ON withholding_agreements_masked TO counter_batch;

REVOKE ALL ON FUNCTION counter_mask_bank_account(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_withholding_owed(bigint, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_withholding_agreement_facts(bigint) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_withholding_due_rows(text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_withholding_next_batch_no(text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_withholding_reconciliation(bigint) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_sign_withholding(text, bigint, text, text, text, date) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_cancel_withholding(text, bigint, int, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_withholding_screen(bigint) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_withholding_due(text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_export_withholding(text, text, text, text, text, jsonb)
    FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_import_withholding(text, text, text, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION counter_sign_withholding(text, bigint, text, text, text, date)
    TO counter_clerk;
GRANT EXECUTE ON FUNCTION counter_cancel_withholding(text, bigint, int, text) TO counter_clerk;
GRANT EXECUTE ON FUNCTION counter_withholding_screen(bigint) TO counter_clerk;
GRANT EXECUTE ON FUNCTION counter_withholding_due(text, text) TO counter_batch;
GRANT EXECUTE ON FUNCTION counter_export_withholding(text, text, text, text, text, jsonb)
    TO counter_batch;
GRANT EXECUTE ON FUNCTION counter_import_withholding(text, text, text, jsonb) TO counter_batch;
