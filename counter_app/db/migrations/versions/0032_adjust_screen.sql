-- 0032: the bill list shows the corrections of issued bills.
--
-- A correction is an adjustment bill linked to the bill it corrects
-- (counter_adjust_bill, migration 0016). 0015's bill list returned it as a
-- bill of its own, without the link, the reason or the approver, and with
-- what each row "owes" counted as if a credit were a bill: the corrected
-- bill still asked its full amount and the credit stood as a negative debt.
-- Now each row also says what it adjusts and why, who approved it, and (on
-- an issued bill) what its adjustments sum to; 'outstanding' is the ledger's
-- (services/accounts/ledger.py, 0018's counter_open_bills): an issued bill
-- or a debit asks its amount plus its credits less what was paid, never below
-- zero; a credit asks nothing of its own. Bills without corrections read as
-- before. The screens that read it (the account screen, its history, the
-- account view's current bill) follow without a change of their own.
CREATE OR REPLACE FUNCTION counter_bills_json(p_account_id bigint, p_from text, p_to text)
    RETURNS jsonb
    LANGUAGE sql STABLE
    SET search_path = public, pg_temp
AS $$
    SELECT coalesce(jsonb_agg(jsonb_build_object(
        'bill_id', b.id, 'period', b.period, 'period_start', b.period_start,
        'period_end', b.period_end, 'start_reading', b.start_reading,
        'end_reading', b.end_reading, 'usage', b.usage, 'amount', b.amount, 'paid', x.paid,
        'outstanding', CASE WHEN b.adjusts_bill_id IS NOT NULL AND b.amount < 0 THEN 0
                            ELSE greatest(b.amount + adj.credits - x.paid, 0) END,
        'due_on', b.due_on,
        'adjusts_bill_id', b.adjusts_bill_id, 'reason', coalesce(b.reason, ''),
        'approved_by', coalesce(c.display_name, c.username, ''), 'adjusted', adj.net
    ) ORDER BY b.period DESC, coalesce(b.adjusts_bill_id, b.id), b.id), '[]'::jsonb)
    FROM bills b
    CROSS JOIN LATERAL (SELECT counter_bill_paid(b.id) AS paid) x
    CROSS JOIN LATERAL (
        SELECT coalesce(sum(a.amount), 0)::numeric(12, 2) AS net,
               coalesce(sum(a.amount) FILTER (WHERE a.amount < 0), 0)::numeric(12, 2) AS credits
        FROM bills a WHERE a.adjusts_bill_id = b.id
    ) adj
    LEFT JOIN clerks c ON c.id = b.approved_by
    WHERE b.account_id = p_account_id
      AND (p_from IS NULL OR b.period >= p_from) AND (p_to IS NULL OR b.period <= p_to)
$$;

-- The account view's arrears (0015's counter_arrears) summed every bill's
-- amount less what was paid, corrections included: a credit on a paid bill
-- (what it leaves over is the customer's, refunded or put on the
-- prepayment) lowered what the account owes on its other bills. Now it is
-- the ledger's sum: what each issued bill and debit still asks for, its
-- credits counted, never below zero. The same figure as before for an
-- account without corrections.
CREATE OR REPLACE FUNCTION counter_arrears(p_account_id bigint) RETURNS numeric
    LANGUAGE sql STABLE PARALLEL SAFE
RETURN (
    SELECT coalesce(sum(greatest(
               b.amount
               + coalesce((SELECT sum(c.amount) FROM public.bills c
                           WHERE c.adjusts_bill_id = b.id AND c.amount < 0), 0)
               - public.counter_bill_paid(b.id), 0)), 0)::numeric(12, 2)
    FROM public.bills b
    WHERE b.account_id = p_account_id AND (b.adjusts_bill_id IS NULL OR b.amount > 0)
);
