<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>PrintErrors</name>
    <message>
        <source>The printer does not answer. Check that it is on, connected and has paper.</source>
        <translation>打印机没有响应。请检查是否开机、连接正常、有纸。</translation>
    </message>
    <message>
        <source>The printer stopped answering in the middle of the job.</source>
        <translation>打印机在打印过程中停止响应。</translation>
    </message>
    <message>
        <source>The printer or the print system refused the job.</source>
        <translation>打印机或打印系统拒绝了打印任务。</translation>
    </message>
    <message>
        <source>No such printer is installed on this computer.</source>
        <translation>本机没有安装该打印机。</translation>
    </message>
    <message>
        <source>The printer setting cannot be used. Check the printer settings.</source>
        <translation>打印机设置无法使用，请检查打印机设置。</translation>
    </message>
    <message>
        <source>This kind of printer cannot be used on this computer.</source>
        <translation>本机不能使用此类打印机。</translation>
    </message>
    <message>
        <source>The document could not be printed.</source>
        <translation>无法打印该单据。</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>（未设置）</translation>
    </message>
    <message>
        <source>Printer {printer}: {reason} ({detail})</source>
        <translation>打印机 {printer}：{reason}（{detail}）</translation>
    </message>
</context>
<context>
    <name>PrinterSection</name>
    <message>
        <source>Printers of this workstation</source>
        <translation>本机打印机</translation>
    </message>
    <message>
        <source>Recei&amp;pt printer:</source>
        <translation>小票打印机(&amp;P)：</translation>
    </message>
    <message>
        <source>An installed printer, or an ESC/POS address: tcp://192.168.1.50:9100, usb://0416:5011, serial://COM3, win32raw://XP-80C</source>
        <translation>已安装的打印机，或 ESC/POS 地址：tcp://192.168.1.50:9100、usb://0416:5011、serial://COM3、win32raw://XP-80C</translation>
    </message>
    <message>
        <source>&amp;A4 printer:</source>
        <translation>A4 打印机(&amp;A)：</translation>
    </message>
    <message>
        <source>An installed printer for statements and forms</source>
        <translation>打印对账单和申请表用的已安装打印机</translation>
    </message>
    <message>
        <source>ESC/POS pr&amp;ofile:</source>
        <translation>ESC/POS 型号(&amp;O)：</translation>
    </message>
    <message>
        <source>Open the cash drawer on cash payme&amp;nts</source>
        <translation>现金收费时打开钱箱(&amp;N)</translation>
    </message>
    <message>
        <source>Receipt &amp;copies:</source>
        <translation>收据份数(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Mask customer names on receipts</source>
        <translation>收据上隐藏部分户名(&amp;M)</translation>
    </message>
    <message>
        <source>Print a test page on the receipt printer as set above (not yet saved)</source>
        <translation>按上面的设置（可未保存）在小票打印机上打印测试页</translation>
    </message>
    <message>
        <source>&amp;Test print</source>
        <translation>测试打印(&amp;T)</translation>
    </message>
    <message>
        <source>yuan</source>
        <translation>元</translation>
    </message>
    <message>
        <source>partial cut</source>
        <translation>半切</translation>
    </message>
    <message>
        <source>full cut</source>
        <translation>全切</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>A printer name or tcp://host:9100</source>
        <translation>打印机名称或 tcp://主机:9100</translation>
    </message>
    <message>
        <source>A4 printer</source>
        <translation>A4 打印机</translation>
    </message>
    <message>
        <source>choose an installed printer; an ESC/POS address prints only receipts.</source>
        <translation>请选择已安装的打印机；ESC/POS 地址只能打印小票。</translation>
    </message>
    <message>
        <source>Receipt printer</source>
        <translation>小票打印机</translation>
    </message>
    <message>
        <source>{scheme}:// is not a printer address; use one of {examples}.</source>
        <translation>{scheme}:// 不是打印机地址，请使用以下格式之一：{examples}。</translation>
    </message>
    <message>
        <source>{value} is not a valid printer address; for example {examples}.</source>
        <translation>{value} 不是有效的打印机地址，例如：{examples}。</translation>
    </message>
    <message>
        <source>Receipt printer: choose a printer first.</source>
        <translation>小票打印机：请先选择打印机。</translation>
    </message>
    <message>
        <source>Printing a test page on {printer}...</source>
        <translation>正在 {printer} 上打印测试页…</translation>
    </message>
    <message>
        <source>The test page was sent to {printer}.</source>
        <translation>测试页已发送到 {printer}。</translation>
    </message>
    <message>
        <source>Test print failed. {problem}</source>
        <translation>测试打印失败。{problem}</translation>
    </message>
    <message>
        <source>Test print failed: {error}</source>
        <translation>测试打印失败：{error}</translation>
    </message>
    <message>
        <source>{field}: {problem}</source>
        <translation>{field}：{problem}</translation>
    </message>
    <message>
        <source>Receipts and reports use the new printer settings from now on.</source>
        <translation>新的打印设置立即生效，收据和报表从现在起使用新设置。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Workstation settings</source>
        <translation>本机设置</translation>
    </message>
    <message>
        <source>These settings belong to this workstation. Passwords are never stored: each clerk types theirs at sign-in.</source>
        <translation>以下设置仅对本机有效。系统不保存任何密码，收费员登录时自行输入。</translation>
    </message>
    <message>
        <source>&amp;Database URL:</source>
        <translation>数据库地址(&amp;D)：</translation>
    </message>
    <message>
        <source>For example postgresql://db-server/counter. Leave empty to use the embedded database on this computer.</source>
        <translation>例如 postgresql://db-server/counter。留空则使用本机内置数据库。</translation>
    </message>
    <message>
        <source>Empty: the embedded database on this computer</source>
        <translation>留空：使用本机内置数据库</translation>
    </message>
    <message>
        <source>&amp;Workstation name:</source>
        <translation>工作站名称(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Hall code:</source>
        <translation>营业厅代码(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>界面语言(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Receipt paper width:</source>
        <translation>收据纸宽(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Undo changes</source>
        <translation>撤销修改(&amp;U)</translation>
    </message>
    <message>
        <source>Save the settings (Ctrl+S)</source>
        <translation>保存设置（Ctrl+S）</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
</context>
</TS>
