-- Migration 0017: the last direct writes go; the reversal policy moves below
-- the actions; one payment-account load instead of two.

-- The utility's reversal policy (utility_settings 'reversal.policy':
-- same_day | any_time; anything else reads as same_day), enforced on the
-- reversal row itself, so no action (nor a bug in one) booking a clerk's
-- reversal can pass it. The age is in Beijing calendar days between the
-- payment and the reversal, both stamped by the server. The DBA's own loads
-- (members of counter_owner: the demo seeder, a migration of old books)
-- carry history made under other rules and are not checked.
CREATE FUNCTION counter_reversal_policy_check() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_paid timestamptz;
    v_scope text;
    v_age int;
BEGIN
    IF pg_has_role(session_user, 'counter_owner', 'MEMBER') THEN
        RETURN NEW;
    END IF;
    SELECT created_at INTO v_paid FROM payments WHERE id = NEW.payment_id;
    SELECT trim(value) INTO v_scope FROM utility_settings WHERE key = 'reversal.policy';
    IF v_scope IS DISTINCT FROM 'any_time' THEN
        v_age := (coalesce(NEW.created_at, now()) AT TIME ZONE 'Asia/Shanghai')::date
                 - (v_paid AT TIME ZONE 'Asia/Shanghai')::date;
        IF v_age > 0 THEN
            PERFORM counter_fail('CT403', 'policy', 'payment', format(
                'the utility reverses payments on the day they were taken only; this one was '
                'taken on %s, %s days ago',
                to_char(v_paid AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD'), v_age));
        END IF;
    END IF;
    RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION counter_reversal_policy_check() FROM PUBLIC;
CREATE TRIGGER payment_reversals_policy BEFORE INSERT ON payment_reversals
    FOR EACH ROW EXECUTE FUNCTION counter_reversal_policy_check();

-- Setting the policy is an administrator's action (audited).
CREATE FUNCTION counter_set_reversal_policy(
    p_workstation text, p_scope text, p_warn_after_days int
) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_me clerks;
BEGIN
    IF NOT pg_has_role(session_user, 'counter_owner', 'MEMBER') THEN
        v_me := counter_caller('admin');
    END IF;
    IF p_scope IS NULL OR p_scope NOT IN ('same_day', 'any_time') THEN
        PERFORM counter_fail('CT400', 'scope', 'scope', 'same_day or any_time');
    END IF;
    IF p_warn_after_days IS NULL OR p_warn_after_days NOT BETWEEN 0 AND 3660 THEN
        PERFORM counter_fail('CT400', 'warn_after_days', 'warn_after_days',
                             'warn after 0..3660 days');
    END IF;
    INSERT INTO utility_settings (key, value) VALUES
        ('reversal.policy', p_scope), ('reversal.warn_after_days', p_warn_after_days::text)
    ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value;
    PERFORM counter_audit(p_workstation, 'reversal.policy', 'utility_settings',
                          'reversal.policy', jsonb_build_object(
                              'reversal.policy', p_scope,
                              'reversal.warn_after_days', p_warn_after_days::text));
    RETURN jsonb_build_object('scope', p_scope, 'warn_after_days', p_warn_after_days);
END
$$;
REVOKE ALL ON FUNCTION counter_set_reversal_policy(text, text, int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION counter_set_reversal_policy(text, text, int) TO counter_admin;

-- 0016 made the unique (account_id, period) partial (issued bills only), so
-- the screens' "bills of these accounts" had no index left: one for all bills.
CREATE INDEX ix_bills_account_period ON bills (account_id, period);

-- 0012's counter_payable_account is the payment form's load; 0015 had one too.
DROP FUNCTION counter_payment_account(bigint, text);

-- No group role writes a table or takes a sequence value any more: every
-- write is an action running as counter_owner (docs/architecture.md).
REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public
    FROM counter_clerk, counter_supervisor, counter_admin, counter_batch;
REVOKE USAGE, UPDATE ON ALL SEQUENCES IN SCHEMA public
    FROM counter_clerk, counter_supervisor, counter_admin, counter_batch;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
