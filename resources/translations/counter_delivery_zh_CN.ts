<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Counter - first start</source>
        <translation>营业厅柜台系统 - 首次启动</translation>
    </message>
    <message>
        <source>Choose the database this workstation works with.</source>
        <translation>请选择本工作站使用的数据库。</translation>
    </message>
    <message>
        <source>&amp;Demo database on this computer</source>
        <translation>本机演示数据库(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Shared PostgreSQL server</source>
        <translation>共享 PostgreSQL 服务器(&amp;S)</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Use our CA certificate file</source>
        <translation>使用本单位的 CA 证书文件</translation>
    </message>
    <message>
        <source>CA certificate file (.crt / .pem)</source>
        <translation>CA 证书文件（.crt / .pem）</translation>
    </message>
    <message>
        <source>B&amp;rowse...</source>
        <translation>浏览(&amp;R)...</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>主机(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <source>Data&amp;base:</source>
        <translation>数据库(&amp;B)：</translation>
    </message>
    <message>
        <source>A server on another machine is always verified (TLS verify-full); without this file the system&apos;s root.crt is used.</source>
        <translation>其他计算机上的服务器一律验证证书（TLS verify-full）；不选则使用系统默认的 root.crt。</translation>
    </message>
    <message>
        <source>CA &amp;file:</source>
        <translation>CA 证书(&amp;F)：</translation>
    </message>
    <message>
        <source>User name and password are only used for the test; they are not saved.</source>
        <translation>用户名和密码仅用于测试连接，不会保存。</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <source>Enter the server&apos;s host name or address.</source>
        <translation>请填写服务器的主机名或地址。</translation>
    </message>
    <message>
        <source>Enter the database name.</source>
        <translation>请填写数据库名称。</translation>
    </message>
    <message>
        <source>Choose the CA certificate file for TLS.</source>
        <translation>启用 TLS 时请选择 CA 证书文件。</translation>
    </message>
    <message>
        <source>Enter a user name and password for the test.</source>
        <translation>测试连接需要填写用户名和密码。</translation>
    </message>
    <message>
        <source>Connecting...</source>
        <translation>正在连接...</translation>
    </message>
    <message>
        <source>The test failed: {problem}</source>
        <translation>测试失败：{problem}</translation>
    </message>
    <message>
        <source>Connected: the server is reachable.</source>
        <translation>连接成功：服务器可以访问。</translation>
    </message>
    <message>
        <source>The server answered, but the user name or password is wrong.</source>
        <translation>服务器已响应，但用户名或密码错误。</translation>
    </message>
    <message>
        <source>TLS error: check the CA certificate file and the host name.</source>
        <translation>TLS 错误：请检查 CA 证书文件和主机名。</translation>
    </message>
    <message>
        <source>The server cannot be reached: check host, port and network.</source>
        <translation>无法连接服务器：请检查主机、端口和网络。</translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation>CA 证书文件</translation>
    </message>
    <message>
        <source>Certificates (*.crt *.pem *.cer);;All files (*)</source>
        <translation>证书 (*.crt *.pem *.cer);;所有文件 (*)</translation>
    </message>
</context>
</TS>
