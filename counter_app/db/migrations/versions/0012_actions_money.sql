-- The money as server-side actions (migration 0012): posting a payment, its
-- lookup after an unknown outcome, reversal, reprint, opening and closing a
-- till; the books' invariants as deferred constraint triggers and as
-- counter_books_check(). See docs/architecture.md, "Server-side actions".
--
-- Locks, always in this order: the client UUID (advisory, class 7302), the
-- account row, the shift (advisory, class 7301: shared to post, exclusive to
-- close), the receipt series row last.

-- What each bill of an account still owes: its amount less the allocations
-- of payments not reversed; oldest period first.
CREATE FUNCTION counter_open_bills(p_account_id bigint)
    RETURNS TABLE (bill_id bigint, period text, usage bigint, amount numeric, outstanding numeric,
                   due_on date)
    LANGUAGE sql STABLE
    SET search_path = public, pg_temp
AS $$
    SELECT b.id, b.period::text, b.usage, b.amount,
           b.amount - coalesce((SELECT sum(a.amount) FROM allocations a
                                WHERE a.bill_id = b.id
                                  AND NOT EXISTS (SELECT 1 FROM payment_reversals r
                                                  WHERE r.payment_id = a.payment_id)), 0),
           b.due_on
    FROM bills b
    WHERE b.account_id = p_account_id
    ORDER BY b.period, b.id
$$;

-- Everything the client shows and prints about one payment (the post's own
-- result, the lookup's and the reprint's): the client never reads it back.
CREATE FUNCTION counter_payment_facts(p_payment_id bigint, p_replayed boolean)
    RETURNS jsonb
    LANGUAGE sql STABLE
    SET search_path = public, pg_temp
AS $$
    SELECT jsonb_build_object(
        'payment_id', p.id, 'client_uuid', p.client_uuid, 'series_code', p.series_code,
        'receipt_no', p.receipt_no, 'receipt_label', s.prefix || lpad(p.receipt_no::text, 8, '0'),
        'account_id', p.account_id, 'account_no', acc.account_no, 'customer_name', acc.name,
        'address', acc.address, 'amount', p.amount, 'paid_at', p.created_at,
        'shift_id', p.shift_id, 'clerk_name', c.display_name, 'hall_name', h.name,
        'utility_name', (SELECT value FROM utility_settings WHERE key = 'utility_name'),
        'utility_hotline', (SELECT value FROM utility_settings WHERE key = 'utility_hotline'),
        'replayed', p_replayed,
        'allocations', coalesce((
            SELECT jsonb_agg(jsonb_build_object('bill_id', b.id, 'period', b.period,
                                                'usage', b.usage, 'amount', a.amount)
                             ORDER BY b.period, b.id)
            FROM allocations a JOIN bills b ON b.id = a.bill_id WHERE a.payment_id = p.id),
            '[]'::jsonb),
        'tenders', coalesce((
            SELECT jsonb_agg(jsonb_build_object('tender', t.tender, 'amount', t.amount,
                                                'received', t.received, 'change', t.change_given,
                                                'reference', t.reference) ORDER BY t.line_no)
            FROM payment_tenders t WHERE t.payment_id = p.id), '[]'::jsonb),
        'change', (SELECT coalesce(sum(t.change_given), 0) FROM payment_tenders t
                   WHERE t.payment_id = p.id),
        'deposit', (SELECT coalesce(sum(l.amount), 0) FROM prepayment_ledger l
                    WHERE l.payment_id = p.id AND l.kind = 'deposit'),
        'prepayment_used', (SELECT coalesce(-sum(l.amount), 0) FROM prepayment_ledger l
                            WHERE l.payment_id = p.id AND l.kind = 'use'),
        'balance_after', coalesce(
            (SELECT l.balance_after FROM prepayment_ledger l WHERE l.payment_id = p.id
             ORDER BY l.id DESC LIMIT 1),
            (SELECT l.balance_after FROM prepayment_ledger l
             WHERE l.account_id = p.account_id AND l.created_at <= p.created_at
             ORDER BY l.created_at DESC, l.id DESC LIMIT 1), 0),
        'reversal', (
            SELECT jsonb_build_object('reversal_id', r.id, 'reversed_at', r.created_at,
                                      'reason', r.reason, 'clerk_name', rc.display_name,
                                      'supervisor_name', rs.display_name)
            FROM payment_reversals r JOIN clerks rc ON rc.id = r.clerk_id
            JOIN clerks rs ON rs.id = r.supervisor_id WHERE r.payment_id = p.id))
    FROM payments p
    JOIN receipt_series s ON s.code = p.series_code
    JOIN halls h ON h.code = s.hall_code
    JOIN accounts acc ON acc.id = p.account_id
    JOIN clerks c ON c.id = p.clerk_id
    WHERE p.id = p_payment_id
$$;

-- The canonical content of a submission: a retry with the same client UUID
-- must carry the same content (else CT409 uuid_conflict).
CREATE FUNCTION counter_payment_hash(
    p_account_id bigint, p_shift_id bigint, p_to_bills numeric, p_bill_ids bigint[],
    p_tenders jsonb
) RETURNS text
    LANGUAGE sql IMMUTABLE
    SET search_path = public, pg_temp
AS $$
    SELECT encode(sha256(convert_to(jsonb_build_object(
        'account', p_account_id, 'shift', p_shift_id, 'to_bills', round(p_to_bills, 2)::text,
        'bills', (SELECT coalesce(jsonb_agg(b ORDER BY b), '[]'::jsonb)
                  FROM unnest(p_bill_ids) AS b),
        'tenders', (SELECT coalesce(jsonb_agg(jsonb_build_array(
                        t->>'tender', round((t->>'amount')::numeric, 2)::text,
                        CASE WHEN t->>'received' IS NULL THEN NULL
                             ELSE round((t->>'received')::numeric, 2)::text END,
                        btrim(coalesce(t->>'reference', ''))) ORDER BY n), '[]'::jsonb)
                    FROM jsonb_array_elements(p_tenders) WITH ORDINALITY AS x(t, n))
    )::text, 'UTF8')), 'hex')
$$;

-- The shift may take money: it exists, is the caller's own (or, for a
-- supervisor's reversal, of the caller's hall) and is not closed. The
-- advisory lock serialises closing against posting.
CREATE FUNCTION counter_open_shift_of(p_me clerks, p_shift_id bigint, p_own boolean,
                                      p_exclusive boolean)
    RETURNS shifts
    LANGUAGE plpgsql
    SET search_path = public, pg_temp
AS $$
DECLARE
    v shifts;
BEGIN
    IF p_exclusive THEN
        PERFORM pg_advisory_xact_lock(7301, p_shift_id::int);
    ELSE
        PERFORM pg_advisory_xact_lock_shared(7301, p_shift_id::int);
    END IF;
    SELECT * INTO v FROM shifts WHERE id = p_shift_id;
    IF NOT FOUND THEN
        PERFORM counter_fail('CT404', 'shift', 'shift', format('no shift %s', p_shift_id));
    END IF;
    IF (p_own AND v.clerk_id <> p_me.id) OR v.hall_code <> p_me.hall_code THEN
        PERFORM counter_fail('CT403', 'shift', 'shift',
                             format('shift %s belongs to another clerk', p_shift_id));
    END IF;
    IF EXISTS (SELECT 1 FROM shift_closes WHERE shift_id = p_shift_id) THEN
        PERFORM counter_fail('CT423', 'shift', 'shift', format('shift %s is closed', p_shift_id));
    END IF;
    RETURN v;
END
$$;

CREATE FUNCTION counter_post_payment(
    p_workstation text, p_client_uuid text, p_account_id bigint, p_shift_id bigint,
    p_series_code text, p_to_bills numeric, p_bill_ids bigint[], p_expected_owed numeric,
    p_tenders jsonb
) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_me clerks := counter_caller('clerk');
    v_to_bills numeric := counter_money(p_to_bills, 'to_bills');
    v_hash text;
    v_account accounts;
    v_existing payments;
    v_owed numeric := 0;
    v_chosen int := 0;
    v_funds numeric := 0;
    v_used numeric := 0;
    v_deposit numeric;
    v_balance numeric;
    v_left numeric;
    v_part numeric;
    v_series text;
    v_no bigint;
    v_payment bigint;
    v_line int := 0;
    v_kind text;
    v_amount numeric;
    v_received numeric;
    v_reference text;
    t jsonb;
    b record;
BEGIN
    IF p_client_uuid IS NULL OR p_client_uuid !~ '^[0-9a-fA-F-]{32,36}$' THEN
        PERFORM counter_fail('CT400', 'uuid', 'client_uuid', 'a client UUID is required');
    END IF;
    IF p_tenders IS NULL OR jsonb_typeof(p_tenders) <> 'array' OR jsonb_array_length(p_tenders) = 0
    THEN
        PERFORM counter_fail('CT400', 'no_tender', 'tenders', 'choose at least one tender');
    END IF;
    v_hash := counter_payment_hash(p_account_id, p_shift_id, v_to_bills,
                                   coalesce(p_bill_ids, '{}'), p_tenders);

    -- a retry of the same submission (on any account) waits for the first
    PERFORM pg_advisory_xact_lock(7302, hashtext(p_client_uuid));
    SELECT * INTO v_account FROM accounts WHERE id = p_account_id FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM counter_fail('CT404', 'account', 'account', format('no account %s', p_account_id));
    END IF;
    SELECT * INTO v_existing FROM payments WHERE client_uuid = p_client_uuid;
    IF FOUND THEN
        IF v_existing.content_hash <> v_hash THEN
            PERFORM counter_fail('CT409', 'uuid_conflict', 'client_uuid',
                format('submission %s was already used for a different payment', p_client_uuid));
        END IF;
        RETURN counter_payment_facts(v_existing.id, true);
    END IF;
    PERFORM counter_open_shift_of(v_me, p_shift_id, true, false);

    -- the tenders, checked one by one
    FOR t IN SELECT value FROM jsonb_array_elements(p_tenders) LOOP
        v_kind := t->>'tender';
        IF v_kind IS NULL OR v_kind NOT IN ('cash', 'wechat', 'alipay', 'card', 'prepayment') THEN
            PERFORM counter_fail('CT400', 'tender', 'tenders', format('unknown tender %s', v_kind));
        END IF;
        v_amount := counter_money((t->>'amount')::numeric, 'tender.' || v_kind, false);
        v_received := (t->>'received')::numeric;
        IF v_received IS NOT NULL THEN
            PERFORM counter_money(v_received, 'tender.' || v_kind);
            IF v_kind <> 'cash' THEN
                PERFORM counter_fail('CT400', 'received', 'tender.' || v_kind,
                                     'only cash has an amount received');
            ELSIF v_received < v_amount THEN
                PERFORM counter_fail('CT400', 'received_short', 'tender.' || v_kind,
                                     'cash received is less than the amount');
            END IF;
        END IF;
        v_reference := btrim(coalesce(t->>'reference', ''));
        IF v_kind IN ('card', 'wechat', 'alipay') AND v_reference = '' THEN
            PERFORM counter_fail('CT400', 'reference', 'tender.' || v_kind,
                                 'the transaction reference is required');
        END IF;
        IF length(v_reference) > 64 THEN
            PERFORM counter_fail('CT400', 'reference', 'tender.' || v_kind, 'reference too long');
        END IF;
        v_funds := v_funds + v_amount;
        IF v_kind = 'prepayment' THEN
            v_used := v_used + v_amount;
        END IF;
    END LOOP;
    IF (SELECT count(DISTINCT value->>'tender') FROM jsonb_array_elements(p_tenders))
       <> jsonb_array_length(p_tenders) THEN
        PERFORM counter_fail('CT400', 'duplicate_tender', 'tenders', 'each tender at most once');
    END IF;

    -- what is owed on the chosen bills (all open bills when none are named)
    SELECT coalesce(sum(o.outstanding), 0), count(*) INTO v_owed, v_chosen
    FROM counter_open_bills(v_account.id) o
    WHERE o.outstanding > 0 AND (cardinality(coalesce(p_bill_ids, '{}')) = 0
                                 OR o.bill_id = ANY (p_bill_ids));
    IF (p_expected_owed IS NOT NULL AND p_expected_owed <> v_owed)
       OR (cardinality(coalesce(p_bill_ids, '{}')) > 0
           AND v_chosen <> (SELECT count(DISTINCT x) FROM unnest(p_bill_ids) x)) THEN
        PERFORM counter_fail('CT409', 'stale', 'to_bills',
            format('the amount owed is now %s: it changed since it was shown', v_owed));
    END IF;
    IF v_to_bills > v_owed THEN
        PERFORM counter_fail('CT400', 'over_allocation', 'to_bills',
                             format('only %s is owed on the chosen bills', v_owed));
    END IF;
    IF v_used > v_account.prepayment_balance THEN
        PERFORM counter_fail('CT409', 'balance', 'tender.prepayment',
            format('the prepayment balance is only %s', v_account.prepayment_balance));
    END IF;
    IF v_funds < v_to_bills THEN
        PERFORM counter_fail('CT400', 'short', 'tenders',
                             format('the tenders cover %s, not %s', v_funds, v_to_bills));
    END IF;
    v_deposit := v_funds - v_to_bills;
    IF v_used > 0 AND v_deposit > 0 THEN
        PERFORM counter_fail('CT400', 'prepayment_surplus', 'tender.prepayment',
                             'prepayment may only pay bills, not be deposited again');
    END IF;

    -- the receipt number, last: the series row is held only for the inserts
    UPDATE receipt_series SET next_no = next_no + 1
    WHERE code = coalesce(p_series_code,
                          (SELECT code FROM receipt_series WHERE hall_code = v_me.hall_code
                           ORDER BY code LIMIT 1))
      AND hall_code = v_me.hall_code
    RETURNING code, next_no - 1 INTO v_series, v_no;
    IF v_series IS NULL THEN
        PERFORM counter_fail('CT404', 'series', 'series',
            format('no receipt series %s in hall %s', coalesce(p_series_code, '(first)'),
                   v_me.hall_code));
    END IF;
    INSERT INTO payments (client_uuid, content_hash, account_id, shift_id, clerk_id, workstation,
                          series_code, receipt_no, amount, created_at)
    VALUES (p_client_uuid, v_hash, v_account.id, p_shift_id, v_me.id,
            left(coalesce(p_workstation, ''), 64), v_series, v_no, v_funds, now())
    RETURNING id INTO v_payment;
    FOR t IN SELECT value FROM jsonb_array_elements(p_tenders) LOOP
        v_line := v_line + 1;
        v_amount := (t->>'amount')::numeric;
        v_received := (t->>'received')::numeric;
        INSERT INTO payment_tenders (payment_id, line_no, tender, amount, received, change_given,
                                     reference)
        VALUES (v_payment, v_line, t->>'tender', v_amount, v_received,
                coalesce(v_received - v_amount, 0), btrim(coalesce(t->>'reference', '')));
    END LOOP;
    v_left := v_to_bills;
    FOR b IN SELECT * FROM counter_open_bills(v_account.id) o
             WHERE o.outstanding > 0 AND (cardinality(coalesce(p_bill_ids, '{}')) = 0
                                          OR o.bill_id = ANY (p_bill_ids)) LOOP
        EXIT WHEN v_left <= 0;
        v_part := least(b.outstanding, v_left);
        INSERT INTO allocations (payment_id, bill_id, amount) VALUES (v_payment, b.bill_id, v_part);
        v_left := v_left - v_part;
    END LOOP;
    v_balance := v_account.prepayment_balance;
    IF v_used > 0 THEN
        v_balance := v_balance - v_used;
        INSERT INTO prepayment_ledger (account_id, payment_id, kind, amount, balance_after, created_at)
        VALUES (v_account.id, v_payment, 'use', -v_used, v_balance, now());
    END IF;
    IF v_deposit > 0 THEN
        v_balance := v_balance + v_deposit;
        INSERT INTO prepayment_ledger (account_id, payment_id, kind, amount, balance_after, created_at)
        VALUES (v_account.id, v_payment, 'deposit', v_deposit, v_balance, now());
    END IF;
    IF v_balance <> v_account.prepayment_balance THEN
        UPDATE accounts SET prepayment_balance = v_balance, version = version + 1,
                            updated_at = now()
        WHERE id = v_account.id;
    END IF;
    PERFORM counter_audit(p_workstation, 'payment.post', 'payment', v_payment::text,
        jsonb_build_object('account', v_account.account_no, 'amount', v_funds::text,
                           'receipt', v_series || '-' || v_no, 'uuid', p_client_uuid));
    RETURN counter_payment_facts(v_payment, false);
END
$$;

-- After an unknown outcome: did this submission post? With the account, a
-- posting of it still in flight finishes first (FOR SHARE, bounded), so
-- "not posted" then means it never will be.
CREATE FUNCTION counter_lookup_payment(p_client_uuid text, p_account_id bigint,
                                       p_lock_timeout_ms int)
    RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_me clerks := counter_caller('clerk');
    v_id bigint;
BEGIN
    IF p_account_id IS NOT NULL THEN
        PERFORM set_config('lock_timeout', greatest(coalesce(p_lock_timeout_ms, 10000), 1)::text,
                           true);
        PERFORM 1 FROM accounts WHERE id = p_account_id FOR SHARE;
    END IF;
    SELECT id INTO v_id FROM payments WHERE client_uuid = p_client_uuid;
    RETURN CASE WHEN v_id IS NULL THEN NULL ELSE counter_payment_facts(v_id, true) END;
END
$$;

-- What a receipt (or a reprint, or a reversal slip) prints: one call.
CREATE FUNCTION counter_receipt_facts(p_payment_id bigint)
    RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_me clerks := counter_caller('clerk');
    v jsonb := counter_payment_facts(p_payment_id, true);
BEGIN
    IF v IS NULL THEN
        PERFORM counter_fail('CT404', 'payment', 'payment', format('no payment %s', p_payment_id));
    END IF;
    RETURN v;
END
$$;

-- The payment screen's load: the account (by id or number), its open
-- bills oldest first, and the caller's open shift (if any).
CREATE FUNCTION counter_payable_account(p_account_id bigint, p_account_no text)
    RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_me clerks := counter_caller('clerk');
    v accounts;
BEGIN
    IF p_account_id IS NOT NULL THEN
        SELECT * INTO v FROM accounts WHERE id = p_account_id;
    ELSE
        SELECT * INTO v FROM accounts WHERE account_no = btrim(coalesce(p_account_no, ''));
    END IF;
    IF NOT FOUND THEN
        PERFORM counter_fail('CT404', 'account', 'account',
                             format('no account %s', coalesce(p_account_id::text, p_account_no)));
    END IF;
    RETURN jsonb_build_object(
        'account_id', v.id, 'account_no', v.account_no, 'name', v.name, 'address', v.address,
        'status', v.status, 'prepayment_balance', v.prepayment_balance,
        'open_shift_id', (SELECT s.id FROM shifts s
                          WHERE s.clerk_id = v_me.id
                            AND NOT EXISTS (SELECT 1 FROM shift_closes c WHERE c.shift_id = s.id)
                          ORDER BY s.id DESC LIMIT 1),
        'bills', coalesce((SELECT jsonb_agg(jsonb_build_object(
                               'bill_id', o.bill_id, 'period', o.period, 'usage', o.usage,
                               'amount', o.amount, 'outstanding', o.outstanding,
                               'due_on', o.due_on) ORDER BY o.period, o.bill_id)
                           FROM counter_open_bills(v.id) o WHERE o.outstanding > 0),
                          '[]'::jsonb));
END
$$;

-- The reversal's own result (post and replay alike).
CREATE FUNCTION counter_reversal_result(p_reversal payment_reversals, p_replayed boolean)
    RETURNS jsonb
    LANGUAGE sql STABLE
    SET search_path = public, pg_temp
AS $$
    SELECT jsonb_build_object(
        'reversal_id', p_reversal.id, 'payment_id', p.id, 'series_code', p.series_code,
        'receipt_no', p.receipt_no, 'account_id', p.account_id, 'replayed', p_replayed,
        'refunded', (SELECT coalesce(jsonb_object_agg(t.tender, t.amount), '{}'::jsonb)
                     FROM payment_tenders t WHERE t.payment_id = p.id),
        'prepayment_change', coalesce(l.amount, 0),
        'balance_after', coalesce(l.balance_after,
                                  (SELECT a.prepayment_balance FROM accounts a
                                   WHERE a.id = p.account_id)))
    FROM payments p
    LEFT JOIN prepayment_ledger l ON l.reversal_id = p_reversal.id
    WHERE p.id = p_reversal.payment_id
$$;

-- 冲正: a supervisor, signed in on their own login, reverses a payment once,
-- into an open shift of their hall (the till the refund comes out of).
CREATE FUNCTION counter_reverse_payment(
    p_workstation text, p_payment_id bigint, p_client_uuid text, p_reason text, p_shift_id bigint
) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_me clerks := counter_caller('supervisor');
    v_reason text := btrim(coalesce(p_reason, ''));
    v_payment payments;
    v_done payment_reversals;
    v_shift shifts;
    v_net numeric;
    v_balance numeric;
BEGIN
    IF v_reason = '' THEN
        PERFORM counter_fail('CT400', 'reason', 'reason', 'give the reason for the reversal');
    END IF;
    IF length(v_reason) > 500 THEN
        PERFORM counter_fail('CT400', 'reason', 'reason', 'the reason is too long');
    END IF;
    IF p_client_uuid IS NULL OR p_client_uuid !~ '^[0-9a-fA-F-]{32,36}$' THEN
        PERFORM counter_fail('CT400', 'uuid', 'client_uuid', 'a client UUID is required');
    END IF;
    SELECT * INTO v_payment FROM payments WHERE id = p_payment_id;
    IF NOT FOUND THEN
        PERFORM counter_fail('CT404', 'payment', 'payment', format('no payment %s', p_payment_id));
    END IF;
    PERFORM 1 FROM accounts WHERE id = v_payment.account_id FOR UPDATE;
    SELECT * INTO v_done FROM payment_reversals WHERE payment_id = p_payment_id;
    IF FOUND THEN
        IF v_done.client_uuid = p_client_uuid THEN
            RETURN counter_reversal_result(v_done, true);
        END IF;
        PERFORM counter_fail('CT409', 'already', 'payment', 'this payment has already been reversed');
    END IF;
    v_shift := counter_open_shift_of(v_me, p_shift_id, false, false);
    SELECT coalesce(sum(amount), 0) INTO v_net FROM prepayment_ledger WHERE payment_id = p_payment_id;
    SELECT prepayment_balance INTO v_balance FROM accounts WHERE id = v_payment.account_id;
    IF v_balance - v_net < 0 THEN
        PERFORM counter_fail('CT409', 'prepayment_used', 'payment',
            format('the %s deposited by this payment has been used since; '
                   'reverse the later payments first', v_net));
    END IF;
    INSERT INTO payment_reversals (payment_id, client_uuid, reason, clerk_id, supervisor_id, shift_id,
                                   workstation, created_at)
    VALUES (p_payment_id, p_client_uuid, v_reason, v_shift.clerk_id, v_me.id, p_shift_id,
            left(coalesce(p_workstation, ''), 64), now())
    RETURNING * INTO v_done;
    IF v_net <> 0 THEN
        INSERT INTO prepayment_ledger (account_id, reversal_id, kind, amount, balance_after, created_at)
        VALUES (v_payment.account_id, v_done.id, 'reversal', -v_net, v_balance - v_net, now());
        UPDATE accounts SET prepayment_balance = v_balance - v_net, version = version + 1,
                            updated_at = now()
        WHERE id = v_payment.account_id;
    END IF;
    PERFORM counter_audit(p_workstation, 'payment.reverse', 'payment', p_payment_id::text,
        jsonb_build_object('supervisor', v_me.username, 'reason', v_reason,
                           'receipt', v_payment.series_code || '-' || v_payment.receipt_no));
    RETURN counter_reversal_result(v_done, false);
END
$$;

-- After an unknown outcome of a reversal: null when not reversed, the
-- result when this request reversed it, CT409 already when another did.
CREATE FUNCTION counter_lookup_reversal(p_payment_id bigint, p_client_uuid text)
    RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_me clerks := counter_caller('clerk');
    v_done payment_reversals;
BEGIN
    SELECT * INTO v_done FROM payment_reversals WHERE payment_id = p_payment_id;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    IF v_done.client_uuid <> p_client_uuid THEN
        PERFORM counter_fail('CT409', 'already', 'payment', 'this payment has already been reversed');
    END IF;
    RETURN counter_reversal_result(v_done, true);
END
$$;

-- 补打: log the reprint; its number (1 for the first) and the receipt facts.
CREATE FUNCTION counter_record_reprint(p_workstation text, p_payment_id bigint)
    RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_me clerks := counter_caller('clerk');
    v_count bigint;
BEGIN
    PERFORM 1 FROM payments WHERE id = p_payment_id FOR SHARE;
    IF NOT FOUND THEN
        PERFORM counter_fail('CT404', 'payment', 'payment', format('no payment %s', p_payment_id));
    END IF;
    INSERT INTO receipt_reprints (payment_id, clerk_id, workstation, created_at)
    VALUES (p_payment_id, v_me.id, left(coalesce(p_workstation, ''), 64), now());
    SELECT count(*) INTO v_count FROM receipt_reprints WHERE payment_id = p_payment_id;
    PERFORM counter_audit(p_workstation, 'receipt.reprint', 'payment', p_payment_id::text,
                          jsonb_build_object('reprint', v_count));
    RETURN jsonb_build_object('reprint', v_count,
                              'facts', counter_payment_facts(p_payment_id, true));
END
$$;

CREATE FUNCTION counter_open_shift(p_workstation text, p_opening_float numeric)
    RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_me clerks := counter_caller('clerk');
    v_float numeric := counter_money(p_opening_float, 'opening_float');
    v_open bigint;
    v_id bigint;
BEGIN
    PERFORM pg_advisory_xact_lock(7303, v_me.id::int);
    SELECT s.id INTO v_open FROM shifts s
    WHERE s.clerk_id = v_me.id AND NOT EXISTS (SELECT 1 FROM shift_closes c WHERE c.shift_id = s.id);
    IF FOUND THEN
        PERFORM counter_fail('CT409', 'already_open', 'shift', format('shift %s is still open', v_open));
    END IF;
    INSERT INTO shifts (clerk_id, hall_code, workstation, opened_at, opening_float)
    VALUES (v_me.id, v_me.hall_code, left(coalesce(p_workstation, ''), 64), now(), v_float)
    RETURNING id INTO v_id;
    PERFORM counter_audit(p_workstation, 'shift.open', 'shift', v_id::text,
                          jsonb_build_object('float', v_float::text));
    RETURN jsonb_build_object('shift_id', v_id, 'hall_code', v_me.hall_code, 'opening_float', v_float);
END
$$;

-- A shift's totals per tender: taken net of nothing (tenders), less what its
-- reversals refunded; the cash expected in the drawer.
CREATE FUNCTION counter_shift_totals(p_shift_id bigint)
    RETURNS jsonb
    LANGUAGE sql STABLE
    SET search_path = public, pg_temp
AS $$
    WITH kinds(tender) AS (VALUES ('cash'), ('wechat'), ('alipay'), ('card'), ('prepayment')),
    per AS (
        SELECT k.tender,
               (coalesce((SELECT sum(t.amount) FROM payment_tenders t
                         JOIN payments p ON p.id = t.payment_id
                         WHERE p.shift_id = p_shift_id AND t.tender = k.tender), 0)
             - coalesce((SELECT sum(t.amount) FROM payment_tenders t
                         JOIN payment_reversals r ON r.payment_id = t.payment_id
                         WHERE r.shift_id = p_shift_id AND t.tender = k.tender), 0))::numeric(12, 2)
               AS net
        FROM kinds k)
    SELECT jsonb_build_object(
        'shift_id', s.id, 'clerk_id', s.clerk_id, 'opened_at', s.opened_at,
        'opening_float', s.opening_float,
        'payments', (SELECT count(*) FROM payments p WHERE p.shift_id = s.id),
        'reversals', (SELECT count(*) FROM payment_reversals r WHERE r.shift_id = s.id),
        'by_tender', (SELECT jsonb_object_agg(tender, net) FROM per),
        'expected_cash', s.opening_float + (SELECT net FROM per WHERE tender = 'cash'),
        'closed', EXISTS (SELECT 1 FROM shift_closes c WHERE c.shift_id = s.id))
    FROM shifts s WHERE s.id = p_shift_id
$$;

-- A shift as the day-close screens show it: totals, who, and how it closed.
CREATE FUNCTION counter_shift_summary(p_shift_id bigint)
    RETURNS jsonb
    LANGUAGE sql STABLE
    SET search_path = public, pg_temp
AS $$
    SELECT jsonb_build_object(
        'totals', counter_shift_totals(s.id), 'hall_code', s.hall_code,
        'workstation', s.workstation, 'clerk_username', c.username,
        'clerk_name', c.display_name, 'closed_at', x.closed_at,
        'counted_cash', CASE WHEN x.shift_id IS NULL THEN NULL
                             ELSE (counter_shift_totals(s.id)->>'expected_cash')::numeric
                                  + x.cash_variance END,
        'cash_variance', x.cash_variance, 'variance_reason', coalesce(x.variance_reason, ''))
    FROM shifts s JOIN clerks c ON c.id = s.clerk_id
    LEFT JOIN shift_closes x ON x.shift_id = s.id
    WHERE s.id = p_shift_id
$$;

-- What the day-close document and its Excel export show, of a closed shift.
CREATE FUNCTION counter_shift_report(p_shift_id bigint)
    RETURNS jsonb
    LANGUAGE sql STABLE
    SET search_path = public, pg_temp
AS $$
    SELECT jsonb_build_object(
        'summary', counter_shift_summary(s.id),
        'hall_name', coalesce(h.name, s.hall_code),
        'utility_name', (SELECT value FROM utility_settings WHERE key = 'utility_name'),
        'counts', x.counted_json::jsonb,
        'receipts', (SELECT coalesce(jsonb_agg(jsonb_build_array(r.prefix, r.lo, r.hi)
                                               ORDER BY r.lo), '[]'::jsonb)
                     FROM (SELECT rs.prefix, min(p.receipt_no) AS lo, max(p.receipt_no) AS hi
                           FROM payments p JOIN receipt_series rs ON rs.code = p.series_code
                           WHERE p.shift_id = s.id GROUP BY rs.prefix) r),
        'reversal_amount', (SELECT coalesce(sum(p.amount), 0) FROM payments p
                            JOIN payment_reversals r ON r.payment_id = p.id
                            WHERE r.shift_id = s.id))
    FROM shifts s LEFT JOIN halls h ON h.code = s.hall_code
    JOIN shift_closes x ON x.shift_id = s.id
    WHERE s.id = p_shift_id
$$;

-- The day-close screen's load: the caller's open shift with its totals and,
-- for a supervisor, every shift of their hall open at some time on p_day
-- (local calendar day in p_tz), oldest first.
CREATE FUNCTION counter_till(p_day date, p_tz text)
    RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_me clerks := counter_caller('clerk');
    v_start timestamptz;
    v_open bigint;
BEGIN
    IF p_day IS NULL OR NOT EXISTS (SELECT 1 FROM pg_timezone_names WHERE name = p_tz) THEN
        PERFORM counter_fail('CT400', 'day', 'day', 'a day and a time zone are required');
    END IF;
    v_start := p_day::timestamp AT TIME ZONE p_tz;
    SELECT s.id INTO v_open FROM shifts s
    WHERE s.clerk_id = v_me.id AND NOT EXISTS (SELECT 1 FROM shift_closes c WHERE c.shift_id = s.id)
    ORDER BY s.id DESC LIMIT 1;
    RETURN jsonb_build_object(
        'totals', CASE WHEN v_open IS NULL THEN NULL ELSE counter_shift_totals(v_open) END,
        'day', CASE WHEN v_me.role = 'clerk' THEN NULL ELSE (
            SELECT coalesce(jsonb_agg(counter_shift_summary(s.id) ORDER BY s.opened_at, s.id),
                            '[]'::jsonb)
            FROM shifts s LEFT JOIN shift_closes c ON c.shift_id = s.id
            WHERE s.hall_code = v_me.hall_code AND s.opened_at < v_start + interval '1 day'
              AND (c.shift_id IS NULL OR c.closed_at >= v_start)) END);
END
$$;

-- One shift as the day-close screens show it: its own clerk's, or a
-- supervisor's of the hall.
CREATE FUNCTION counter_shift(p_shift_id bigint)
    RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_me clerks := counter_caller('clerk');
    v shifts;
BEGIN
    SELECT * INTO v FROM shifts WHERE id = p_shift_id;
    IF NOT FOUND THEN
        PERFORM counter_fail('CT404', 'shift', 'shift', format('no shift %s', p_shift_id));
    END IF;
    IF v.hall_code <> v_me.hall_code OR (v.clerk_id <> v_me.id AND v_me.role = 'clerk') THEN
        PERFORM counter_fail('CT403', 'shift', 'shift',
                             format('shift %s belongs to another clerk', p_shift_id));
    END IF;
    RETURN counter_shift_summary(p_shift_id);
END
$$;

-- The day-close report of a closed shift: its own clerk's, or a supervisor's
-- of the hall.
CREATE FUNCTION counter_day_close_report(p_shift_id bigint)
    RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_me clerks := counter_caller('clerk');
    v shifts;
BEGIN
    SELECT * INTO v FROM shifts WHERE id = p_shift_id;
    IF NOT FOUND THEN
        PERFORM counter_fail('CT404', 'shift', 'shift', format('no shift %s', p_shift_id));
    END IF;
    IF v.hall_code <> v_me.hall_code OR (v.clerk_id <> v_me.id AND v_me.role = 'clerk') THEN
        PERFORM counter_fail('CT403', 'shift', 'shift',
                             format('shift %s belongs to another clerk', p_shift_id));
    END IF;
    IF NOT EXISTS (SELECT 1 FROM shift_closes WHERE shift_id = p_shift_id) THEN
        PERFORM counter_fail('CT409', 'open', 'shift', format('shift %s is not closed', p_shift_id));
    END IF;
    RETURN counter_shift_report(p_shift_id);
END
$$;

-- 日结: the clerk's own open shift, counted by denomination; a variance needs
-- a reason; a closed shift takes nothing more (shift_closes is append-only
-- and the posting checks it under the same advisory lock).
CREATE FUNCTION counter_close_shift(p_workstation text, p_shift_id bigint, p_counts jsonb,
                                    p_reason text)
    RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_me clerks := counter_caller('clerk');
    v_reason text := btrim(coalesce(p_reason, ''));
    v_totals jsonb;
    v_counted numeric := 0;
    v_expected numeric;
    v_variance numeric;
    v_denom numeric;
    v_pieces numeric;
    c record;
BEGIN
    IF p_counts IS NULL OR jsonb_typeof(p_counts) <> 'object' THEN
        PERFORM counter_fail('CT400', 'counts', 'counts', 'the cash count is required');
    END IF;
    FOR c IN SELECT key, value FROM jsonb_each(p_counts) LOOP
        v_denom := c.key::numeric;
        IF v_denom NOT IN (100, 50, 20, 10, 5, 1, 0.5, 0.1) THEN
            PERFORM counter_fail('CT400', 'denomination', c.key,
                                 format('unknown denomination %s', c.key));
        END IF;
        v_pieces := (c.value #>> '{}')::numeric;
        IF v_pieces IS NULL OR v_pieces < 0 OR v_pieces <> trunc(v_pieces) THEN
            PERFORM counter_fail('CT400', 'negative', c.key, 'a count cannot be negative');
        END IF;
        v_counted := v_counted + v_denom * v_pieces;
    END LOOP;
    v_counted := round(v_counted, 2);
    PERFORM counter_open_shift_of(v_me, p_shift_id, true, true);
    v_totals := counter_shift_totals(p_shift_id);
    v_expected := (v_totals->>'expected_cash')::numeric;
    v_variance := v_counted - v_expected;
    IF v_variance <> 0 AND v_reason = '' THEN
        PERFORM counter_fail('CT400', 'reason', 'reason',
                             format('cash differs by %s: give the reason', v_variance));
    END IF;
    INSERT INTO shift_closes (shift_id, closed_at, expected_json, counted_json, cash_variance,
                              variance_reason)
    VALUES (p_shift_id, now(),
            (SELECT jsonb_object_agg(key, value #>> '{}')
             FROM jsonb_each((v_totals->'by_tender')
                             || jsonb_build_object('cash_in_drawer', v_expected)))::text,
            p_counts::text, v_variance, v_reason);
    PERFORM counter_audit(p_workstation, 'shift.close', 'shift', p_shift_id::text,
        jsonb_build_object('expected_cash', v_expected::text, 'counted', v_counted::text,
                           'variance', v_variance::text));
    RETURN jsonb_build_object(
        'shift_id', p_shift_id, 'counted_cash', v_counted, 'cash_variance', v_variance,
        'reason', v_reason, 'report', counter_shift_report(p_shift_id),
        'expected', (v_totals->'by_tender') || jsonb_build_object('cash_in_drawer', v_expected));
END
$$;

-- The books' invariants over the whole database: one row per violation.
CREATE FUNCTION counter_books_check()
    RETURNS TABLE (check_name text, detail text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
    SELECT 'tenders_equal_amount', format('payment %s: amount %s, tenders %s', p.id, p.amount,
                                          coalesce(sum(t.amount), 0))
    FROM payments p LEFT JOIN payment_tenders t ON t.payment_id = p.id
    GROUP BY p.id HAVING p.amount <> coalesce(sum(t.amount), 0)
    UNION ALL
    SELECT 'allocations_equal_to_bills', format('payment %s: allocated %s, to bills %s', p.id,
        coalesce((SELECT sum(a.amount) FROM allocations a WHERE a.payment_id = p.id), 0),
        p.amount - coalesce((SELECT sum(l.amount) FROM prepayment_ledger l
                             WHERE l.payment_id = p.id AND l.kind = 'deposit'), 0))
    FROM payments p
    WHERE coalesce((SELECT sum(a.amount) FROM allocations a WHERE a.payment_id = p.id), 0)
          <> p.amount - coalesce((SELECT sum(l.amount) FROM prepayment_ledger l
                                  WHERE l.payment_id = p.id AND l.kind = 'deposit'), 0)
    UNION ALL
    SELECT 'bill_over_allocated', format('bill %s: amount %s, paid %s', b.id, b.amount, o.paid)
    FROM bills b
    JOIN LATERAL (SELECT sum(a.amount) AS paid FROM allocations a
                  WHERE a.bill_id = b.id AND NOT EXISTS (SELECT 1 FROM payment_reversals r
                                                         WHERE r.payment_id = a.payment_id)) o
      ON true
    WHERE o.paid > b.amount
    UNION ALL
    SELECT 'prepayment_equals_ledger', format('account %s: balance %s, ledger sum %s, last %s',
        a.id, a.prepayment_balance, l.total, l.last)
    FROM accounts a
    JOIN LATERAL (SELECT coalesce(sum(amount), 0) AS total,
                         coalesce((SELECT balance_after FROM prepayment_ledger x
                                   WHERE x.account_id = a.id ORDER BY x.id DESC LIMIT 1), 0) AS last
                  FROM prepayment_ledger WHERE account_id = a.id) l ON true
    WHERE a.prepayment_balance <> l.total OR a.prepayment_balance <> l.last
       OR a.prepayment_balance < 0
    UNION ALL
    SELECT 'ledger_running_balance', format('ledger row %s: %s + %s <> %s', l.id, l.prev, l.amount,
                                             l.balance_after)
    FROM (SELECT id, amount, balance_after,
                 coalesce(lag(balance_after) OVER (PARTITION BY account_id ORDER BY id), 0) AS prev
          FROM prepayment_ledger) l
    WHERE l.prev + l.amount <> l.balance_after OR l.balance_after < 0
    UNION ALL
    SELECT 'reversal_restores', format('reversal %s of payment %s: prepayment %s, undone %s',
        r.id, r.payment_id,
        coalesce((SELECT sum(amount) FROM prepayment_ledger WHERE payment_id = r.payment_id), 0),
        coalesce((SELECT sum(amount) FROM prepayment_ledger WHERE reversal_id = r.id), 0))
    FROM payment_reversals r
    WHERE coalesce((SELECT sum(amount) FROM prepayment_ledger WHERE payment_id = r.payment_id), 0)
        + coalesce((SELECT sum(amount) FROM prepayment_ledger WHERE reversal_id = r.id), 0) <> 0
    UNION ALL
    SELECT 'one_reversal_per_payment', format('payment %s reversed %s times', payment_id, count(*))
    FROM payment_reversals GROUP BY payment_id HAVING count(*) > 1
    UNION ALL
    SELECT 'receipts_gapless', format('series %s: %s receipts from %s to %s, next %s', s.code,
                                      r.n, r.lo, r.hi, s.next_no)
    FROM receipt_series s
    JOIN LATERAL (SELECT count(*) AS n, count(DISTINCT receipt_no) AS d, min(receipt_no) AS lo,
                         max(receipt_no) AS hi
                  FROM payments WHERE series_code = s.code) r ON true
    WHERE r.n > 0 AND (r.n <> r.d OR r.hi - r.lo + 1 <> r.n OR s.next_no <> r.hi + 1)
    UNION ALL
    SELECT 'closed_shift_takes_nothing', format('payment %s at %s in shift %s closed at %s',
                                                p.id, p.created_at, p.shift_id, c.closed_at)
    FROM payments p JOIN shift_closes c ON c.shift_id = p.shift_id
    WHERE p.created_at > c.closed_at
    UNION ALL
    SELECT 'payment_by_shift_owner', format('payment %s by clerk %s in shift %s of clerk %s',
                                            p.id, p.clerk_id, p.shift_id, s.clerk_id)
    FROM payments p JOIN shifts s ON s.id = p.shift_id
    WHERE s.clerk_id <> p.clerk_id
$$;

-- Invariants held at commit, whoever writes (a buggy action, the owner, an
-- administrator's table grant): deferred constraint triggers. They run at
-- COMMIT as the session's user, hence SECURITY DEFINER (they only read).
CREATE FUNCTION counter_check_payment() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_p payments;
BEGIN
    SELECT * INTO v_p FROM payments WHERE id = NEW.id;
    IF v_p.amount <> coalesce((SELECT sum(amount) FROM payment_tenders WHERE payment_id = v_p.id), 0)
    THEN
        RAISE EXCEPTION 'payment %: tenders do not add up to its amount', v_p.id
            USING ERRCODE = 'check_violation';
    END IF;
    -- never more on bills than the payment brought (counter_books_check()
    -- also reports a payment that left part of its money nowhere)
    IF coalesce((SELECT sum(amount) FROM allocations WHERE payment_id = v_p.id), 0)
       > v_p.amount - coalesce((SELECT sum(amount) FROM prepayment_ledger
                                WHERE payment_id = v_p.id AND kind = 'deposit'), 0) THEN
        RAISE EXCEPTION 'payment %: allocated more than it brought', v_p.id
            USING ERRCODE = 'check_violation';
    END IF;
    IF EXISTS (SELECT 1 FROM shifts s WHERE s.id = v_p.shift_id AND s.clerk_id <> v_p.clerk_id)
       OR EXISTS (SELECT 1 FROM shift_closes c
                  WHERE c.shift_id = v_p.shift_id AND c.closed_at < v_p.created_at) THEN
        RAISE EXCEPTION 'payment %: not in its clerk''s open shift', v_p.id
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION counter_check_bill_allocations() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM counter_open_bills((SELECT account_id FROM bills WHERE id = NEW.bill_id))
               WHERE bill_id = NEW.bill_id AND outstanding < 0) THEN
        RAISE EXCEPTION 'bill %: allocated beyond its amount', NEW.bill_id
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION counter_check_prepayment() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_balance numeric;
    v_sum numeric;
    v_last numeric;
BEGIN
    SELECT prepayment_balance INTO v_balance FROM accounts WHERE id = NEW.account_id;
    SELECT coalesce(sum(amount), 0) INTO v_sum FROM prepayment_ledger WHERE account_id = NEW.account_id;
    SELECT coalesce((SELECT balance_after FROM prepayment_ledger WHERE account_id = NEW.account_id
                     ORDER BY id DESC LIMIT 1), 0) INTO v_last;
    IF v_balance <> v_sum OR v_balance <> v_last THEN
        RAISE EXCEPTION 'account %: prepayment balance % is not its ledger (% / %)',
            NEW.account_id, v_balance, v_sum, v_last USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION counter_check_account_prepayment() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
BEGIN
    IF NEW.prepayment_balance IS DISTINCT FROM OLD.prepayment_balance THEN
        IF NEW.prepayment_balance <> coalesce((SELECT balance_after FROM prepayment_ledger
                                               WHERE account_id = NEW.id
                                               ORDER BY id DESC LIMIT 1), 0) THEN
            RAISE EXCEPTION 'account %: prepayment balance changed without its ledger', NEW.id
                USING ERRCODE = 'check_violation';
        END IF;
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION counter_check_series() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_hi bigint;
BEGIN
    SELECT max(receipt_no) INTO v_hi FROM payments WHERE series_code = NEW.code;
    IF v_hi IS NOT NULL AND NEW.next_no <> v_hi + 1 THEN
        RAISE EXCEPTION 'receipt series %: next number % would leave a gap or repeat % ',
            NEW.code, NEW.next_no, v_hi USING ERRCODE = 'check_violation';
    END IF;
    IF v_hi IS NULL AND NEW.next_no IS DISTINCT FROM OLD.next_no AND TG_OP = 'UPDATE'
       AND NEW.next_no < 1 THEN
        RAISE EXCEPTION 'receipt series %: next number must be positive', NEW.code
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END
$$;

-- the triggers and the results look ledger rows up by payment and by reversal
-- (allocations by payment: their primary key leads with it)
CREATE INDEX ix_prepayment_ledger_payment_id ON prepayment_ledger (payment_id);
CREATE INDEX ix_prepayment_ledger_reversal_id ON prepayment_ledger (reversal_id);

CREATE CONSTRAINT TRIGGER payments_books AFTER INSERT ON payments
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION counter_check_payment();
CREATE CONSTRAINT TRIGGER allocations_books AFTER INSERT ON allocations
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION counter_check_bill_allocations();
CREATE CONSTRAINT TRIGGER prepayment_ledger_books AFTER INSERT ON prepayment_ledger
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION counter_check_prepayment();
CREATE CONSTRAINT TRIGGER accounts_prepayment_books AFTER UPDATE OF prepayment_balance ON accounts
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION counter_check_account_prepayment();
CREATE CONSTRAINT TRIGGER receipt_series_books AFTER UPDATE OF next_no ON receipt_series
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION counter_check_series();

-- Who may call what: the actions to the least group that may; the helpers to nobody.
REVOKE ALL ON FUNCTION counter_open_bills(bigint) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_payment_facts(bigint, boolean) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_payment_hash(bigint, bigint, numeric, bigint[], jsonb) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_open_shift_of(clerks, bigint, boolean, boolean) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_reversal_result(payment_reversals, boolean) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_shift_totals(bigint) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_shift_summary(bigint) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_shift_report(bigint) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_till(date, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_day_close_report(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION counter_till(date, text) TO counter_clerk;
REVOKE ALL ON FUNCTION counter_shift(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION counter_shift(bigint) TO counter_clerk;
GRANT EXECUTE ON FUNCTION counter_day_close_report(bigint) TO counter_clerk;
REVOKE ALL ON FUNCTION counter_check_payment() FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_check_bill_allocations() FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_check_prepayment() FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_check_account_prepayment() FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_check_series() FROM PUBLIC;

REVOKE ALL ON FUNCTION counter_post_payment(text, text, bigint, bigint, text, numeric, bigint[],
                                            numeric, jsonb) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_lookup_payment(text, bigint, int) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_receipt_facts(bigint) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_payable_account(bigint, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_reverse_payment(text, bigint, text, text, bigint) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_lookup_reversal(bigint, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_record_reprint(text, bigint) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_open_shift(text, numeric) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_close_shift(text, bigint, jsonb, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION counter_books_check() FROM PUBLIC;

GRANT EXECUTE ON FUNCTION counter_post_payment(text, text, bigint, bigint, text, numeric, bigint[],
                                               numeric, jsonb) TO counter_clerk;
GRANT EXECUTE ON FUNCTION counter_lookup_payment(text, bigint, int) TO counter_clerk;
GRANT EXECUTE ON FUNCTION counter_receipt_facts(bigint) TO counter_clerk;
GRANT EXECUTE ON FUNCTION counter_payable_account(bigint, text) TO counter_clerk;
GRANT EXECUTE ON FUNCTION counter_lookup_reversal(bigint, text) TO counter_clerk;
GRANT EXECUTE ON FUNCTION counter_record_reprint(text, bigint) TO counter_clerk;
GRANT EXECUTE ON FUNCTION counter_open_shift(text, numeric) TO counter_clerk;
GRANT EXECUTE ON FUNCTION counter_close_shift(text, bigint, jsonb, text) TO counter_clerk;
GRANT EXECUTE ON FUNCTION counter_reverse_payment(text, bigint, text, text, bigint)
    TO counter_supervisor;
GRANT EXECUTE ON FUNCTION counter_books_check() TO counter_supervisor;

-- The money tables are written by the actions only (the lead revokes
-- audit_events, accounts.version/updated_at and the sequences when every
-- area is converted: others still use them).
REVOKE INSERT ON payments, payment_tenders, allocations, prepayment_ledger, receipt_reprints,
    shifts, shift_closes FROM counter_clerk;
REVOKE UPDATE (prepayment_balance) ON accounts FROM counter_clerk;
REVOKE UPDATE (next_no) ON receipt_series FROM counter_clerk;
REVOKE INSERT ON payment_reversals FROM counter_supervisor;
