<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AccountPanel</name>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account no.:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meter location:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fixed line:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meter no.:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prepayment balance:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relief:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withholding:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Readings:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tariff basis (Alt+J)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take payment (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relief application (F6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complaint (F7)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print past payments (F8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show full ID/phone (F9)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Archive file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account&apos;s figures could not be read again: they may be out of date. Press Esc and open the account again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account could not be opened: it was not found or the database does not answer. Press Esc and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrears: {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ({n} households)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{rule}, valid {start} to {end}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no bill yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive no.: {no}&#x3000;Cabinet: {cabinet}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not numbered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file gets the next archive number of its area and year. Cabinet no. (may stay empty):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive no. {no}: move the file to cabinet no.:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive no. {no}, cabinet {cabinet}: recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a supervisor may number a file or move it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account already has an archive number; archive numbers are never changed. Press Esc and open the account again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cabinet no. must have 1 to 16 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive file could not be recorded; try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full ID number and phones shown; this was recorded in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many full numbers shown this minute: wait a minute and try again (the supervisors have been told).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You may not see the full ID number or phone: a supervisor must do it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The full values could not be shown; try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withholding (&amp;K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current: {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue: {amount} ({days} days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue: none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Late fee: {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supply suspension: overdue {days} days</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AdjustBillDialog</name>
    <message>
        <source>Correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Credit (lowers the bill)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Debit (raises the bill)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Amount (¥)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 12.50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. meter misread, confirmed by the meter reader</source>
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
        <source>Adjust the bill (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adjust bill {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account {no} {name}, bill {period} ({start} to {end})
Readings {first} → {last}, {usage} t; issued {amount}, paid {paid}, due {due}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You approve this correction as {0}; it is recorded with your name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A supervisor signs in here at this workstation to approve; the correction is recorded with their name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not adjusted so far; the bill comes to {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adjusted so far: {adjusted}; the bill comes to {net}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{amount}  {reason} (approved by {who})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After this correction the bill comes to {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount: a credit cannot take the bill below zero; it comes to {0}, so a credit of {0} at most.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount: type the amount of the correction.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount “{0}”: type it without a sign; choose credit or debit above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount “{0}”: a correction is more than 0.00.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount “{0}”: at most two decimals (fen).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount “{0}”: too large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount “{0}”: not an amount; type digits like 12.50.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason: say why the bill is corrected.</source>
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
        <source>Adjusting...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Debit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{kind} {amount} recorded, approved by {who}: the bill now comes to {net}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection was lost: the correction was made whole or not at all. Close this and check the bill list before trying again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor: this user is not a supervisor; a supervisor must approve a correction.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount: a credit cannot take the bill below zero. It was corrected meanwhile: nothing was written; close this, look at the bill again and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bill: this is a correction itself; correct the bill it corrects.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor: supervisors cannot sign in on this workstation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason: say why the bill is corrected (at most 200 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount: not accepted ({0}).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeductionLine</name>
    <message>
        <source>Prepayment &amp;deduction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prepayment deduction: {state}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prepayment &amp;deduction: {state}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At billing, the prepayment balance pays the open bills (oldest first).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The utility has turned prepayment deduction off for every account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed by {who} on {day}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn prepayment deduction off for this account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn prepayment deduction on again for this account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off for this account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off for the utility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prepayment deduction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn prepayment deduction ON again for this account? From the next billing its prepayment pays its bills. Reason (recorded):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn prepayment deduction OFF for this account? Its prepayment no longer pays its bills at billing. Reason (recorded):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a reason of 1 to 200 characters; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prepayment deduction turned on for this account; recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prepayment deduction turned off for this account; recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a supervisor may turn prepayment deduction off or on.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentButtons</name>
    <message>
        <source>Preview (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save PDF (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF could not be saved: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dunning</name>
    <message>
        <source>Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspend</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DunningDialog</name>
    <message>
        <source>Dunning and suspension lists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Suspension list only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue more than (&amp;days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export to Excel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} accounts, overdue in all {total} (as of {day})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area: no such area.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryWidget</name>
    <message>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Periods &amp;from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adjust &amp;bill…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{bills} bills, {payments} payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From period: type it as 2026-03.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To period: type it as 2026-03.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From period is after the to period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the bill to adjust in the bill list first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the periods of the bill it corrects (clear the filter) to adjust it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchModels</name>
    <message>
        <source>Account no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrears</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage (t)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>credit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>debit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{period} {kind} {amount}: {reason} (approved by {who})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrected {amount}: comes to {net}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volume (t)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bills paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reversed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{amount} ({days} days)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>Customer search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account no., name or pinyin initials, phone or its last 4 digits, ID number, address, meter no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No account found. Check what you typed, or try another identifier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>showing the first {n}; type more to narrow the search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search failed: the database does not answer. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dunning lists (Ctrl+D)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchTexts</name>
    <message>
        <source>Type an account no., name, phone, ID number or address…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too long: type at most 64 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type letters, digits or Chinese characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1-2 digits: only an exact account or meter number is looked up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tel: needs a mobile number, its last 4 digits or a fixed line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>id: needs 18 or 15 characters, or the last 4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no: needs an account number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>meter: needs a meter number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>archive: needs an archive number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search took too long; type more to narrow it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many full phone or ID number searches in a minute; wait a minute. Your supervisor has been told.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>account no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mobile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mobile tail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fixed line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID tail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pinyin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>meter no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>archive no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching by {kinds}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Household meter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bulk meter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collective</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Non-residential</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatementDialog</name>
    <message>
        <source>Statement of past payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A4 (A4 printer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{width} mm roll (receipt printer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pa&amp;per:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: type it as 2026-03.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: {first} is after the to period {last}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the statement…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: nothing was printed or saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent to the receipt printer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent to the A4 printer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save statement as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TariffBasisDialog</name>
    <message>
        <source>Tariff basis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the tariff…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In force</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tiers count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Households</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bill used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tiers for this account (m³)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit prices (yuan/m³)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from {start}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cumulative over the calendar year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>each read period on its own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>limits × {n} households</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>limits as published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{year}: {used} m³ so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last period: {used} m³</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, in {tier}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{period}: {usage} m³, {amount} yuan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no bill yet: the schedule in force today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No price schedule of this account&apos;s category is in force; ask an administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tariff could not be read; try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent to the A4 printer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save tariff basis as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WithholdingDialog</name>
    <message>
        <source>Bank withholding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign an agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Bank:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank account &amp;number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Holder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed &amp;on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save form as PDF (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print form (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No agreement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{bank}, account {number}, holder {holder}, signed {day} by {clerk}; {state}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{period} {batch}: {amount} {result} {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent, no answer yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No withholding requests yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed on: type the date as 2026-12-04.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement signed: print the form for the customer to sign.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank account number: 10 to 30 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holder: type the name on the bank account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed on: not in the future, within the last year.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account has an agreement already: cancel it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason: say why the agreement is cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agreement changed meanwhile; it was read again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent to the A4 printer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Form saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The form could not be printed or saved: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the agreement form as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WithholdingTexts</name>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled on {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{bank}, account ending {tail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · last withholding paid {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · last withholding failed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
