<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>PrintErrors</name>
    <message>
        <source>No printer is set up for this workstation; set one in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer does not answer. Check that it is on, connected and has paper.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer stopped answering in the middle of the job.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer or the print system refused the job.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such printer is installed on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer setting cannot be used. Check the printer settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This kind of printer cannot be used on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document could not be printed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printer {printer}: {reason} ({detail})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrinterSection</name>
    <message>
        <source>Printers of this workstation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recei&amp;pt printer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An installed printer, or an ESC/POS address: tcp://192.168.1.50:9100, usb://0416:5011, serial://COM3, win32raw://XP-80C</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;A4 printer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An installed printer for statements and forms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ESC/POS pr&amp;ofile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the cash drawer on cash payme&amp;nts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt &amp;copies:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mask customer names on receipts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print a test page on the receipt printer as set above (not yet saved)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yuan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>partial cut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>full cut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A printer name or tcp://host:9100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A4 printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose an installed printer; an ESC/POS address prints only receipts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{scheme}:// is not a printer address; use one of {examples}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} is not a valid printer address; for example {examples}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt printer: choose a printer first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing a test page on {printer}...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The test page was sent to {printer}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test print failed. {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test print failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipts and reports use the new printer settings from now on.</source>
        <translation>Receipts and reports use the new printer settings from now on.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Workstation settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These settings belong to this workstation. Passwords are never stored: each clerk types theirs at sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Database URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example postgresql://db-server/counter. Leave empty to use the embedded database on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty: the embedded database on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Workstation name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hall code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Receipt paper width:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the settings (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TariffFormDialog</name>
    <message>
        <source>New price schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 嘉价发〔2026〕3号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: until the next schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 180, 300 (empty: one tier)</source>
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
        <source>Multiply the limits by a collective account&apos;s &amp;households</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yuan per m³. One price in the first tier&apos;s column applies at every tier; leave a component&apos;s row empty if this schedule does not charge it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price &amp;category:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ode:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Document no. (文号):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In force &amp;from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Until:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tier limits (m³):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier &amp;basis:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Prices:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document no. (文号)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In force from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier basis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another schedule of this category starts on or after this date; a new schedule starts after the latest one ({detail}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the schedules would leave a gap: start the day after the latest one ends ({detail}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bills were issued under the current schedule after this date; start later ({detail}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this schedule was used by bills and never changes; give the new schedule its own code ({detail}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the schedules would overlap or leave a gap ({detail}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>type a date as 2027-01-01, the end not before the start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>whole numbers of m³, each above the one before, separated by commas (e.g. 180, 300).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a price of at least 0 with at most 4 decimals: one, or one per tier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>type the prices of at least one fee component.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>use 1-32 letters, digits, _, . or - (e.g. RES-2027).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>type the document number of the price authority (1-64 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not be empty; check what was typed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TariffsPage</name>
    <message>
        <source>Price schedules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price &amp;category:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Schedules:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New schedule…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the price schedules…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The price schedules could not be read; try again (Alt+R).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billed up to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No schedule in this category yet.</source>
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
        <source>limits × households of a collective account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>limits as published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code} — 文号 {doc}; tiers {basis}; {scaling}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upper limit (m³)</source>
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
        <source>Schedule {code} saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code} now ends on {date}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
