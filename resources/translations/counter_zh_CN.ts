<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <source>Counter</source>
        <translation>营业厅柜台系统</translation>
    </message>
    <message>
        <source>The settings file {path} cannot be used ({problem}). Call IT support.</source>
        <translation>设置文件 {path} 无法使用（{problem}），请联系信息中心。</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>本机</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The database took too long to answer. Try again in a moment; narrow the request if it keeps happening.</source>
        <translation>数据库响应超时。请稍后重试；如果反复出现，请缩小查询范围。</translation>
    </message>
    <message>
        <source>The connection to the database was lost. Check the network and try again; what you typed is kept.</source>
        <translation>与数据库的连接已断开。请检查网络后重试；已输入的内容仍保留。</translation>
    </message>
    <message>
        <source>The figures changed meanwhile (another clerk or window). Refresh, check them and try again.</source>
        <translation>数据在此期间已被更改（其他收费员或其他窗口）。请刷新、核对后重试。</translation>
    </message>
    <message>
        <source>You are not allowed to do this. Ask a supervisor.</source>
        <translation>您无权进行此操作。请找主管办理。</translation>
    </message>
    <message>
        <source>Too many lookups in a short time. Wait a minute and try again.</source>
        <translation>短时间内查询次数过多。请稍等一分钟后重试。</translation>
    </message>
    <message>
        <source>This record is being changed elsewhere. Try again in a moment.</source>
        <translation>该记录正在别处被修改。请稍后重试。</translation>
    </message>
    <message>
        <source>Not found: it may have been removed meanwhile. Refresh and try again.</source>
        <translation>未找到：可能已在此期间被删除。请刷新后重试。</translation>
    </message>
    <message>
        <source>The request failed: {error}</source>
        <translation>请求失败：{error}</translation>
    </message>
    <message>
        <source>The request was refused ({code}). Check what was typed and try again.</source>
        <translation>请求被拒绝（{code}）。请检查输入后重试。</translation>
    </message>
    <message>
        <source>refused ({code}); check what was typed.</source>
        <translation>被拒绝（{code}），请检查输入。</translation>
    </message>
    <message>
        <source>{field}: {problem}</source>
        <translation>{field}：{problem}</translation>
    </message>
    <message>
        <source>The request was refused: {problem}</source>
        <translation>请求被拒绝：{problem}</translation>
    </message>
    <message>
        <source>required; fill it in.</source>
        <translation>必填，请填写。</translation>
    </message>
    <message>
        <source>at most two decimals (fen).</source>
        <translation>最多两位小数（到分）。</translation>
    </message>
    <message>
        <source>too long; shorten it.</source>
        <translation>太长，请缩短。</translation>
    </message>
    <message>
        <source>not in the expected form; check it.</source>
        <translation>格式不正确，请检查。</translation>
    </message>
    <message>
        <source>not accepted; check it.</source>
        <translation>不被接受，请检查。</translation>
    </message>
    <message>
        <source>too large.</source>
        <translation>数值过大。</translation>
    </message>
    <message>
        <source>must not be negative.</source>
        <translation>不能为负数。</translation>
    </message>
    <message>
        <source>must be more than zero.</source>
        <translation>必须大于零。</translation>
    </message>
    <message>
        <source>already recorded; it cannot be entered twice.</source>
        <translation>已有记录，不能重复录入。</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Account number</source>
        <translation>用户号</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Cabinet number</source>
        <translation>档案柜号</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in - Counter</source>
        <translation>登录 - 营业厅柜台系统</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>营业厅柜台系统</translation>
    </message>
    <message>
        <source>Sign in with your clerk account.</source>
        <translation>请使用您的收费员账号登录。</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Quit Counter (Esc)</source>
        <translation>退出系统（Esc）</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Database: {name}</source>
        <translation>数据库：{name}</translation>
    </message>
    <message>
        <source>Please enter your username.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <source>Please enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <source>Signing in as soon as the database is ready...</source>
        <translation>数据库准备好后立即登录…</translation>
    </message>
    <message>
        <source>Signing in, please wait...</source>
        <translation>正在登录，请稍候…</translation>
    </message>
    <message>
        <source>Sign-in failed because of an unexpected error. Please try again, or call IT support.</source>
        <translation>登录时发生意外错误，请重试；如仍无法登录，请联系信息中心。</translation>
    </message>
    <message>
        <source>Wrong username or password. Please check and try again.</source>
        <translation>用户名或密码错误，请核对后重新输入。</translation>
    </message>
    <message>
        <source>Cannot reach the database server. Check the network connection and try again, or call IT support.</source>
        <translation>无法连接数据库服务器。请检查网络连接后重试，或联系信息中心。</translation>
    </message>
    <message>
        <source>This account is not registered as a counter clerk. Ask your supervisor to set it up.</source>
        <translation>该账号未登记为柜台收费员，请联系班长开通。</translation>
    </message>
    <message>
        <source>This account has been disabled. Ask your supervisor.</source>
        <translation>该账号已停用，请联系班长。</translation>
    </message>
    <message>
        <source>The database is not ready for this version of Counter. Ask IT support to upgrade the database (counter-admin migrate).</source>
        <translation>数据库与本版本系统不匹配（尚未初始化或需要升级），请联系信息中心升级数据库（counter-admin migrate）。</translation>
    </message>
    <message>
        <source>The database belongs to a newer version of Counter. Ask IT support to install the new version on this workstation.</source>
        <translation>数据库已升级到更新的系统版本，请联系信息中心在本机安装新版本。</translation>
    </message>
    <message>
        <source>This account is not allowed to do this.</source>
        <translation>该账号无权进行此操作。</translation>
    </message>
    <message>
        <source>{username} / {password} ({role})</source>
        <translation>{username} / {password}（{role}）</translation>
    </message>
    <message>
        <source>Demo accounts:
{logins}</source>
        <translation>演示账号：
{logins}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Counter</source>
        <translation>营业厅柜台系统</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>导航</translation>
    </message>
    <message>
        <source>S&amp;ystem</source>
        <translation>系统(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>前往(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Counter - {name}</source>
        <extracomment>what the search page asks for (a button on an account) -&gt; the key of the page that does it; each of these pages has ``open_account(account_id)``</extracomment>
        <translation>营业厅柜台系统 - {name}</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>收费</translation>
    </message>
    <message>
        <source>Relief</source>
        <translation>低保减免</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Day close</source>
        <translation>日结</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Tariffs</source>
        <translation>水价</translation>
    </message>
    <message>
        <source>Shift still open</source>
        <translation>班次未结束</translation>
    </message>
    <message>
        <source>Your shift is still open: count the till and close it on Day close (Ctrl+5) before you leave. Quit anyway?</source>
        <translation>您的班次还没有结束：离开前请在“日结”（Ctrl+5）清点钱箱并结束班次。仍要退出吗？</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Clerk</source>
        <translation>收费员</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>班长</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Connection security</source>
        <translation>连接安全</translation>
    </message>
    <message>
        <source>the search box, emptied</source>
        <translation>查询框（清空）</translation>
    </message>
    <message>
        <source>the account no. box, number selected</source>
        <translation>户号框（选中原户号）</translation>
    </message>
    <message>
        <source>After a payment, the cursor goes to</source>
        <translation>收费完成后光标回到</translation>
    </message>
    <message>
        <source>Only a supervisor or an administrator changes the database address.</source>
        <translation>数据库地址只能由主管或管理员修改。</translation>
    </message>
    <message>
        <source>{field}: {problem}</source>
        <translation>{field}：{problem}</translation>
    </message>
    <message>
        <source>Cannot save the settings file {path}: {error}</source>
        <translation>无法保存设置文件 {path}：{error}</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>设置已保存。</translation>
    </message>
    <message>
        <source>The new language applies at the next start of Counter.</source>
        <translation>界面语言将在下次启动系统时生效。</translation>
    </message>
    <message>
        <source>The new database applies at the next start of Counter.</source>
        <translation>新的数据库地址将在下次启动系统时生效。</translation>
    </message>
    <message>
        <source>the database on this computer (no network)</source>
        <translation>本机数据库（不经网络）</translation>
    </message>
    <message>
        <source>a server on this computer (no network)</source>
        <translation>本机上的服务器（不经网络）</translation>
    </message>
    <message>
        <source>NOT verified (sslmode={mode}): chosen with allow_plaintext_remote in the settings file</source>
        <translation>未验证服务器（sslmode={mode}）：设置文件中的 allow_plaintext_remote 所选</translation>
    </message>
    <message>
        <source>TLS {mode}, CA file {ca}</source>
        <translation>TLS {mode}，CA 证书文件 {ca}</translation>
    </message>
    <message>
        <source>Database URL</source>
        <translation>数据库地址</translation>
    </message>
    <message>
        <source>Workstation name</source>
        <translation>工作站名称</translation>
    </message>
    <message>
        <source>Hall code</source>
        <translation>营业厅代码</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Receipt paper width</source>
        <translation>收据纸宽</translation>
    </message>
    <message>
        <source>must not be empty.</source>
        <translation>不能为空。</translation>
    </message>
    <message>
        <source>use up to 16 letters, digits, - or _ (for example HQ).</source>
        <translation>只能使用字母、数字、- 或 _，最多 16 位（例如 HQ）。</translation>
    </message>
    <message>
        <source>not a database address; for example {example}.</source>
        <translation>格式不正确，应类似 {example}。</translation>
    </message>
    <message>
        <source>only PostgreSQL is supported: a shared server&apos;s address, for example {example}, or empty for the database on this computer.</source>
        <translation>只支持 PostgreSQL：填写共享服务器地址（如 {example}），或留空使用本机数据库。</translation>
    </message>
    <message>
        <source>must not contain a password; each clerk types theirs at sign-in.</source>
        <translation>不能包含密码，密码由收费员登录时输入。</translation>
    </message>
    <message>
        <source>name the database; for example {example}.</source>
        <translation>缺少数据库名，应类似 {example}。</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Checking the database on this computer...</source>
        <translation>正在检查本机数据库…</translation>
    </message>
    <message>
        <source>Preparing the demo database on this computer (only on the first start). You can type your username and password meanwhile.</source>
        <translation>正在准备本机的演示数据库（仅首次启动时）。您可以先输入用户名和密码。</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>营业厅柜台系统</translation>
    </message>
    <message>
        <source>The folder {path} cannot be written (permissions).</source>
        <translation>文件夹 {path} 无法写入（权限不足）。</translation>
    </message>
    <message>
        <source>The disk holding {path} is full.</source>
        <translation>{path} 所在的磁盘已满。</translation>
    </message>
    <message>
        <source>No network port on this computer (127.0.0.1) is free for it.</source>
        <translation>本机（127.0.0.1）没有可用的网络端口。</translation>
    </message>
    <message>
        <source>The data in {path} was made by a newer version of Counter; install that version.</source>
        <translation>{path} 中的数据由较新版本的柜台系统创建，请安装该版本。</translation>
    </message>
    <message>
        <source>The data in {path} was made by an older PostgreSQL; it must be upgraded first.</source>
        <translation>{path} 中的数据由较旧的 PostgreSQL 创建，须先升级。</translation>
    </message>
    <message>
        <source>This installation lacks its database server; reinstall it.</source>
        <translation>本安装缺少数据库服务程序，请重新安装。</translation>
    </message>
    <message>
        <source>The database server did not start; its log is in {path}.</source>
        <translation>数据库服务未能启动，日志在 {path}。</translation>
    </message>
    <message>
        <source>The database on this computer could not be started.</source>
        <translation>本机数据库无法启动。</translation>
    </message>
    <message>
        <source>Call IT support.</source>
        <translation>请联系信息中心。</translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <source>Clerk: {name} ({role})</source>
        <translation>操作员：{name}（{role}）</translation>
    </message>
    <message>
        <source>Database: {name}</source>
        <translation>数据库：{name}</translation>
    </message>
    <message>
        <source>Checking connection...</source>
        <translation>正在检测连接…</translation>
    </message>
    <message>
        <source>Workstation: {name}</source>
        <translation>工作站：{name}</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>Connection lost</source>
        <translation>连接中断</translation>
    </message>
</context>
<context>
    <name>TaskProgress</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Starting...</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <source>{done} of {total} {unit}</source>
        <translation>{done} / {total} {unit}</translation>
    </message>
    <message>
        <source>{done} {unit}</source>
        <translation>{done} {unit}</translation>
    </message>
    <message>
        <source>Cancelling...</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>Tenders</name>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <source>Prepayment</source>
        <translation>预存抵扣</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>银行</translation>
    </message>
</context>
</TS>
