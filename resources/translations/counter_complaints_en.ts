<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ComplaintDetail</name>
    <message>
        <source>Show full p&amp;hone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no phone)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <extracomment>action -&gt; statuses it applies to (as the service allows)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply to the customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Apply (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print slip again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;ction:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply channel:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Satisfaction:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recall on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a complaint in the list (Enter).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complainant: {who} {contact}&#x3000;Account: {acc}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department: {d}&#x3000;Due: {due}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company at fault; apology given: {a}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recall the customer on {d}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComplaintForm</name>
    <message>
        <source>(not a customer: stand-alone)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComplaintLabels</name>
    <message>
        <source>Counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hotline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Water quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pressure or outage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billing or price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service attitude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Construction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
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
        <source>Replied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dissatisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forwarded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
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
        <source>ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complainant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recall date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complaint received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved on the spot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Landline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meter location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: please fill this in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: please choose from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: the due time must be in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: must be from today to at most a year ahead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: an apology is recorded only when the company is at fault.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: a complaint is either solved on the spot or forwarded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: the account no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: too long, at most {limit} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: type a mobile (11 digits) or fixed-line number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This action is not possible in the complaint&apos;s current state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: refused.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComplaintListWidget</name>
    <message>
        <source>Not closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All departments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Overdue only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export to Excel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complaints per category and month:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} complaints, {o} overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComplaintTableModel</name>
    <message>
        <source>Ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complainant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recall on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue: the due time has passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(overdue)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComplaintsForm</name>
    <message>
        <source>Account:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Complainant:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ontact:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile or fixed-line number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ategory:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the customer reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The company is at fault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apology given to the customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handling:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register, &amp;keep open (handle later)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Solved on the &amp;spot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How it was solved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Forward to a department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recall the customer on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New complaint (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save and print slip (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComplaintsOutages</name>
    <message>
        <source>Outages now and to come (shown in the consultation guide)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Announced by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No outage is announced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;End now (supply restored)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Withdraw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Area:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rea&amp;son:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 建设路爆管抢修, 水厂检修</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Announce (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComplaintsPage</name>
    <message>
        <source>&amp;New complaint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complaint &amp;list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quick answers (consultation guide)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data co&amp;rrections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>O&amp;utages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Depart&amp;ments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: {e}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved as {ticket}; printing the slip.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved as {ticket}; slip printed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The complaint is saved, but the slip was not printed ({e}). Print it again from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export complaints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else saved this complaint meanwhile; your entry was NOT saved. The complaint is reloaded below and your text is kept: check it and apply again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a supervisor may see the full value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The full value could not be shown: {e}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request {n}: {status}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account was changed after the request was filed; nothing applied. Check the record, then reject the request (the clerk files a new one if it is still needed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account was changed since it was opened; nothing filed. Open the customer again and file again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else decided this request meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct value: the format is not valid for this field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please fill in the value (and a note to reject).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct value: it is the same as the record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct value: too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: {c}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a supervisor may decide correction requests.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: {e}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CorrectionsWidget</name>
    <message>
        <source>No customer chosen: find the customer on the Search page (Ctrl+1), open the account and press Complaint (F7); the correction is then filed for that account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. ID card shown, property certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision note (required to reject)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;pprove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;ject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show full value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows the selected request&apos;s proposed ID number or phone in full; recorded in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;ield:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct &amp;value:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Evidence:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests of this customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full value shown; this was recorded in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DepartmentsEditor</name>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move u&amp;p</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The departments a complaint can be forwarded to, in the order offered (the first is proposed). F2 or typing edits a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The departments a complaint can be forwarded to. Only an administrator can change this list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: {n} departments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department: a name is empty; type it or delete the row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department: “{name}” is in the list twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department: “{name}” is longer than 40 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department: the list needs at least one name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department: refused ({c}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an administrator can change the department list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: {e}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else saved the list meanwhile; yours was NOT saved and is kept here. The list saved now is: {names}. Save again to replace it, or Revert to take it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuideWidget</name>
    <message>
        <source>Search the guide: e.g. 停水, 发黄, 阳台, 水价</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing in the guide matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No customer chosen: open the customer from the search page to see arrears, announced outages and repairs nearby.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the system knows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(1) Arrears: {amount} yuan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(1) No arrears.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(5) Announced outage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(5) No outage announced in this area.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(2) Open pressure complaints nearby:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(2) No open repair complaint nearby.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutagesWidget</name>
    <message>
        <source>Announce an outage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outages are announced by a supervisor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To come</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area: please choose the area.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To: the end must be after the start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To: the end is already past.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason: please fill this in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Announced: {area} {start} – {end}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End this outage now (the supply is back)?
{what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw this outage (announced in error)?
{what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Announced outages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended: {what}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn: {what}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area: this area no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This outage is already over or withdrawn; the list is reloaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: {c}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a supervisor may change announced outages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: {e}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
