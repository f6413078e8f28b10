<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <source>Counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings file {path} cannot be used ({problem}). Call IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this computer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The database took too long to answer. Try again in a moment; narrow the request if it keeps happening.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to the database was lost. Check the network and try again; what you typed is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The figures changed meanwhile (another clerk or window). Refresh, check them and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not allowed to do this. Ask a supervisor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many lookups in a short time. Wait a minute and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record is being changed elsewhere. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not found: it may have been removed meanwhile. Refresh and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request was refused ({code}). Check what was typed and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused ({code}); check what was typed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request was refused: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required; fill it in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at most two decimals (fen).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too long; shorten it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not in the expected form; check it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not accepted; check it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be more than zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>already recorded; it cannot be entered twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
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
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
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
        <source>Cabinet number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in - Counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with your clerk account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit Counter (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please enter your username.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please enter your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in as soon as the database is ready...</source>
        <translation>Signing in as soon as the database is ready...</translation>
    </message>
    <message>
        <source>Signing in, please wait...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in failed because of an unexpected error. Please try again, or call IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong username or password. Please check and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the database server. Check the network connection and try again, or call IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account is not registered as a counter clerk. Ask your supervisor to set it up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account has been disabled. Ask your supervisor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is not ready for this version of Counter. Ask IT support to upgrade the database (counter-admin migrate).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database belongs to a newer version of Counter. Ask IT support to install the new version on this workstation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account is not allowed to do this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{username} / {password} ({role})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo accounts:
{logins}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ystem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counter - {name}</source>
        <extracomment>what the search page asks for (a button on an account) -&gt; the key of the page that does it; each of these pages has ``open_account(account_id)``</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relief</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tariffs</source>
        <translation></translation>
    </message>
    <message>
        <source>Shift still open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your shift is still open: count the till and close it on Day close (Ctrl+5) before you leave. Quit anyway?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Clerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Connection security</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the search box, emptied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the account no. box, number selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After a payment, the cursor goes to</source>
        <translation></translation>
    </message>
    <message>
        <source>Only a supervisor or an administrator changes the database address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save the settings file {path}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new language applies at the next start of Counter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new database applies at the next start of Counter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database on this computer (no network)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a server on this computer (no network)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NOT verified (sslmode={mode}): chosen with allow_plaintext_remote in the settings file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS {mode}, CA file {ca}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workstation name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hall code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt paper width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>use up to 16 letters, digits, - or _ (for example HQ).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a database address; for example {example}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only PostgreSQL is supported: a shared server&apos;s address, for example {example}, or empty for the database on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not contain a password; each clerk types theirs at sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name the database; for example {example}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Checking the database on this computer...</source>
        <translation>Checking the database on this computer...</translation>
    </message>
    <message>
        <source>Preparing the demo database on this computer (only on the first start). You can type your username and password meanwhile.</source>
        <translation>Preparing the demo database on this computer (only on the first start). You can type your username and password meanwhile.</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder {path} cannot be written (permissions).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk holding {path} is full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No network port on this computer (127.0.0.1) is free for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data in {path} was made by a newer version of Counter; install that version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data in {path} was made by an older PostgreSQL; it must be upgraded first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This installation lacks its database server; reinstall it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database server did not start; its log is in {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database on this computer could not be started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call IT support.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <source>Clerk: {name} ({role})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking connection...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workstation: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection lost</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskProgress</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{done} of {total} {unit}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{done} {unit}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling...</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tenders</name>
    <message>
        <source>Cash</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>WeChat</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>Alipay</translation>
    </message>
    <message>
        <source>Bank card</source>
        <translation>Bank card</translation>
    </message>
    <message>
        <source>Prepayment</source>
        <translation>Prepayment</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>Bank</translation>
    </message>
</context>
</TS>
