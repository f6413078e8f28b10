<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AccountPanel</name>
    <message>
        <source>Customer</source>
        <translation>用户信息</translation>
    </message>
    <message>
        <source>Account no.:</source>
        <translation>户号：</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <source>Meter location:</source>
        <translation>水表位置：</translation>
    </message>
    <message>
        <source>Mobile:</source>
        <translation>手机：</translation>
    </message>
    <message>
        <source>Fixed line:</source>
        <translation>固定电话：</translation>
    </message>
    <message>
        <source>ID number:</source>
        <translation>证件号：</translation>
    </message>
    <message>
        <source>Meter no.:</source>
        <translation>表号：</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Prepayment balance:</source>
        <translation>预存余额：</translation>
    </message>
    <message>
        <source>Relief:</source>
        <translation>低保优惠：</translation>
    </message>
    <message>
        <source>Withholding:</source>
        <translation>代扣：</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>账期：</translation>
    </message>
    <message>
        <source>Due date:</source>
        <translation>缴费期限：</translation>
    </message>
    <message>
        <source>Readings:</source>
        <translation>起止读数：</translation>
    </message>
    <message>
        <source>Usage:</source>
        <translation>用水量：</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>金额：</translation>
    </message>
    <message>
        <source>Owed:</source>
        <translation>欠费：</translation>
    </message>
    <message>
        <source>Tariff basis (Alt+J)</source>
        <translation>收费依据 (Alt+J)</translation>
    </message>
    <message>
        <source>Take payment (F5)</source>
        <translation>收费 (F5)</translation>
    </message>
    <message>
        <source>Relief application (F6)</source>
        <translation>低保申请 (F6)</translation>
    </message>
    <message>
        <source>Complaint (F7)</source>
        <translation>投诉 (F7)</translation>
    </message>
    <message>
        <source>Print past payments (F8)</source>
        <translation>打印往期交费清单 (F8)</translation>
    </message>
    <message>
        <source>Show full ID/phone (F9)</source>
        <translation>显示完整证件号/电话 (F9)</translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation>返回 (Esc)</translation>
    </message>
    <message>
        <source>Current bill</source>
        <translation>本期账单</translation>
    </message>
    <message>
        <source>&amp;Archive file…</source>
        <translation>档案(&amp;A)…</translation>
    </message>
    <message>
        <source>Opening the account…</source>
        <translation>正在打开账户…</translation>
    </message>
    <message>
        <source>The account&apos;s figures could not be read again: they may be out of date. Press Esc and open the account again.</source>
        <translation>未能重新读取该户的数据，显示的可能已过时。请按 Esc 后重新打开该户。</translation>
    </message>
    <message>
        <source>The account could not be opened.</source>
        <translation>无法打开该账户。</translation>
    </message>
    <message>
        <source>The account could not be opened: it was not found or the database does not answer. Press Esc and try again.</source>
        <translation>无法打开该账户：账户不存在或数据库无响应。请按 Esc 返回后重试。</translation>
    </message>
    <message>
        <source>Arrears: {amount}</source>
        <translation>欠费：{amount}</translation>
    </message>
    <message>
        <source> ({n} households)</source>
        <translation>（{n} 户）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>{rule}, valid {start} to {end}</source>
        <translation>{rule}，有效期 {start} 至 {end}</translation>
    </message>
    <message>
        <source>{n} t</source>
        <translation>{n} 吨</translation>
    </message>
    <message>
        <source>no bill yet</source>
        <translation>暂无账单</translation>
    </message>
    <message>
        <source>Archive no.: {no}&#x3000;Cabinet: {cabinet}</source>
        <translation>档案号：{no}&#x3000;柜号：{cabinet}</translation>
    </message>
    <message>
        <source>not numbered</source>
        <translation>未编号</translation>
    </message>
    <message>
        <source>Archive file</source>
        <translation>用户档案</translation>
    </message>
    <message>
        <source>The file gets the next archive number of its area and year. Cabinet no. (may stay empty):</source>
        <translation>档案将按属地（片区）和年度取下一个档案号。档案柜号（可不填）：</translation>
    </message>
    <message>
        <source>Archive no. {no}: move the file to cabinet no.:</source>
        <translation>档案号 {no}：移至档案柜号：</translation>
    </message>
    <message>
        <source>Archive no. {no}, cabinet {cabinet}: recorded.</source>
        <translation>档案号 {no}，柜号 {cabinet}：已登记。</translation>
    </message>
    <message>
        <source>Only a supervisor may number a file or move it.</source>
        <translation>只有主管可以编档案号或移动档案。</translation>
    </message>
    <message>
        <source>This account already has an archive number; archive numbers are never changed. Press Esc and open the account again.</source>
        <translation>该用户已有档案号；档案号不能更改。请按 Esc 后重新打开该用户。</translation>
    </message>
    <message>
        <source>The cabinet no. must have 1 to 16 characters.</source>
        <translation>档案柜号须为 1 至 16 个字符。</translation>
    </message>
    <message>
        <source>The archive file could not be recorded; try again.</source>
        <translation>档案未能登记，请重试。</translation>
    </message>
    <message>
        <source>Full ID number and phones shown; this was recorded in the audit log.</source>
        <translation>已显示完整证件号和电话；此操作已记入审计日志。</translation>
    </message>
    <message>
        <source>Too many full numbers shown this minute: wait a minute and try again (the supervisors have been told).</source>
        <translation>一分钟内查看完整号码的次数已达上限：请稍候一分钟再试（已通知主管）。</translation>
    </message>
    <message>
        <source>You may not see the full ID number or phone: a supervisor must do it.</source>
        <translation>您无权查看完整证件号和电话：请由班长操作。</translation>
    </message>
    <message>
        <source>The full values could not be shown; try again.</source>
        <translation>无法显示完整信息，请重试。</translation>
    </message>
    <message>
        <source>Withholding (&amp;K)</source>
        <translation>代扣(&amp;K)</translation>
    </message>
    <message>
        <source>Current: {amount}</source>
        <translation>本期应缴 {amount}</translation>
    </message>
    <message>
        <source>Overdue: {amount} ({days} days)</source>
        <translation>逾期欠费 {amount}（逾期{days}天）</translation>
    </message>
    <message>
        <source>Overdue: none</source>
        <translation>无逾期欠费</translation>
    </message>
    <message>
        <source>Late fee: {amount}</source>
        <translation>违约金 {amount}</translation>
    </message>
    <message>
        <source>Supply suspension: overdue {days} days</source>
        <translation>停供警告：逾期{days}天</translation>
    </message>
</context>
<context>
    <name>AdjustBillDialog</name>
    <message>
        <source>Correction</source>
        <translation>调整</translation>
    </message>
    <message>
        <source>&amp;Credit (lowers the bill)</source>
        <translation>冲减(&amp;C)（调低账单）</translation>
    </message>
    <message>
        <source>&amp;Debit (raises the bill)</source>
        <translation>补收(&amp;D)（调高账单）</translation>
    </message>
    <message>
        <source>&amp;Amount (¥)</source>
        <translation>金额(&amp;A)（元）</translation>
    </message>
    <message>
        <source>e.g. 12.50</source>
        <translation>例如 12.50</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <source>e.g. meter misread, confirmed by the meter reader</source>
        <translation>例如：抄表错误，抄表员已确认</translation>
    </message>
    <message>
        <source>&amp;Supervisor</source>
        <translation>主管(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>Adjust the bill (Enter)</source>
        <translation>调整账单 (Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
    <message>
        <source>Adjust bill {0}</source>
        <translation>调整账单 {0}</translation>
    </message>
    <message>
        <source>Account {no} {name}, bill {period} ({start} to {end})
Readings {first} → {last}, {usage} t; issued {amount}, paid {paid}, due {due}</source>
        <translation>用户 {no} {name}，{period} 账单（{start} 至 {end}）
读数 {first} → {last}，{usage} 吨；开具 {amount}，已缴 {paid}，缴费期限 {due}</translation>
    </message>
    <message>
        <source>You approve this correction as {0}; it is recorded with your name.</source>
        <translation>您以 {0} 的身份批准此次调整；系统记录您的姓名。</translation>
    </message>
    <message>
        <source>A supervisor signs in here at this workstation to approve; the correction is recorded with their name.</source>
        <translation>请主管在本机登录批准；系统记录主管的姓名。</translation>
    </message>
    <message>
        <source>Not adjusted so far; the bill comes to {0}.</source>
        <translation>尚未调整；账单金额 {0}。</translation>
    </message>
    <message>
        <source>Adjusted so far: {adjusted}; the bill comes to {net}.</source>
        <translation>已调整：{adjusted}；账单金额 {net}。</translation>
    </message>
    <message>
        <source>{amount}  {reason} (approved by {who})</source>
        <translation>{amount}  {reason}（{who} 批准）</translation>
    </message>
    <message>
        <source>After this correction the bill comes to {0}.</source>
        <translation>调整后账单金额为 {0}。</translation>
    </message>
    <message>
        <source>Amount: a credit cannot take the bill below zero; it comes to {0}, so a credit of {0} at most.</source>
        <translation>金额：冲减不能使账单低于零；账单金额 {0}，最多冲减 {0}。</translation>
    </message>
    <message>
        <source>Amount: type the amount of the correction.</source>
        <translation>金额：请输入调整金额。</translation>
    </message>
    <message>
        <source>Amount “{0}”: type it without a sign; choose credit or debit above.</source>
        <translation>金额“{0}”：请不带正负号输入，并在上方选择冲减或补收。</translation>
    </message>
    <message>
        <source>Amount “{0}”: a correction is more than 0.00.</source>
        <translation>金额“{0}”：调整金额须大于 0.00。</translation>
    </message>
    <message>
        <source>Amount “{0}”: at most two decimals (fen).</source>
        <translation>金额“{0}”：最多两位小数（分）。</translation>
    </message>
    <message>
        <source>Amount “{0}”: too large.</source>
        <translation>金额“{0}”：金额过大。</translation>
    </message>
    <message>
        <source>Amount “{0}”: not an amount; type digits like 12.50.</source>
        <translation>金额“{0}”：不是有效金额，请输入数字，如 12.50。</translation>
    </message>
    <message>
        <source>Reason: say why the bill is corrected.</source>
        <translation>原因：请说明调整账单的原因。</translation>
    </message>
    <message>
        <source>Supervisor: type the supervisor&apos;s username.</source>
        <translation>主管：请输入主管的用户名。</translation>
    </message>
    <message>
        <source>Password: the supervisor types the password.</source>
        <translation>密码：请主管输入密码。</translation>
    </message>
    <message>
        <source>Adjusting...</source>
        <translation>正在调整…</translation>
    </message>
    <message>
        <source>Done (Enter)</source>
        <translation>完成 (Enter)</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>冲减</translation>
    </message>
    <message>
        <source>Debit</source>
        <translation>补收</translation>
    </message>
    <message>
        <source>{kind} {amount} recorded, approved by {who}: the bill now comes to {net}.</source>
        <translation>已{kind} {amount}，{who} 批准：账单金额现为 {net}。</translation>
    </message>
    <message>
        <source>The connection was lost: the correction was made whole or not at all. Close this and check the bill list before trying again.</source>
        <translation>与数据库的连接中断：调整要么已完整记录，要么完全没有记录。请关闭本窗口，先查看账单列表再重试。</translation>
    </message>
    <message>
        <source>Supervisor: this user is not a supervisor; a supervisor must approve a correction.</source>
        <translation>主管：该用户不是主管；调整账单须由主管批准。</translation>
    </message>
    <message>
        <source>Amount: a credit cannot take the bill below zero. It was corrected meanwhile: nothing was written; close this, look at the bill again and try again.</source>
        <translation>金额：冲减不能使账单低于零。账单已被他人调整：本次未记录任何内容；请关闭本窗口，重新查看账单后再试。</translation>
    </message>
    <message>
        <source>Bill: this is a correction itself; correct the bill it corrects.</source>
        <translation>账单：这是一笔调整本身；请调整它所对应的原账单。</translation>
    </message>
    <message>
        <source>Supervisor: supervisors cannot sign in on this workstation.</source>
        <translation>主管：本机无法进行主管登录。</translation>
    </message>
    <message>
        <source>Reason: say why the bill is corrected (at most 200 characters).</source>
        <translation>原因：请说明调整账单的原因（最多 200 字）。</translation>
    </message>
    <message>
        <source>Amount: not accepted ({0}).</source>
        <translation>金额：未被接受（{0}）。</translation>
    </message>
</context>
<context>
    <name>DeductionLine</name>
    <message>
        <source>Prepayment &amp;deduction</source>
        <translation>预存扣款(&amp;D)</translation>
    </message>
    <message>
        <source>Prepayment deduction: {state}</source>
        <translation>预存扣款：{state}</translation>
    </message>
    <message>
        <source>Prepayment &amp;deduction: {state}</source>
        <translation>预存扣款：{state}(&amp;D)</translation>
    </message>
    <message>
        <source>At billing, the prepayment balance pays the open bills (oldest first).</source>
        <translation>出账时用预存余额抵扣未缴账单（先欠先扣）。</translation>
    </message>
    <message>
        <source>The utility has turned prepayment deduction off for every account.</source>
        <translation>本单位已对所有用户停用预存扣款。</translation>
    </message>
    <message>
        <source>Changed by {who} on {day}: {reason}</source>
        <translation>{who}于{day}修改：{reason}</translation>
    </message>
    <message>
        <source>Turn prepayment deduction off for this account</source>
        <translation>停用本户的预存扣款</translation>
    </message>
    <message>
        <source>Turn prepayment deduction on again for this account</source>
        <translation>恢复本户的预存扣款</translation>
    </message>
    <message>
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <source>off for this account</source>
        <translation>本户已停用</translation>
    </message>
    <message>
        <source>off for the utility</source>
        <translation>全单位已停用</translation>
    </message>
    <message>
        <source>Prepayment deduction</source>
        <translation>预存扣款</translation>
    </message>
    <message>
        <source>Turn prepayment deduction ON again for this account? From the next billing its prepayment pays its bills. Reason (recorded):</source>
        <translation>恢复本户的预存扣款？下次出账起用预存余额抵扣账单。原因（将记录在案）：</translation>
    </message>
    <message>
        <source>Turn prepayment deduction OFF for this account? Its prepayment no longer pays its bills at billing. Reason (recorded):</source>
        <translation>停用本户的预存扣款？出账时不再用预存余额抵扣账单。原因（将记录在案）：</translation>
    </message>
    <message>
        <source>Turn on</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Turn off</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Give a reason of 1 to 200 characters; nothing was changed.</source>
        <translation>请填写原因（1 至 200 个字）；未作修改。</translation>
    </message>
    <message>
        <source>Prepayment deduction turned on for this account; recorded.</source>
        <translation>本户已恢复预存扣款，已记录。</translation>
    </message>
    <message>
        <source>Prepayment deduction turned off for this account; recorded.</source>
        <translation>本户已停用预存扣款，已记录。</translation>
    </message>
    <message>
        <source>Only a supervisor may turn prepayment deduction off or on.</source>
        <translation>只有主管可以停用或恢复预存扣款。</translation>
    </message>
</context>
<context>
    <name>DocumentButtons</name>
    <message>
        <source>Preview (Enter)</source>
        <translation>预览 (Enter)</translation>
    </message>
    <message>
        <source>Print (Ctrl+P)</source>
        <translation>打印 (Ctrl+P)</translation>
    </message>
    <message>
        <source>Save PDF (Ctrl+S)</source>
        <translation>保存 PDF (Ctrl+S)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
    <message>
        <source>The PDF could not be saved: {error}</source>
        <translation>PDF 保存失败：{error}</translation>
    </message>
</context>
<context>
    <name>Dunning</name>
    <message>
        <source>Area</source>
        <translation>片区</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>表册</translation>
    </message>
    <message>
        <source>Account no.</source>
        <translation>用户号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>户名</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期欠费</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>Suspend</source>
        <translation>停供</translation>
    </message>
</context>
<context>
    <name>DunningDialog</name>
    <message>
        <source>Dunning and suspension lists</source>
        <translation>催缴/停供名单</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>&amp;Suspension list only</source>
        <translation>仅停供名单(&amp;S)</translation>
    </message>
    <message>
        <source>Overdue more than (&amp;days)</source>
        <translation>逾期超过天数(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Area</source>
        <translation>片区(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Book</source>
        <translation>表册(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;List</source>
        <translation>查询(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Export to Excel</source>
        <translation>导出Excel(&amp;E)</translation>
    </message>
    <message>
        <source>Reading the list…</source>
        <translation>正在读取名单…</translation>
    </message>
    <message>
        <source>{n} accounts, overdue in all {total} (as of {day})</source>
        <translation>共 {n} 户，逾期欠费合计 {total}（截至 {day}）</translation>
    </message>
    <message>
        <source>Area: no such area.</source>
        <translation>片区：没有该片区。</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出Excel</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
</context>
<context>
    <name>HistoryWidget</name>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Periods &amp;from</source>
        <translation>账期从(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;to</source>
        <translation>至(&amp;T)</translation>
    </message>
    <message>
        <source>Adjust &amp;bill…</source>
        <translation>调整账单(&amp;B)…</translation>
    </message>
    <message>
        <source>Bills</source>
        <translation>账单</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>交费记录</translation>
    </message>
    <message>
        <source>{bills} bills, {payments} payments</source>
        <translation>账单 {bills} 笔，交费 {payments} 笔</translation>
    </message>
    <message>
        <source>From period: type it as 2026-03.</source>
        <translation>起始账期：请按 2026-03 的格式输入。</translation>
    </message>
    <message>
        <source>To period: type it as 2026-03.</source>
        <translation>截止账期：请按 2026-03 的格式输入。</translation>
    </message>
    <message>
        <source>From period is after the to period.</source>
        <translation>起始账期晚于截止账期。</translation>
    </message>
    <message>
        <source>Select the bill to adjust in the bill list first.</source>
        <translation>请先在账单列表中选中要调整的账单。</translation>
    </message>
    <message>
        <source>Show the periods of the bill it corrects (clear the filter) to adjust it.</source>
        <translation>请显示它所调整的原账单所在账期（清除筛选）后再调整。</translation>
    </message>
</context>
<context>
    <name>SearchModels</name>
    <message>
        <source>Account no.</source>
        <translation>户号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>户名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Arrears</source>
        <translation>欠费</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>账期</translation>
    </message>
    <message>
        <source>Start reading</source>
        <translation>起码</translation>
    </message>
    <message>
        <source>End reading</source>
        <translation>止码</translation>
    </message>
    <message>
        <source>Usage (t)</source>
        <translation>用水量(吨)</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已缴</translation>
    </message>
    <message>
        <source>Owed</source>
        <translation>欠费</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>缴费期限</translation>
    </message>
    <message>
        <source>credit</source>
        <translation>冲减</translation>
    </message>
    <message>
        <source>debit</source>
        <translation>补收</translation>
    </message>
    <message>
        <source>{period} {kind} {amount}: {reason} (approved by {who})</source>
        <translation>{period} {kind} {amount}：{reason}（{who} 批准）</translation>
    </message>
    <message>
        <source>Corrected {amount}: comes to {net}</source>
        <translation>已调整 {amount}：现为 {net}</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Volume (t)</source>
        <translation>水量(吨)</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Paid at</source>
        <translation>交费时间</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>收据号</translation>
    </message>
    <message>
        <source>Tender</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>Bills paid</source>
        <translation>缴纳账期</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Reversed: {reason}</source>
        <translation>已冲正：{reason}</translation>
    </message>
    <message>
        <source>Posted</source>
        <translation>已入账</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期欠费</translation>
    </message>
    <message>
        <source>{amount} ({days} days)</source>
        <translation>{amount}（{days}天）</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>Customer search</source>
        <translation>用户查询</translation>
    </message>
    <message>
        <source>Account no., name or pinyin initials, phone or its last 4 digits, ID number, address, meter no.</source>
        <translation>户号、姓名或拼音首字母、电话或手机尾号 4 位、证件号、地址、表号</translation>
    </message>
    <message>
        <source>No account found. Check what you typed, or try another identifier.</source>
        <translation>未找到用户。请核对输入，或换一种信息查找。</translation>
    </message>
    <message>
        <source>showing the first {n}; type more to narrow the search.</source>
        <translation>仅显示前 {n} 条，请输入更多内容缩小范围。</translation>
    </message>
    <message>
        <source>{n} found.</source>
        <translation>找到 {n} 户。</translation>
    </message>
    <message>
        <source>The search failed: the database does not answer. Try again in a moment.</source>
        <translation>查询失败：数据库无响应，请稍后重试。</translation>
    </message>
    <message>
        <source>Dunning lists (Ctrl+D)</source>
        <translation>催缴名单 (Ctrl+D)</translation>
    </message>
</context>
<context>
    <name>SearchTexts</name>
    <message>
        <source>Type an account no., name, phone, ID number or address…</source>
        <translation>请输入户号、姓名、电话、证件号或地址…</translation>
    </message>
    <message>
        <source>Too long: type at most 64 characters.</source>
        <translation>输入过长：最多 64 个字符。</translation>
    </message>
    <message>
        <source>Type letters, digits or Chinese characters.</source>
        <translation>请输入字母、数字或汉字。</translation>
    </message>
    <message>
        <source>1-2 digits: only an exact account or meter number is looked up.</source>
        <translation>仅 1–2 位数字：只按完整户号或表号查找。</translation>
    </message>
    <message>
        <source>tel: needs a mobile number, its last 4 digits or a fixed line.</source>
        <translation>tel: 后需要手机号、手机尾号 4 位或固定电话。</translation>
    </message>
    <message>
        <source>id: needs 18 or 15 characters, or the last 4.</source>
        <translation>id: 后需要 18 位或 15 位证件号，或后 4 位。</translation>
    </message>
    <message>
        <source>no: needs an account number.</source>
        <translation>no: 后需要户号。</translation>
    </message>
    <message>
        <source>meter: needs a meter number.</source>
        <translation>meter: 后需要表号。</translation>
    </message>
    <message>
        <source>archive: needs an archive number.</source>
        <translation>档案号：请输入档案号。</translation>
    </message>
    <message>
        <source>The search took too long; type more to narrow it.</source>
        <translation>查询超时，请输入更多内容缩小范围。</translation>
    </message>
    <message>
        <source>Too many full phone or ID number searches in a minute; wait a minute. Your supervisor has been told.</source>
        <translation>一分钟内按完整手机号、电话或证件号查询的次数过多，请稍等一分钟。已通知主管。</translation>
    </message>
    <message>
        <source>account no.</source>
        <translation>户号</translation>
    </message>
    <message>
        <source>mobile</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>mobile tail</source>
        <translation>手机尾号</translation>
    </message>
    <message>
        <source>fixed line</source>
        <translation>固定电话</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号</translation>
    </message>
    <message>
        <source>ID tail</source>
        <translation>证件尾号</translation>
    </message>
    <message>
        <source>name</source>
        <translation>户名</translation>
    </message>
    <message>
        <source>pinyin</source>
        <translation>拼音</translation>
    </message>
    <message>
        <source>address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>meter no.</source>
        <translation>表号</translation>
    </message>
    <message>
        <source>archive no.</source>
        <translation>档案号</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Searching by {kinds}…</source>
        <translation>按{kinds}查找…</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已销户</translation>
    </message>
    <message>
        <source>Household meter</source>
        <translation>户表</translation>
    </message>
    <message>
        <source>Bulk meter</source>
        <translation>总表</translation>
    </message>
    <message>
        <source>Collective</source>
        <translation>集体户</translation>
    </message>
    <message>
        <source>Non-residential</source>
        <translation>非居民</translation>
    </message>
</context>
<context>
    <name>StatementDialog</name>
    <message>
        <source>Statement of past payments</source>
        <translation>往期交费清单</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <source>&amp;From period:</source>
        <translation>起始账期(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;To period:</source>
        <translation>截止账期(&amp;T)：</translation>
    </message>
    <message>
        <source>A4 (A4 printer)</source>
        <translation>A4 纸（A4 打印机）</translation>
    </message>
    <message>
        <source>{width} mm roll (receipt printer)</source>
        <translation>{width} 毫米卷纸（小票打印机）</translation>
    </message>
    <message>
        <source>Pa&amp;per:</source>
        <translation>纸张(&amp;P)：</translation>
    </message>
    <message>
        <source>From period</source>
        <translation>起始账期</translation>
    </message>
    <message>
        <source>To period</source>
        <translation>截止账期</translation>
    </message>
    <message>
        <source>{field}: type it as 2026-03.</source>
        <translation>{field}：请按 2026-03 的格式输入。</translation>
    </message>
    <message>
        <source>{field}: {first} is after the to period {last}.</source>
        <translation>{field}：{first} 晚于截止账期 {last}。</translation>
    </message>
    <message>
        <source>Preparing the statement…</source>
        <translation>正在生成清单…</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Cancelled: nothing was printed or saved.</source>
        <translation>已取消：没有打印，也没有保存。</translation>
    </message>
    <message>
        <source>Sent to the receipt printer.</source>
        <translation>已发送到小票打印机。</translation>
    </message>
    <message>
        <source>Sent to the A4 printer.</source>
        <translation>已发送到 A4 打印机。</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
    <message>
        <source>Save statement as PDF</source>
        <translation>将清单保存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>TariffBasisDialog</name>
    <message>
        <source>Tariff basis</source>
        <translation>收费依据</translation>
    </message>
    <message>
        <source>Loading the tariff…</source>
        <translation>正在读取水价…</translation>
    </message>
    <message>
        <source>Price schedule</source>
        <translation>价格方案</translation>
    </message>
    <message>
        <source>Document no.</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>执行期间</translation>
    </message>
    <message>
        <source>Tiers count</source>
        <translation>阶梯计量</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>户数调整</translation>
    </message>
    <message>
        <source>This customer</source>
        <translation>本户位置</translation>
    </message>
    <message>
        <source>Bill used</source>
        <translation>所依据账单</translation>
    </message>
    <message>
        <source>:</source>
        <translation>：</translation>
    </message>
    <message>
        <source>Tiers for this account (m³)</source>
        <translation>本户阶梯（吨）</translation>
    </message>
    <message>
        <source>Unit prices (yuan/m³)</source>
        <translation>单价（元/吨）</translation>
    </message>
    <message>
        <source>from {start}</source>
        <translation>{start} 起</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>{start} 至 {end}</translation>
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
        <source>limits × {n} households</source>
        <translation>阶梯上限 × {n} 户</translation>
    </message>
    <message>
        <source>limits as published</source>
        <translation>按标准上限，不调整</translation>
    </message>
    <message>
        <source>{year}: {used} m³ so far</source>
        <translation>{year}年累计用水 {used} 吨</translation>
    </message>
    <message>
        <source>last period: {used} m³</source>
        <translation>最近一期用水 {used} 吨</translation>
    </message>
    <message>
        <source>, in {tier}</source>
        <translation>，处于{tier}</translation>
    </message>
    <message>
        <source>{period}: {usage} m³, {amount} yuan</source>
        <translation>{period} 账期：用水 {usage} 吨，金额 {amount} 元</translation>
    </message>
    <message>
        <source>no bill yet: the schedule in force today</source>
        <translation>尚无账单：显示今日执行的价格方案</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>阶梯</translation>
    </message>
    <message>
        <source>Published limit</source>
        <translation>标准上限</translation>
    </message>
    <message>
        <source>This account</source>
        <translation>本户范围</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>已用</translation>
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
        <source>No price schedule of this account&apos;s category is in force; ask an administrator.</source>
        <translation>本户用水类别没有正在执行的价格方案，请联系系统管理员。</translation>
    </message>
    <message>
        <source>The tariff could not be read; try again.</source>
        <translation>未能读取水价，请重试。</translation>
    </message>
    <message>
        <source>Sent to the A4 printer.</source>
        <translation>已发送到 A4 打印机。</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
    <message>
        <source>Save tariff basis as PDF</source>
        <translation>将收费依据保存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>WithholdingDialog</name>
    <message>
        <source>Bank withholding</source>
        <translation>银行代扣</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>代扣协议</translation>
    </message>
    <message>
        <source>Sign an agreement</source>
        <translation>签订代扣协议</translation>
    </message>
    <message>
        <source>&amp;Bank:</source>
        <translation>开户银行(&amp;B)：</translation>
    </message>
    <message>
        <source>Bank account &amp;number:</source>
        <translation>银行账号(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Holder:</source>
        <translation>账户持有人(&amp;H)：</translation>
    </message>
    <message>
        <source>Signed &amp;on:</source>
        <translation>签约日期(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Sign</source>
        <translation>签约(&amp;S)</translation>
    </message>
    <message>
        <source>Cancel the agreement</source>
        <translation>撤销代扣协议</translation>
    </message>
    <message>
        <source>&amp;Cancel agreement</source>
        <translation>撤销协议(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>撤销原因(&amp;R)：</translation>
    </message>
    <message>
        <source>Save form as PDF (Ctrl+S)</source>
        <translation>协议书存为 PDF (Ctrl+S)</translation>
    </message>
    <message>
        <source>Print form (Ctrl+P)</source>
        <translation>打印协议书 (Ctrl+P)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>No agreement.</source>
        <translation>未签代扣协议。</translation>
    </message>
    <message>
        <source>{bank}, account {number}, holder {holder}, signed {day} by {clerk}; {state}</source>
        <translation>{bank}，账号 {number}，持有人 {holder}，{day} 由 {clerk} 受理；{state}</translation>
    </message>
    <message>
        <source>{period} {batch}: {amount} {result} {reason}</source>
        <translation>{period} 批次 {batch}：{amount} {result} {reason}</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>扣款成功</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>扣款失败</translation>
    </message>
    <message>
        <source>sent, no answer yet</source>
        <translation>已发送，银行未回盘</translation>
    </message>
    <message>
        <source>No withholding requests yet.</source>
        <translation>尚无代扣记录。</translation>
    </message>
    <message>
        <source>Signed on: type the date as 2026-12-04.</source>
        <translation>签约日期：请按 2026-12-04 的格式输入。</translation>
    </message>
    <message>
        <source>Agreement signed: print the form for the customer to sign.</source>
        <translation>已签约：请打印协议书请客户签字。</translation>
    </message>
    <message>
        <source>Agreement cancelled.</source>
        <translation>代扣协议已撤销。</translation>
    </message>
    <message>
        <source>Bank account number: 10 to 30 digits.</source>
        <translation>银行账号：应为 10 至 30 位数字。</translation>
    </message>
    <message>
        <source>Holder: type the name on the bank account.</source>
        <translation>账户持有人：请输入银行账户上的户名。</translation>
    </message>
    <message>
        <source>Signed on: not in the future, within the last year.</source>
        <translation>签约日期：不能晚于今天，且在一年以内。</translation>
    </message>
    <message>
        <source>The account has an agreement already: cancel it first.</source>
        <translation>该户已有代扣协议：请先撤销。</translation>
    </message>
    <message>
        <source>Reason: say why the agreement is cancelled.</source>
        <translation>撤销原因：请填写撤销的原因。</translation>
    </message>
    <message>
        <source>The agreement changed meanwhile; it was read again.</source>
        <translation>协议已被他人修改，已重新读取。</translation>
    </message>
    <message>
        <source>Refused: {reason}</source>
        <translation>办理被拒绝：{reason}</translation>
    </message>
    <message>
        <source>Sent to the A4 printer.</source>
        <translation>已发送到 A4 打印机。</translation>
    </message>
    <message>
        <source>Form saved.</source>
        <translation>协议书已保存。</translation>
    </message>
    <message>
        <source>The form could not be printed or saved: {error}</source>
        <translation>协议书未能打印或保存：{error}</translation>
    </message>
    <message>
        <source>Save the agreement form as PDF</source>
        <translation>将代扣协议书保存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>WithholdingTexts</name>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>cancelled on {day}</source>
        <translation>已于 {day} 撤销</translation>
    </message>
    <message>
        <source>{bank}, account ending {tail}</source>
        <translation>{bank}，尾号{tail}</translation>
    </message>
    <message>
        <source> · last withholding paid {amount}</source>
        <translation> · 上次代扣成功 {amount}</translation>
    </message>
    <message>
        <source> · last withholding failed: {reason}</source>
        <translation> · 上次代扣失败：{reason}</translation>
    </message>
</context>
</TS>
