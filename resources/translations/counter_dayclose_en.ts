<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ChannelDay</name>
    <message>
        <source>Prepayment deduction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank withholding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChannelDayModel</name>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To bills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To prepayment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChannelDayPanel</name>
    <message>
        <source>Channel money of the day (not in any till)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Day:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport channel report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} payments, {amount}. Reversed that day: {rc}, {ra}. Held in suspense that day: {sc}, {sa}; open now: {oc}, {oa}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a supervisor may see the channel money.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the channel report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export cancelled: no file was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Excel file could not be written: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CountGrid</name>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pieces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>¥{value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{jiao} jiao</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a number</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DayClosePage</name>
    <message>
        <source>Day close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the totals again (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No shift is open. Count the cash float in the drawer and open a shift to take payments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash &amp;float:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0.00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Totals of this shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payments:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reversals:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash float:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected cash in drawer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count the cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variance:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason for the variance:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close shift...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export to Excel...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a &amp;new shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shifts of the day in this hall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n}, of which late fees ¥{fee}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift {id} open since {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No open shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift {id} is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason for the variance (required):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count of {note}: type a whole number of pieces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for the variance: the count differs from the expected cash by {v}; give the reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close shift {id}? Counted {counted}, expected {expected}, variance {variance}.
A closed shift is locked: no payment can be posted on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close and lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift {id} is closed and locked: no payment can be posted on it. Counted {counted}, variance {variance}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift {id} closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing the day-close report...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The day-close report was printed. You can export it to Excel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report was not printed. {problem} The shift stays closed; print again when the printer is ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the day-close report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export cancelled: no file was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Excel file could not be written: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DayCloseTexts</name>
    <message>
        <source>Cash float: cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A shift of yours is already open; it is shown now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This shift is already closed and locked; no payment can be posted on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for the variance: counted cash differs from the expected; give the reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count: unknown denomination {field}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shift was not found; press F5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shift is not closed yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shift could not be saved: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResolveDialog</name>
    <message>
        <source>Resolve held order {ref}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why held:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;ccount no.:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShiftsOfDayModel</name>
    <message>
        <source>Clerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed {time}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Suspense</name>
    <message>
        <source>Unknown account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More than owed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posted to its account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posted to another account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the account number to post it to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another supervisor resolved it already; the list is refreshed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order names no known account: post it to another account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No account with this number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That account is closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a supervisor may do this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SuspenseModel</name>
    <message>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SuspensePanel</name>
    <message>
        <source>Channel money held (suspense)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;solve…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} open, {amount}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TenderTotalsModel</name>
    <message>
        <source>Tender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
