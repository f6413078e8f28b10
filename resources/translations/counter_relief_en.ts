<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>PeriodTotalsModel</name>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billed m³</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relief granted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Relief</name>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Household</source>
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
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issuing office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holder name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holder ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Materials seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low-income households</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total households</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relief rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this certificate already has an active relief (pending or approved).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this account already has an active relief (pending or approved).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the account is not active.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>relief is only for household or collective (residential) accounts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the certificate has expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the certificate is not valid yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not be before the valid-from date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not be more than 10 years ahead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not be before 2000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tick the certificate original, its copy and the holder&apos;s ID copy once seen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be at least 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not be less than the low-income households.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not exceed the households registered on the account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only a supervisor may decide relief applications.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only a supervisor of the hall that filed the application may decide it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>someone else decided this application first; the list has been refreshed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the utility has no relief rule configured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not one of the accepted certificates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check digit wrong; compare with the ID card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must have 18 (or 15) characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only digits and a final X are allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the birth date in it is not a real date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a mobile (11 digits) or fixed-line number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is still pending.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is already approved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it was rejected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it was revoked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReliefForm</name>
    <message>
        <source>Low-income relief application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate &amp;type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate &amp;no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Issuing office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid &amp;from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid t&amp;o</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holder na&amp;me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holder I&amp;D number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact &amp;phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Materials seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate original</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holder ID copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Low-income households</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total &amp;households</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not&amp;es</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReliefFormDialog</name>
    <message>
        <source>Submit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account {no}  {name}  ({kind})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the utility&apos;s relief rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Approved at once (direct approval is configured).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> A supervisor approves it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relief: {rule}, from the next read period after today.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReliefPage</name>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All areas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} applications, relief granted {amount} yuan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiring within {days} days ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application {id} filed for account {no}: {status}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, relief from period {p}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application {id} is now {status}{period}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the relief register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export cancelled: no file was written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported {n} rows to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low-income relief</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiring within 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certi&amp;ficate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relief granted per bill period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New application for this account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print form (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport to Excel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for rejecting or revoking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appro&amp;ve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;ject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rev&amp;oke</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReliefRegisterModel</name>
    <message>
        <source>Account no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low-income / total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relief granted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
