<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>PrintErrors</name>
    <message>
        <source>No printer is set up for this workstation; set one in Settings.</source>
        <translation>本工作站未设置打印机，请在“设置”中设置。</translation>
    </message>
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
<context>
    <name>TariffFormDialog</name>
    <message>
        <source>New price schedule</source>
        <translation>新增水价方案</translation>
    </message>
    <message>
        <source>e.g. 嘉价发〔2026〕3号</source>
        <translation>例如 嘉价发〔2026〕3号</translation>
    </message>
    <message>
        <source>empty: until the next schedule</source>
        <translation>不填：执行至下一方案</translation>
    </message>
    <message>
        <source>e.g. 180, 300 (empty: one tier)</source>
        <translation>例如 180, 300（不填：不分阶梯）</translation>
    </message>
    <message>
        <source>cumulative over the calendar year</source>
        <translation>按年度累计用水量</translation>
    </message>
    <message>
        <source>each read period on its own</source>
        <translation>按每个抄表周期用水量</translation>
    </message>
    <message>
        <source>Multiply the limits by a collective account&apos;s &amp;households</source>
        <translation>集体户阶梯上限按户数倍增(&amp;H)</translation>
    </message>
    <message>
        <source>Yuan per m³. One price in the first tier&apos;s column applies at every tier; leave a component&apos;s row empty if this schedule does not charge it.</source>
        <translation>单位：元/吨。只在第一阶梯一栏填写一个单价，即各阶梯统一；本方案不收取的费用项目整行留空。</translation>
    </message>
    <message>
        <source>Price &amp;category:</source>
        <translation>用水类别(&amp;C)：</translation>
    </message>
    <message>
        <source>C&amp;ode:</source>
        <translation>方案代码(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>方案名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Document no. (文号):</source>
        <translation>文号(&amp;D)：</translation>
    </message>
    <message>
        <source>In force &amp;from:</source>
        <translation>执行日期(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Until:</source>
        <translation>截止日期(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Tier limits (m³):</source>
        <translation>阶梯上限(吨)(&amp;T)：</translation>
    </message>
    <message>
        <source>Tier &amp;basis:</source>
        <translation>阶梯计量(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Prices:</source>
        <translation>单价(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Save (Ctrl+S)</source>
        <translation>保存(&amp;S) (Ctrl+S)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>{field}: {problem}</source>
        <translation>{field}：{problem}</translation>
    </message>
    <message>
        <source>Tier limits</source>
        <translation>阶梯上限</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>方案代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>方案名称</translation>
    </message>
    <message>
        <source>Price category</source>
        <translation>用水类别</translation>
    </message>
    <message>
        <source>Document no. (文号)</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>In force from</source>
        <translation>执行日期</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Tier basis</source>
        <translation>阶梯计量</translation>
    </message>
    <message>
        <source>Prices</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>another schedule of this category starts on or after this date; a new schedule starts after the latest one ({detail}).</source>
        <translation>该类别已有方案在此日期或之后开始执行；新方案须在最新方案之后开始（{detail}）。</translation>
    </message>
    <message>
        <source>the schedules would leave a gap: start the day after the latest one ends ({detail}).</source>
        <translation>方案之间会出现空档：请从最新方案截止日的次日开始（{detail}）。</translation>
    </message>
    <message>
        <source>bills were issued under the current schedule after this date; start later ({detail}).</source>
        <translation>现行方案在此日期之后已出账单；请选择更晚的执行日期（{detail}）。</translation>
    </message>
    <message>
        <source>this schedule was used by bills and never changes; give the new schedule its own code ({detail}).</source>
        <translation>该方案已用于出账，不能修改；请为新方案另起代码（{detail}）。</translation>
    </message>
    <message>
        <source>the schedules would overlap or leave a gap ({detail}).</source>
        <translation>方案之间会重叠或出现空档（{detail}）。</translation>
    </message>
    <message>
        <source>type a date as 2027-01-01, the end not before the start.</source>
        <translation>请按 2027-01-01 的格式输入日期，截止日期不早于执行日期。</translation>
    </message>
    <message>
        <source>whole numbers of m³, each above the one before, separated by commas (e.g. 180, 300).</source>
        <translation>请输入整数吨数，逐级递增，用逗号分隔（例如 180, 300）。</translation>
    </message>
    <message>
        <source>a price of at least 0 with at most 4 decimals: one, or one per tier.</source>
        <translation>单价须不小于 0，最多 4 位小数：填一个，或每个阶梯各填一个。</translation>
    </message>
    <message>
        <source>type the prices of at least one fee component.</source>
        <translation>请至少填写一个费用项目的单价。</translation>
    </message>
    <message>
        <source>use 1-32 letters, digits, _, . or - (e.g. RES-2027).</source>
        <translation>请使用 1–32 个字母、数字、_、. 或 -（例如 RES-2027）。</translation>
    </message>
    <message>
        <source>type the document number of the price authority (1-64 characters).</source>
        <translation>请输入价格主管部门的文号（1–64 个字符）。</translation>
    </message>
    <message>
        <source>must not be empty; check what was typed.</source>
        <translation>不能为空，请核对输入。</translation>
    </message>
</context>
<context>
    <name>TariffsPage</name>
    <message>
        <source>Price schedules</source>
        <translation>水价方案</translation>
    </message>
    <message>
        <source>Price &amp;category:</source>
        <translation>用水类别(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Schedules:</source>
        <translation>方案列表(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;New schedule…</source>
        <translation>新增方案(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Loading the price schedules…</source>
        <translation>正在读取水价方案…</translation>
    </message>
    <message>
        <source>The price schedules could not be read; try again (Alt+R).</source>
        <translation>未能读取水价方案，请重试（Alt+R）。</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>方案代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>方案名称</translation>
    </message>
    <message>
        <source>Document no.</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>From</source>
        <translation>执行日期</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Billed up to</source>
        <translation>已出账至</translation>
    </message>
    <message>
        <source>No schedule in this category yet.</source>
        <translation>该类别尚无水价方案。</translation>
    </message>
    <message>
        <source>cumulative over the calendar year</source>
        <translation>按年度累计用水量</translation>
    </message>
    <message>
        <source>each read period on its own</source>
        <translation>按每个抄表周期用水量</translation>
    </message>
    <message>
        <source>limits × households of a collective account</source>
        <translation>集体户阶梯上限按户数倍增</translation>
    </message>
    <message>
        <source>limits as published</source>
        <translation>按标准上限，不调整</translation>
    </message>
    <message>
        <source>{code} — 文号 {doc}; tiers {basis}; {scaling}</source>
        <translation>{code} — 文号 {doc}；阶梯{basis}；{scaling}</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>阶梯</translation>
    </message>
    <message>
        <source>Upper limit (m³)</source>
        <translation>上限(吨)</translation>
    </message>
    <message>
        <source>open</source>
        <translation>以上</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>费用项目</translation>
    </message>
    <message>
        <source>Schedule {code} saved.</source>
        <translation>水价方案 {code} 已保存。</translation>
    </message>
    <message>
        <source>{code} now ends on {date}.</source>
        <translation>{code} 的执行截止日已设为 {date}。</translation>
    </message>
</context>
</TS>
