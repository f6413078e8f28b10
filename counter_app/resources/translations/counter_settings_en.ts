<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>PrintErrors</name>
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
</TS>
