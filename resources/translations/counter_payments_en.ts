<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>BillsModel</name>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage (t)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Payments of account {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reprint (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reverse (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid &amp;from (month)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: type a month as 2026-03.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid from: the month is after the to month.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} payment(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No payments in these months.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reprinting {0}...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reprinted (reprint no. {0}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt {0} is already reversed; a payment is reversed once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a shift first: a reversal is booked on your shift.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OpenShiftDialog</name>
    <message>
        <source>No open shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have no open shift; payments need one. Count the cash in the drawer and open a shift with it (0 if the drawer is empty).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash &amp;float (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the shift (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the shift...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift: not open; press Enter to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shift was not opened ({0}). What you typed is kept; press Enter to try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>Take payment - {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Abandon this payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Waive late fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posting...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posted: ¥{0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posted: ¥{amount}. Printing the receipt...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posted: receipt {no}, ¥{amount}. Press Enter to print the receipt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posted: receipt {no}, ¥{amount}. Printing the receipt...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posted and printed: receipt {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt {0}: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payment is posted. Check the printer, then press Enter to print the receipt again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print again (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The late fee changed since it was shown; it is read again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close, check later (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not posted: nothing was charged. Press Enter to submit again (the same payment, it can post only once), or abandon it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The outcome is unknown ({0}). Do not take the money again: checking whether this payment was posted...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The outcome of this payment (submitted before the program was closed) is unknown. Do not take the money again: checking whether it was posted...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abandon this payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database says this payment was not posted. Abandon it? Take no money for it; a new payment of this account starts afresh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking whether this payment was posted...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The outcome is still unknown: the database does not answer. Do not take the money again. Checking again in {0} s; press Enter to check now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The outcome is still unknown ({0}). Do not take the money again; press Enter to check again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This payment was already posted (no second charge). </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check again (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the receipt (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bills were just paid; now owed: ¥{0}. The bills are reloaded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaymentForm</name>
    <message>
        <source>Account {no}   {name}   {address}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay chosen bills (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom amount, oldest first (F6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prepayment only (F7)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Late fee ¥{fee}, waived ¥{waived} (approved by {who}): ¥{due}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Late fee ¥{0} (overdue bills)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due ¥{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change ¥{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Short ¥{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To prepayment ¥{amount}, balance after ¥{balance}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid to bills ¥{0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaymentMessages</name>
    <message>
        <source>Cash amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat transaction no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alipay amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alipay transaction no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank card amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank card reference no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prepayment used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount to pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prepayment amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash float</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: enter an amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: not an amount; type digits like 123.45.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: the amount cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: the amount must be above 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: at most two decimals (fen).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: the amount is too large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: enter the amount of at least one tender.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: each tender at most once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: the cash received is less than the cash amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: only cash has an amount received.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: enter the transaction reference.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: no such account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: your shift is closed or missing; open a shift first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: more than is owed on the chosen bills.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: more than the prepayment balance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: the tenders do not cover the amount to pay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: the prepayment balance can only pay bills.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: no receipt series is set up for this hall.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: choose at least one bill.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: refused ({detail}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing failed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaymentOutcome</name>
    <message>
        <source>the connection to the database was lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an earlier attempt of this payment reached the database</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaymentsPage</name>
    <message>
        <source>Payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>type the account no., Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take payment (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment history (F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account no.: type the account number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{no}  {name}  {address}
Owed ¥{owed} on {bills} bill(s); prepayment balance ¥{balance}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account no.: no such account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load the account: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The outcome of the last payment of this account is unknown. Do not take the money again: press F2 to check whether it was posted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The outcome of payments of accounts {0} is unknown (submitted before the program was closed). Do not take the money again: open the account to check whether it was posted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unresolved payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} payment(s) have an unknown outcome. They are kept and checked when the account is opened again; do not take the money again meanwhile. Close anyway?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReversalDialog</name>
    <message>
        <source>Reverse payment {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt {receipt}   account {no} {name}
Amount ¥{amount}   {tenders}
Periods: {periods}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken {0}; looking up its shift and the reversal policy...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. wrong account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The supervisor signs in here at this workstation to approve.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reverse (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check again (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the reversal slip (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shift {0} of {1}, opened {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken {when} ({age}) in {shift}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The utility reverses payments on the day they were taken only: this one was taken {0}. It cannot be reversed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This payment was taken {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another shift took this payment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say in the reason why it is reversed now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its refund is booked in today&apos;s day-close of this shift: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message>
        <source>Taken {0}; its shift could not be looked up ({1}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason: give the reason for the reversal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor: type the supervisor&apos;s username.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password: the supervisor types the password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reversing...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This reversal was booked (not twice). Press Enter to print the reversal slip.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reversed. Printing the reversal slip...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reversed; the reversal slip is printed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reversal is posted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment: already reversed; a payment is reversed once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor: this user is not a supervisor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor: supervisors cannot sign in on this workstation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment: the prepayment it deposited has been used since; reverse the later payments first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift: your shift is closed; open a shift first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment: the utility reverses payments on the day they were taken only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The outcome is unknown ({0}). Checking whether the payment was reversed...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking whether the payment was reversed...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not reversed: nothing was booked. Press Enter to try again (the same reversal, booked at most once).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The outcome is still unknown: the database does not answer. Checking again in {0} s; press Enter to check now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The outcome is still unknown ({0}); press Enter to check again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SupervisorSignIn</name>
    <message>
        <source>The database does not answer; try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor: wrong username or password.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TenderPanel</name>
    <message>
        <source>Tender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received / reference no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>transaction no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reference no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prepayment balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>balance ¥{0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WaiverDialog</name>
    <message>
        <source>Waive the late fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Late fee today: ¥{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Amount waived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The supervisor signs in here at this workstation to approve.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waive (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount waived: above 0 and at most ¥{0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason: give the reason for the waiver.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor: type the supervisor&apos;s username.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password: the supervisor types the password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiving...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor: this user is not a supervisor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The late fee changed since it was shown; close and open the payment again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
