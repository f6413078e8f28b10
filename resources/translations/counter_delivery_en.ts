<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Counter - first start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the database this workstation works with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Demo database on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Shared PostgreSQL server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use our CA certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA certificate file (.crt / .pem)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B&amp;rowse...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data&amp;base:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A server on another machine is always verified (TLS verify-full); without this file the system&apos;s root.crt is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA &amp;file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name and password are only used for the test; they are not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the server&apos;s host name or address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the database name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the CA certificate file for TLS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a user name and password for the test.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The test failed: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected: the server is reachable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answered, but the user name or password is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS error: check the CA certificate file and the host name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server cannot be reached: check host, port and network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates (*.crt *.pem *.cer);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
